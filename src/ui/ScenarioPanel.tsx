/**
 * Every assumption, editable: each field shows its unit, range and the source of its default.
 * A rejected value is explained (field named, range given) and the scenario in force is kept.
 * Presets, JSON import and export, and a reset are here too.
 */
import { type ChangeEvent, type ReactNode, useRef, useState } from 'react'
import { PRESETS } from '../sim/scenario/presets'
import type { ParamDef } from '../sim/scenario/types'
import { listParams, paramValue } from '../sim/scenario/validate'
import { useScenario } from '../state/scenario'
import { useUi } from '../state/ui'

const PARAMS = listParams()
const GROUP_LABEL: Record<string, string> = {
  horizon: 'Time horizon',
  constellation: 'Orbital constellation',
  base: 'Moon Base Alpha',
  massDriver: 'Mass driver and deep space',
}

function Field({ group, name, def, value }: { group: string; name: string; def: ParamDef; value: unknown }) {
  const apply = useScenario((s) => s.apply)
  const [draft, setDraft] = useState<string | null>(null)
  const commit = (v: unknown) => {
    if (!apply({ [group]: { [name]: v } })) setDraft(null)
  }
  const id = `p-${group}-${name}`
  let input: ReactNode
  switch (def.kind) {
    case 'number':
      input = (
        <input
          id={id}
          type="number"
          step={def.step ?? 'any'}
          value={draft ?? String(value)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft === null) return
            commit(draft.trim() === '' ? NaN : Number(draft))
            setDraft(null)
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      )
      break
    case 'enum':
      input = (
        <select id={id} value={String(value)} onChange={(e) => commit(e.target.value)}>
          {def.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      )
      break
    case 'boolean':
      input = <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => commit(e.target.checked)} />
      break
    default:
      input = (
        <textarea
          id={id}
          rows={3}
          value={draft ?? JSON.stringify(value)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft === null) return
            try {
              commit(JSON.parse(draft))
            } catch {
              useScenario.setState({
                errors: [
                  {
                    path: `${group}.${name}`,
                    message: `${def.label} (${group}.${name}) is not valid JSON; it must be ${def.kind === 'schedule' ? 'a list of [year, value] pairs' : 'a list of objects'}.`,
                  },
                ],
              })
            }
            setDraft(null)
          }}
        />
      )
  }
  const range = def.kind === 'number' || def.kind === 'schedule' ? `${def.min} – ${def.max} ${def.unit}` : ''
  return (
    <div className="field">
      <label htmlFor={id} title={def.help}>
        {def.label}
        {'unit' in def && def.unit ? <span className="unit"> ({def.unit})</span> : null}
      </label>
      {input}
      <div className="meta">
        {range && <span className="range">{range}</span>}
        <span className="source" title={def.source}>
          Source: {def.source}
        </span>
      </div>
    </div>
  )
}

export function ScenarioPanel() {
  const show = useUi((s) => s.showScenario)
  const scenario = useScenario((s) => s.scenario)
  const errors = useScenario((s) => s.errors)
  const file = useRef<HTMLInputElement>(null)
  if (!show) return null
  const groups = [...new Set(PARAMS.map((p) => p.group))]

  const exportJson = () => {
    const blob = new Blob([JSON.stringify(scenario, null, 2)], { type: 'application/json' })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = `terawatt-scenario-${scenario.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 1000)
  }
  const importJson = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0]
    e.target.value = ''
    if (!f) return
    let parsed: unknown
    try {
      parsed = JSON.parse(await f.text())
    } catch {
      useScenario.setState({ errors: [{ path: '', message: `${f.name} is not valid JSON; the scenario in force is unchanged.` }] })
      return
    }
    if (useScenario.getState().apply(parsed)) useUi.getState().notify(`Scenario imported from ${f.name}.`)
  }

  return (
    <aside className="scenario panel" aria-label="Scenario" data-testid="scenario-panel">
      <header>
        <h2>Scenario: {scenario.name}</h2>
        <button onClick={() => useUi.getState().toggleScenario()} aria-label="Close">
          ×
        </button>
      </header>
      <div className="row">
        <select aria-label="Preset" value="" onChange={(e) => e.target.value && useScenario.getState().loadPreset(e.target.value)}>
          <option value="">Load a preset…</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id} title={p.description}>
              {p.name}
            </option>
          ))}
        </select>
        <button onClick={() => file.current?.click()}>Import JSON</button>
        <button onClick={exportJson}>Export JSON</button>
        <button onClick={() => useScenario.getState().reset()}>Reset</button>
        <input ref={file} type="file" accept="application/json,.json" hidden onChange={importJson} data-testid="scenario-import" />
      </div>
      {errors.length > 0 && (
        <div className="errors" role="alert" data-testid="scenario-errors">
          <strong>Not applied; the previous scenario stays in force.</strong>
          <ul>
            {errors.slice(0, 6).map((e) => (
              <li key={`${e.path}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {groups.map((g) => (
        <section key={g}>
          <h3>{GROUP_LABEL[g] ?? g}</h3>
          {PARAMS.filter((p) => p.group === g).map((p) => (
            <Field key={p.path} group={g} name={p.key} def={p.def} value={paramValue(scenario, g, p.key)} />
          ))}
        </section>
      ))}
    </aside>
  )
}

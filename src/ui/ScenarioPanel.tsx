/**
 * Every assumption, editable: each field shows its unit, range and the source of its default.
 * Schedules and lists are small tables (TableField), not JSON. A refused value stays in its field,
 * marked, with the reason right under it, scrolled into view; the scenario in force is kept.
 * Presets, the comparison (what-if), JSON import, exports (scenario JSON, yearly rows as CSV and
 * JSON) and a reset are at the top.
 */
import { type ChangeEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { PRESETS } from '../sim/scenario/presets'
import type { ParamDef, ValidationError } from '../sim/scenario/types'
import { listParams, paramValue } from '../sim/scenario/validate'
import { useScenario } from '../state/scenario'
import { useStory } from '../state/story'
import { useUi } from '../state/ui'
import { exportRowsCsv, exportRowsJson, exportScenarioJson } from './story/exports'
import { ComparePicker } from './story/StoryCharts'
import { TableField } from './story/TableField'
import { RejectedScenarios } from './RejectedScenarios'
import './story/scenario.css'

const PARAMS = listParams()
const PATHS = PARAMS.map((p) => p.path)
const GROUP_LABEL: Record<string, string> = {
  horizon: 'Time horizon',
  constellation: 'Orbital constellation',
  base: 'Moon Base Alpha',
  massDriver: 'Mass driver and deep space',
}

/** Whether an error's path points at a field (itself, an entry of it, or a part of an entry). */
const atField = (e: ValidationError, path: string) => e.path === path || e.path.startsWith(`${path}[`) || e.path.startsWith(`${path}.`)

function Field({ group, name, def, value, errors }: { group: string; name: string; def: ParamDef; value: unknown; errors: ValidationError[] }) {
  const apply = useScenario((s) => s.apply)
  const [draft, setDraft] = useState<string | null>(null)
  // A new value in force (a preset, an import, a reset) replaces a refused draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: value is the trigger, not read
  useEffect(() => setDraft(null), [value])
  const box = useRef<HTMLDivElement>(null)
  const path = `${group}.${name}`
  const mine = errors.filter((e) => atField(e, path))
  // A refused value is explained where it was typed: bring that into view.
  useEffect(() => {
    if (mine.length) box.current?.scrollIntoView({ block: 'nearest' })
  }, [mine.length])
  const put = (v: unknown) => apply({ [group]: { [name]: v } })
  const id = `p-${group}-${name}`
  let input: ReactNode
  switch (def.kind) {
    case 'number':
      input = (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          aria-invalid={mine.length > 0 || undefined}
          value={draft ?? String(value)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft === null) return
            const t = draft.trim()
            // Text that is not a number goes to validation as it is, so the message names the field and its range.
            if (put(t === '' || Number.isNaN(Number(t)) ? t : Number(t))) setDraft(null)
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      )
      break
    case 'enum':
      input = (
        <select id={id} value={String(value)} onChange={(e) => put(e.target.value)}>
          {def.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      )
      break
    case 'boolean':
      input = <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => put(e.target.checked)} />
      break
    default:
      input = <TableField id={id} path={path} def={def} value={value} errors={mine} apply={put} />
  }
  const range = def.kind === 'number' || def.kind === 'schedule' ? `${def.min} – ${def.max} ${def.unit}` : ''
  return (
    <div className={`field${mine.length ? ' refused' : ''}`} ref={box} data-testid={`field-${path}`}>
      <label htmlFor={id} title={def.help}>
        {def.label}
        {'unit' in def && def.unit ? <span className="unit"> ({def.unit})</span> : null}
      </label>
      {input}
      {mine.length > 0 && (
        <ul className="field-errors" role="alert" data-testid={`field-error-${path}`}>
          {mine.slice(0, 3).map((e) => (
            <li key={`${e.path}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
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
  const rows = useStory((s) => s.rows)
  const file = useRef<HTMLInputElement>(null)
  if (!show) return null
  const groups = [...new Set(PARAMS.map((p) => p.group))]
  // Errors no field shows (a file that is not JSON, an unknown section) are only at the top.
  const unplaced = errors.filter((e) => !PATHS.some((p) => atField(e, p)))

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
        <button onClick={() => useScenario.getState().reset()}>Reset</button>
        <button onClick={() => file.current?.click()}>Import JSON</button>
        <input ref={file} type="file" accept="application/json,.json" hidden onChange={importJson} data-testid="scenario-import" />
      </div>
      <div className="row">
        <ComparePicker />
        <button onClick={() => useStory.setState({ showCharts: true })} title="Charts over the horizon, both scenarios overlaid (C)">
          Charts
        </button>
      </div>
      <div className="row exports">
        <span className="muted">Export</span>
        <button onClick={() => exportScenarioJson(scenario)} data-testid="export-scenario">
          Scenario JSON
        </button>
        <button disabled={rows.length === 0} onClick={() => exportRowsCsv(scenario, rows)} data-testid="export-csv" title="One row per year, the CLI's columns">
          Years CSV
        </button>
        <button disabled={rows.length === 0} onClick={() => exportRowsJson(scenario, rows)} data-testid="export-rows-json">
          Years JSON
        </button>
      </div>
      {errors.length > 0 && (
        <div className="errors" role="alert" data-testid="scenario-errors">
          <strong>Not applied; the previous scenario stays in force.</strong>
          {unplaced.length < errors.length && <span> The field is marked below.</span>}
          <ul>
            {errors.slice(0, 6).map((e) => (
              <li key={`${e.path}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <RejectedScenarios />
      {groups.map((g) => (
        <section key={g}>
          <h3>{GROUP_LABEL[g] ?? g}</h3>
          {PARAMS.filter((p) => p.group === g).map((p) => (
            <Field key={p.path} group={g} name={p.key} def={p.def} value={paramValue(scenario, g, p.key)} errors={errors} />
          ))}
        </section>
      ))}
    </aside>
  )
}

/**
 * Moon Base Alpha's panel (shown while the base is focused): the base's numbers, written to DOM
 * refs every frame from currentBaseState(); explore mode and points of interest; and the clicked
 * structure's description, each number with its source (src/sim/base/describe.ts).
 */
import { useMemo, useRef } from 'react'
import { describeStructure, type DescribeLine } from '../sim/base/describe'
import type { BaseScenario, BaseState } from '../sim/base/growth'
import { currentBaseState, useBase } from '../state/base'
import { useClock } from '../state/clock'
import { useScenario } from '../state/scenario'
import { useUi } from '../state/ui'
import { fullLayout, pointsOfInterest } from '../scene/base/layoutCache'
import { count, si } from './format'
import { useRafLoop } from './useRafLoop'

const ROWS: { key: string; label: string; title: string; value: (s: BaseState) => string }[] = [
  { key: 'population', label: 'Population', title: 'Crew per landing × landings within a tour (growth model)', value: (s) => count(s.population) },
  { key: 'power', label: 'Solar power (avg)', title: 'Peak × site illumination (FACTS §3)', value: (s) => si(s.solarAverageW, 'W') },
  { key: 'factory', label: 'Factory output', title: 'Factory power ÷ energy per kg (params.ts)', value: (s) => `${si(s.factoryOutputTPerYear, 't')}/yr` },
  { key: 'satellites', label: 'Satellites made', title: 'Made mass ÷ satellite mass', value: (s) => count(s.satellitesMadeCount) },
  { key: 'landings', label: 'Cargo landings', title: 'Starship HLS cargo landings (FACTS §2)', value: (s) => count(s.cargoLandings) },
  { key: 'launched', label: 'Thrown by mass driver', title: 'Satellite mass launched (FACTS §4)', value: (s) => si(s.satellitesLaunchedT, 't') },
]

function formatLine(l: DescribeLine): string {
  if (typeof l.value === 'string') return l.value
  if (l.unit === '' || l.unit === 'people') return `${count(l.value)}${l.unit ? ' ' + l.unit : ''}`
  if (l.unit === 'W' || l.unit === 't' || l.unit === 'm') return si(l.value, l.unit)
  return `${si(l.value, '')}${l.unit}`.replace(/ ([a-zA-Z])/, ' $1')
}

function Selected() {
  const sel = useBase((s) => s.selected)
  const vals = useRef<(HTMLElement | null)[]>([])
  const desc = useMemo(() => (sel ? describeStructure(sel.kind, currentBaseState()) : null), [sel])
  useRafLoop(() => {
    if (!sel) return
    const d = describeStructure(sel.kind, currentBaseState())
    for (let i = 0; i < d.lines.length; i++) {
      const el = vals.current[i]
      const text = formatLine(d.lines[i])
      if (el && el.textContent !== text) el.textContent = text
    }
  })
  if (!sel || !desc) return null
  return (
    <section className="base-selected panel" data-testid="base-structure" aria-label="Structure">
      <header>
        <h3>{desc.title} <span className="muted">#{sel.index + 1}</span></h3>
        <button aria-label="Close" onClick={() => useBase.setState({ selected: null })}>×</button>
      </header>
      <dl className="base-lines">
        {desc.lines.map((l, i) => (
          <div key={l.label} className="base-line">
            <dt>{l.label}</dt>
            <dd ref={(el) => { vals.current[i] = el }}>{formatLine(l)}</dd>
            <p className="source">{l.source}</p>
          </div>
        ))}
      </dl>
    </section>
  )
}

export function BasePanel() {
  const focus = useUi((s) => s.focus)
  const exploring = useBase((s) => s.exploring)
  const scenario = useScenario((s) => s.scenario)
  const horizonEndMs = useClock((s) => s.horizonEndMs)
  const pois = useMemo(() => pointsOfInterest(fullLayout(scenario as unknown as BaseScenario, horizonEndMs)), [scenario, horizonEndMs])
  const cells = useRef<(HTMLElement | null)[]>([])
  const last = useRef<BaseState | null>(null)
  useRafLoop(() => {
    const s = currentBaseState()
    if (s === last.current) return
    last.current = s
    for (let i = 0; i < ROWS.length; i++) {
      const el = cells.current[i]
      if (el) el.textContent = ROWS[i].value(s)
    }
  })
  if (focus !== 'base') return null
  return (
    <>
    <aside className="base-panel panel" data-testid="base-panel" aria-label="Moon Base Alpha">
      <h3>Moon Base Alpha</h3>
      <dl className="readouts">
        {ROWS.map((r, i) => (
          <div key={r.key} className="row" title={r.title}>
            <dt>{r.label}</dt>
            <dd ref={(el) => { cells.current[i] = el }} data-testid={`base-${r.key}`}>–</dd>
          </div>
        ))}
      </dl>
      <div className="base-actions">
        <button className={exploring ? 'on' : ''} onClick={() => useBase.getState().setExploring(!exploring)} title="Explore on foot or hovering (E)" data-testid="base-explore">
          {exploring ? 'Exit explore' : 'Explore'}
        </button>
        {pois.map((p) => (
          <button key={p.id} onClick={() => useBase.getState().jumpTo(p.id)} data-testid={`base-poi-${p.id}`}>{p.label}</button>
        ))}
      </div>
      {exploring && <p className="muted hint">W A S D / arrows move · R F up/down · Shift faster · drag to look</p>}
    </aside>
    <Selected />
    </>
  )
}

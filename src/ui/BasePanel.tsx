/**
 * Moon Base Alpha's panel (shown while the base is focused): the base's numbers from the worker's
 * latest snapshot ("–" until one arrives), written to DOM refs from the overlay loop when the
 * snapshot changes; explore mode and points of interest (from the worker's layout); and the
 * clicked structure's description, each number with its source (src/sim/base/describe.ts).
 * Nothing is computed here while the panel is hidden.
 */
import { useMemo, useRef } from 'react'
import { describeStructure, type DescribeLine } from '../sim/base/describe'
import type { BaseState } from '../sim/base/growth'
import { pointsOfInterest } from '../sim/base/pointsOfInterest'
import { applyShot, SHOTS, shotById } from '../present/shots'
import type { BaseSnapshot } from '../sim/base/snapshot'
import { useBase } from '../state/base'
import { useSim } from '../state/sim'
import { useUi } from '../state/ui'
import { count, si } from './format'
import { setText, useOverlayText } from './overlayLoop'
import { Readouts } from './Readouts'

/** The base at the latest snapshot's time, or null until the worker sent one (values show "–"). */
const currentBaseSnapshot = (): BaseSnapshot | null => useSim.getState().snapshot?.base ?? null

const ROWS: { key: string; label: string; title: string; value: (s: BaseState) => string }[] = [
  { key: 'population', label: 'Population', title: 'Crew per landing × landings within a tour (growth model)', value: (s) => count(s.population) },
  { key: 'power', label: 'Solar power (avg)', title: 'Peak × site illumination (SOURCES §3)', value: (s) => si(s.solarAverageW, 'W') },
  { key: 'factory', label: 'Factory output', title: 'Factory power ÷ energy per kg (params.ts)', value: (s) => `${si(s.factoryOutputTPerYear, 't')}/yr` },
  { key: 'satellites', label: 'Satellites made', title: 'Made mass ÷ satellite mass', value: (s) => count(s.satellitesMadeCount) },
  { key: 'landings', label: 'Cargo landings', title: 'Starship HLS cargo landings (SOURCES §2)', value: (s) => count(s.cargoLandings) },
  { key: 'launched', label: 'Thrown by mass driver', title: 'Satellite mass launched (SOURCES §4)', value: (s) => si(s.satellitesLaunchedT, 't') },
]

function formatLine(l: DescribeLine): string {
  if (typeof l.value === 'string') return l.value
  if (l.unit === '' || l.unit === 'people') return `${count(l.value)}${l.unit ? ` ${l.unit}` : ''}`
  if (l.unit === 'W' || l.unit === 't' || l.unit === 'm') return si(l.value, l.unit)
  return `${si(l.value, '')}${l.unit}`.replace(/ ([a-zA-Z])/, ' $1')
}

function Selected() {
  const sel = useBase((s) => s.selected)
  const vals = useRef<(HTMLElement | null)[]>([])
  const desc = useMemo(() => {
    const snap = currentBaseSnapshot()
    return sel && snap ? describeStructure(sel.kind, snap.state) : null
  }, [sel])
  const last = useRef<BaseSnapshot | null>(null)
  useOverlayText(() => {
    const snap = currentBaseSnapshot()
    if (!sel || !snap || snap === last.current) return
    last.current = snap
    const d = describeStructure(sel.kind, snap.state)
    for (let i = 0; i < d.lines.length; i++) setText(vals.current[i], formatLine(d.lines[i]))
  })
  if (!sel || !desc) return null
  return (
    <section className="base-selected panel" data-testid="base-structure" aria-label="Structure">
      <header>
        <h3>
          {desc.title} <span className="muted">#{sel.index + 1}</span>
        </h3>
        <button aria-label="Close" onClick={() => useBase.setState({ selected: null })}>
          ×
        </button>
      </header>
      <dl className="base-lines">
        {desc.lines.map((l, i) => (
          <div key={l.label} className="base-line">
            <dt>{l.label}</dt>
            <dd
              ref={(el) => {
                vals.current[i] = el
              }}
            >
              {formatLine(l)}
            </dd>
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
  const layout = useBase((s) => s.layout)
  const cells = useRef<(HTMLElement | null)[]>([])
  const last = useRef<BaseSnapshot | null>(null)
  useOverlayText(() => {
    if (focus !== 'base') {
      last.current = null // the cells are drawn afresh ("–") when the panel shows again
      return
    }
    const snap = currentBaseSnapshot()
    if (snap === last.current) return
    last.current = snap
    for (let i = 0; i < ROWS.length; i++) setText(cells.current[i], snap ? ROWS[i].value(snap.state) : '–')
  })
  if (focus !== 'base') return null
  const pois = layout ? pointsOfInterest(layout) : []
  return (
    <>
      <aside className="base-panel panel" data-testid="base-panel" aria-label="Moon Base Alpha">
        <h3>Moon Base Alpha</h3>
        <Readouts rows={ROWS} cells={cells} testIdPrefix="base-" />
        <div className="base-actions">
          <button
            className={exploring ? 'on' : ''}
            onClick={() => useBase.getState().setExploring(!exploring)}
            title="Explore on foot or hovering (E)"
            data-testid="base-explore"
          >
            {exploring ? 'Exit explore' : 'Explore'}
          </button>
          {pois.map((p) => (
            <button key={p.id} onClick={() => useBase.getState().jumpTo(p.id)} data-testid={`base-poi-${p.id}`}>
              {p.label}
            </button>
          ))}
        </div>
        <label className="base-shots">
          Shots{' '}
          <select
            value=""
            onChange={(e) => {
              const s = shotById(e.target.value)
              if (s) applyShot(s)
            }}
            title="Best frames of the base: time, clock and camera (also ?shot=<id>)"
            data-testid="base-shots"
          >
            <option value="">Choose a shot…</option>
            {SHOTS.map((s) => (
              <option key={s.id} value={s.id} title={s.description}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        {exploring && <p className="muted hint">W A S D / arrows move · R F up/down · Shift faster · drag to look</p>}
      </aside>
      <Selected />
    </>
  )
}

/**
 * The mass driver's panel: track physics (src/sim/massDriver/track.ts: L = v²/2a, time on the
 * track, energy per shot, mean and peak electrical power), the shot rate and mass thrown now, what
 * has been launched so far and the limit that binds, from the deep-space snapshot's model figures
 * at the displayed instant (the base's growth model: the same numbers as the base panel, at once
 * after a far jump), and where the shots went (the integrated windows, which may lag after a jump:
 * the note says up to when). Written to DOM refs from the overlay loop once per snapshot, only
 * where the text changed. Below the base panel it takes the column's remaining height and scrolls
 * inside (styles.css, `.column.right > .mass-driver[open]`).
 */
import { isoDay } from '../sim/time'
import { useEffect, useRef } from 'react'
import { useDeepSpace } from '../state/deepSpace'
import { useUi } from '../state/ui'
import type { DeepSnapshot } from '../sim/massDriver/snapshot'
import { OUTCOMES } from '../sim/massDriver/shot'
import { MS_PER_DAY } from '../sim/constants'
import { OUTCOME_COLORS, OUTCOME_LABELS } from '../palette'
import { count, si } from './format'
import { setText, useOverlayText } from './overlayLoop'
import { Readouts } from './Readouts'
import { LIMIT_LABELS } from './story/limits'

/** Each row's figure (compared before formatting: most hold from one snapshot to the next) and its text. */
type Row = { key: string; label: string; title: string; val: (s: DeepSnapshot) => number | string; fmt: (v: never) => string }
const row = <V extends number | string>(r: { key: string; label: string; title: string; val: (s: DeepSnapshot) => V; fmt: (v: V) => string }): Row => r

const ROWS: Row[] = [
  row({ key: 'length', label: 'Track length', title: 'L = v² / 2a (SOURCES §4)', val: (s) => s.track.lengthM, fmt: (v) => si(v, 'm') }),
  row({ key: 'time', label: 'Time on track', title: 'v / a', val: (s) => s.track.timeOnTrackS, fmt: (v) => `${v.toPrecision(3)} s` }),
  row({ key: 'energy', label: 'Energy per shot', title: '½ m v² at the muzzle', val: (s) => s.track.energyPerShotJ, fmt: (v) => si(v, 'J') }),
  row({ key: 'mean', label: 'Mean electrical power', title: 'shots/s × ½ m v² / η', val: (s) => s.track.meanPowerW, fmt: (v) => si(v, 'W') }),
  row({ key: 'peak', label: 'Peak electrical power', title: 'm a v / η at the muzzle instant', val: (s) => s.track.peakPowerW, fmt: (v) => si(v, 'W') }),
  row({
    key: 'rate',
    label: 'Shots per hour now',
    title: "The driver's power ÷ energy per shot (base growth model)",
    val: (s) => s.model.shotsPerHour,
    fmt: (v) => count(v),
  }),
  row({ key: 'massYr', label: 'Mass per year', title: 'payload × shots/h × 8,766 h', val: (s) => s.model.massPerYearKg, fmt: (v) => si(v / 1000, 't/yr') }),
  row({
    key: 'shots',
    label: 'Shots so far',
    title: 'Mass thrown ÷ payload (the base panel’s “Thrown by mass driver”)',
    val: (s) => s.model.shots,
    fmt: (v) => count(v),
  }),
  row({
    key: 'mass',
    label: 'Mass launched',
    title: 'Cumulative payload mass (the same as the base panel)',
    val: (s) => s.model.massLaunchedKg,
    fmt: (v) => si(v / 1000, 't'),
  }),
  row({
    key: 'deep',
    label: 'Deep-space compute',
    title: 'Payloads that left the Moon × t × kW/t',
    val: (s) => s.model.deepSpaceComputeW,
    fmt: (v) => si(v, 'W'),
  }),
  row({
    key: 'limit',
    label: 'Limit that binds',
    title: "What stops the Moon's industry growing faster now (base growth model)",
    val: (s) => s.model.bindingLimit,
    fmt: (v: DeepSnapshot['model']['bindingLimit']) => LIMIT_LABELS[v],
  }),
]

export function MassDriverPanel() {
  const cells = useRef<(HTMLElement | null)[]>([])
  const bars = useRef<(HTMLElement | null)[]>([])
  const nums = useRef<(HTMLElement | null)[]>([])
  const note = useRef<HTMLDivElement>(null)
  const last = useRef<unknown>(null)
  /** What was last written, as numbers: rows' figures, outcome counts and bar widths (tenths of %), the note's inputs. */
  const shown = useRef({
    rows: ROWS.map((): number | string => NaN),
    counts: OUTCOMES.map(() => NaN),
    widths: OUTCOMES.map(() => NaN),
    note: [NaN, NaN, NaN],
  })
  useOverlayText(() => {
    const s = useDeepSpace.getState().snapshot
    if (!s || s === last.current) return
    last.current = s
    const l = shown.current
    for (let i = 0; i < ROWS.length; i++) {
      const v = ROWS[i].val(s)
      if (v === l.rows[i]) continue
      l.rows[i] = v
      setText(cells.current[i], ROWS[i].fmt(v as never))
    }
    const total = Math.max(1, s.shots)
    for (let i = 0; i < OUTCOMES.length; i++) {
      const n = s.outcomes[OUTCOMES[i]],
        b = bars.current[i]
      const w = Math.round((1000 * n) / total)
      if (b && w !== l.widths[i]) {
        l.widths[i] = w
        b.style.width = `${(w / 10).toFixed(1)}%`
      }
      if (n !== l.counts[i]) {
        l.counts[i] = n
        setText(nums.current[i], count(n))
      }
    }
    // The note: while catching up, the day the figures reach; then the swarm's dots.
    const nt = l.note
    const a = s.catchingUp ? 1 : 0,
      b = s.catchingUp ? Math.floor(s.figuresAtMs / MS_PER_DAY) : s.swarmPoints,
      c = s.catchingUp ? 0 : s.payloadsPerPoint
    if (a !== nt[0] || b !== nt[1] || c !== nt[2]) {
      nt[0] = a
      nt[1] = b
      nt[2] = c
      setText(
        note.current,
        s.catchingUp
          ? `Integrating launch windows… where they went: up to ${isoDay(s.figuresAtMs)}`
          : `Swarm: ${count(s.swarmPoints)} dots, each ${count(s.payloadsPerPoint)} payloads`,
      )
    }
  })
  // Folded in the Earth view (the orbital constellation's view), open elsewhere; a click toggles it.
  const folded = useUi((u) => u.focus === 'earth' || u.focus === 'satellite')
  // The key below remounts the cells when the fold changes: forget what was written, so the next
  // frame fills them even while paused (the snapshot then does not change).
  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs when `folded` remounts the cells
  useEffect(() => {
    last.current = null
    const l = shown.current
    l.rows.fill(NaN)
    l.counts.fill(NaN)
    l.widths.fill(NaN)
    l.note.fill(NaN)
  }, [folded])
  return (
    <details key={folded ? 'folded' : 'open'} className="mass-driver panel" data-testid="mass-driver" open={!folded}>
      <summary>Mass driver</summary>
      <Readouts rows={ROWS} cells={cells} testIdPrefix="md-" />
      <div className="outcomes" title="Where the shots launched so far go (their window's integrated trajectory)">
        {OUTCOMES.map((o, i) => (
          <div key={o} className="outcome">
            <span className="label">{OUTCOME_LABELS[o]}</span>
            <span className="bar">
              <span
                ref={(el) => {
                  bars.current[i] = el
                }}
                style={{ background: OUTCOME_COLORS[o] }}
              />
            </span>
            <span
              className="num"
              ref={(el) => {
                nums.current[i] = el
              }}
              data-testid={`md-outcome-${o}`}
            >
              0
            </span>
          </div>
        ))}
      </div>
      <div className="muted md-note" ref={note} />
    </details>
  )
}

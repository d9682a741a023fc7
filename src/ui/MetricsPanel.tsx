/**
 * The constellation's numbers at the current time, written to DOM refs from the overlay loop,
 * once per new snapshot and only where the text changed; the year's flows (launches, compute
 * added) from the yearly rows of the same schedule (src/sim/story/yearly.ts), so every figure here
 * describes the same satellites. The charts open from here (button or C).
 */
import { useRef } from 'react'
import { EARTH_DATA_CENTRES_W } from '../sim/constellation/metrics'
import { useSim } from '../state/sim'
import { rowOfYear, useStory } from '../state/story'
import { count, si } from './format'
import { setText, useOverlayText } from './overlayLoop'
import { Readouts } from './Readouts'
import './story/panels.css'

/** The snapshot's constellation figures, as the store holds them. */
type Metrics = NonNullable<NonNullable<ReturnType<typeof useSim.getState>['snapshot']>['constellation']>

type Row = { key: keyof Metrics; label: string; title: string; fmt: (v: number) => string }

/** Always shown. */
const MAIN: Row[] = [
  { key: 'satellites', label: 'Satellites in orbit', title: 'Compute satellites deployed and not yet retired', fmt: (v) => count(v) },
  { key: 'orbitalComputeW', label: 'Orbital compute', title: 'Satellites × compute power each (SOURCES §1)', fmt: (v) => si(v, 'W') },
  { key: 'retiredSatellites', label: 'Retired so far', title: 'Satellites deorbited at the end of their design life (SOURCES §7)', fmt: (v) => count(v) },
]
/** Under "More" (folded: the panel stays small). */
const MORE: Row[] = [
  { key: 'launches', label: 'Starship launches', title: 'Cumulative flights from the cadence schedule (SOURCES §2)', fmt: (v) => count(v) },
  { key: 'massToOrbitT', label: 'Mass to orbit', title: 'Payload delivered to orbit (t)', fmt: (v) => si(v, 't') },
  { key: 'arrayAreaM2', label: 'Solar array area', title: 'Power ÷ (cell efficiency × 1360.8 W/m²), SOURCES §1', fmt: (v) => `${si(v / 1e6, '')}km²` },
  { key: 'radiatorAreaM2', label: 'Radiator area', title: 'Heat ÷ two-sided σεT⁴ (SOURCES §1)', fmt: (v) => `${si(v / 1e6, '')}km²` },
]
const ROWS = [...MAIN, ...MORE]

/** Orbital compute ÷ all of Earth's data centres, from the compute shown above (never a stale ratio). */
const ratioText = (w: number) => {
  const v = w / EARTH_DATA_CENTRES_W
  return v >= 0.1 ? `${v.toPrecision(3)}×` : `${(v * 100).toPrecision(2)} %`
}

/** The calendar year's flows, from its yearly row (the whole year's schedule). */
const YEAR_ROWS = [
  { key: 'dataCentreRatio', label: "vs Earth's data centres", title: 'Orbital compute ÷ 47 GW, all data centres in 2024 (IEA, SOURCES §5)' },
  { key: 'launchesInYear', label: 'Launches this year', title: 'Constellation flights in the calendar year (yearly rows, the same schedule)' },
  { key: 'computeAdded', label: 'Added this year', title: 'Compute of the satellites deployed in the calendar year (before retirements)' },
]

export function MetricsPanel() {
  const cells = useRef<(HTMLElement | null)[]>([])
  const moreCells = useRef<(HTMLElement | null)[]>([])
  const yearCells = useRef<(HTMLElement | null)[]>([])
  const shown = useRef<{ snapshot: unknown; values: number[]; rows: unknown; row: number }>({
    snapshot: null,
    values: ROWS.map(() => NaN),
    rows: null,
    row: -1,
  })
  useOverlayText(() => {
    // A new snapshot object (also one handed out again when panels are shown, boot.ts) is written.
    const snap = useSim.getState().snapshot
    const c = snap?.constellation
    const l = shown.current
    if (!snap || !c || snap === l.snapshot) return
    l.snapshot = snap
    // The ratio follows orbital compute (ROWS[1]): formatted when that changes, below.
    // The row of the snapshot's calendar year.
    const st = useStory.getState()
    if (st.rows.length > 0) {
      const i = rowOfYear(st.rowStartMs, snap.tMs)
      if (i !== l.row || st.rows !== l.rows) {
        l.row = i
        l.rows = st.rows
        const r = st.rows[i]
        setText(yearCells.current[1], count(r.launchesInYear))
        setText(yearCells.current[2], si(r.orbitalComputeAddedW, 'W'))
      }
    }
    for (let i = 0; i < ROWS.length; i++) {
      const v = c[ROWS[i].key]
      // Most figures hold between snapshots (no launch in the interval): format only on change.
      if (v === l.values[i]) continue
      l.values[i] = v
      setText(i < MAIN.length ? cells.current[i] : moreCells.current[i - MAIN.length], ROWS[i].fmt(v))
      if (ROWS[i].key === 'orbitalComputeW') setText(yearCells.current[0], ratioText(v))
    }
  })
  return (
    <div className="metrics panel" data-testid="metrics">
      <header className="metrics-head">
        <h3>Orbital compute</h3>
        <button
          onClick={() => useStory.getState().toggleCharts()}
          title="The story in numbers: charts over the horizon, what-if side by side (C)"
          data-testid="open-charts"
        >
          Charts
        </button>
      </header>
      <Readouts rows={MAIN} cells={cells} testIdPrefix="metric-" />
      <Readouts rows={YEAR_ROWS} cells={yearCells} testIdPrefix="metric-" />
      <details className="metrics-more">
        <summary>More</summary>
        <Readouts rows={MORE} cells={moreCells} testIdPrefix="metric-" />
      </details>
    </div>
  )
}

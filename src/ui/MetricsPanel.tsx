/**
 * The constellation's numbers at the current time, written to DOM refs from the overlay loop,
 * once per new snapshot and only where the text changed.
 */
import { useRef } from 'react'
import { useSim } from '../state/sim'
import { count, si } from './format'
import { GrowthChart } from './GrowthChart'
import { setText, useOverlayFrame } from './overlayLoop'
import { Readouts } from './Readouts'

/** The snapshot's constellation figures, as the store holds them. */
type Metrics = NonNullable<NonNullable<ReturnType<typeof useSim.getState>['snapshot']>['constellation']>

const ROWS: { key: keyof Metrics; label: string; title: string; fmt: (v: number) => string }[] = [
  { key: 'launches', label: 'Starship launches', title: 'Cumulative flights from the cadence schedule (SOURCES §2)', fmt: (v) => count(v) },
  { key: 'massToOrbitT', label: 'Mass to orbit', title: 'Payload delivered to orbit (t)', fmt: (v) => si(v, 't') },
  { key: 'satellites', label: 'Satellites in orbit', title: 'Compute satellites deployed', fmt: (v) => count(v) },
  { key: 'orbitalComputeW', label: 'Orbital compute', title: 'Satellites × compute power each (SOURCES §1)', fmt: (v) => si(v, 'W') },
  { key: 'arrayAreaM2', label: 'Solar array area', title: 'Power ÷ (cell efficiency × 1360.8 W/m²), SOURCES §1', fmt: (v) => `${si(v / 1e6, '')}km²` },
  { key: 'radiatorAreaM2', label: 'Radiator area', title: 'Heat ÷ two-sided σεT⁴ (SOURCES §1)', fmt: (v) => `${si(v / 1e6, '')}km²` },
  {
    key: 'dataCentreRatio',
    label: "vs Earth's data centres",
    title: 'Orbital compute ÷ 47 GW, all data centres in 2024 (IEA, SOURCES §5)',
    fmt: (v) => (v >= 0.1 ? `${v.toPrecision(3)}×` : `${(v * 100).toPrecision(2)} %`),
  },
]

export function MetricsPanel() {
  const cells = useRef<(HTMLElement | null)[]>([])
  const shown = useRef<{ metrics: Metrics | null; values: number[] }>({ metrics: null, values: ROWS.map(() => NaN) })
  useOverlayFrame(() => {
    const c = useSim.getState().snapshot?.constellation
    const l = shown.current
    if (!c || c === l.metrics) return
    l.metrics = c
    for (let i = 0; i < ROWS.length; i++) {
      const v = c[ROWS[i].key]
      // Most figures hold between snapshots (no launch in the interval): format only on change.
      if (v === l.values[i]) continue
      l.values[i] = v
      setText(cells.current[i], ROWS[i].fmt(v))
    }
  })
  return (
    <div className="metrics panel" data-testid="metrics">
      <h3>Orbital compute</h3>
      <Readouts rows={ROWS} cells={cells} testIdPrefix="metric-" />
      <GrowthChart />
    </div>
  )
}

/** The constellation's numbers at the current time, written to DOM refs from the latest snapshot. */
import { useRef } from 'react'
import { useSim } from '../state/sim'
import { count, si } from './format'
import { GrowthChart } from './GrowthChart'
import { useRafLoop } from './useRafLoop'

const ROWS = [
  { key: 'launches', label: 'Starship launches', title: 'Cumulative flights from the cadence schedule (FACTS §2)', fmt: (v: number) => count(v) },
  { key: 'massToOrbitT', label: 'Mass to orbit', title: 'Payload delivered to orbit (t)', fmt: (v: number) => si(v, 't') },
  { key: 'satellites', label: 'Satellites in orbit', title: 'Compute satellites deployed', fmt: (v: number) => count(v) },
  { key: 'orbitalComputeW', label: 'Orbital compute', title: 'Satellites × compute power each (FACTS §1)', fmt: (v: number) => si(v, 'W') },
  { key: 'arrayAreaM2', label: 'Solar array area', title: 'Power ÷ (cell efficiency × 1360.8 W/m²), FACTS §1', fmt: (v: number) => `${si(v / 1e6, '')}km²` },
  { key: 'radiatorAreaM2', label: 'Radiator area', title: 'Heat ÷ two-sided σεT⁴ (FACTS §1)', fmt: (v: number) => `${si(v / 1e6, '')}km²` },
  { key: 'dataCentreRatio', label: "vs Earth's data centres", title: 'Orbital compute ÷ 47 GW, all data centres in 2024 (IEA, FACTS §5)', fmt: (v: number) => (v >= 0.1 ? `${v.toPrecision(3)}×` : `${(v * 100).toPrecision(2)} %`) },
] as const

export function MetricsPanel() {
  const cells = useRef<(HTMLElement | null)[]>([])
  const last = useRef<unknown>(null)
  useRafLoop(() => {
    const s = useSim.getState().snapshot
    const c = s?.constellation
    if (!c || c === last.current) return
    last.current = c
    ROWS.forEach((r, i) => {
      const el = cells.current[i]
      if (el) el.textContent = r.fmt((c as unknown as Record<string, number>)[r.key])
    })
  })
  return (
    <div className="metrics panel" data-testid="metrics">
      <h3>Orbital compute</h3>
      <dl className="readouts">
        {ROWS.map((r, i) => (
          <div key={r.key} className="row" title={r.title}>
            <dt>{r.label}</dt>
            <dd ref={(el) => { cells.current[i] = el }} data-testid={`metric-${r.key}`}>–</dd>
          </div>
        ))}
      </dl>
      <GrowthChart />
    </div>
  )
}

/**
 * The Kardashev gauge: Sagan's K = (log₁₀ P − 6) / 10 of humanity's 19.6 TW plus the compute the
 * scenario adds (orbit + deep space), from the deep-space snapshot, on a scale from today's 0.729 to
 * the whole Sun (2.06) with the seeds' landmarks (SOURCES §4–5, src/sim/kardashev.ts). The needle and
 * numbers are written to DOM refs from the overlay loop as snapshots arrive, never through React state.
 */
import { useRef } from 'react'
import { HUMANITY_POWER_W, KARDASHEV_LANDMARKS, kardashevIndex, kardashevReading } from '../sim/kardashev'
import { useDeepSpace } from '../state/deepSpace'
import { sci, si } from './format'
import { setText, useOverlayFrame } from './overlayLoop'

const K_MIN = 0.7,
  K_MAX = 2.1
const pct = (k: number) => `${(((k - K_MIN) / (K_MAX - K_MIN)) * 100).toFixed(2)}%`

/** Landmarks on the scale. "A terawatt a year" is read as one year of it added to today's baseline. */
const SHORT: Record<string, string> = {
  'earth-sunlight': "Earth's sunlight",
  'millionth-sun': '10⁻⁶ of the Sun',
  'thousandth-sun': '10⁻³ of the Sun',
  'few-percent-sun': '3 % of the Sun',
  sun: 'The whole Sun',
}
const MARKS = [
  { id: 'today', label: 'Today, 19.6 TW', short: 'Today', k: kardashevIndex(HUMANITY_POWER_W) },
  { id: 'terawatt-year', label: '+1 TW (a terawatt a year, added once)', short: '+1 TW', k: kardashevReading(1e12).k },
  ...KARDASHEV_LANDMARKS.filter((m) => m.id in SHORT).map((m) => ({ id: m.id, label: m.label, short: SHORT[m.id], k: m.k })),
]

export function KardashevGauge() {
  const kRef = useRef<HTMLSpanElement>(null)
  const powerRef = useRef<HTMLSpanElement>(null)
  const sunRef = useRef<HTMLSpanElement>(null)
  const needle = useRef<HTMLDivElement>(null)
  const fill = useRef<HTMLDivElement>(null)
  const last = useRef<{ snapshot: unknown; k: number }>({ snapshot: null, k: NaN })
  useOverlayFrame(() => {
    const s = useDeepSpace.getState().snapshot
    const l = last.current
    if (!s || s === l.snapshot) return
    l.snapshot = s
    const k = s.kardashev.k
    // K moves in the 5th decimal over weeks of sim time: most snapshots change nothing shown.
    if (k === l.k) return
    l.k = k
    setText(kRef.current, k.toFixed(5))
    setText(powerRef.current, `${si(s.kardashev.powerW, 'W')} (+${si(s.totalComputeW, 'W')} compute)`)
    setText(sunRef.current, sci(s.kardashev.fractionOfSun))
    const p = pct(Math.min(K_MAX, Math.max(K_MIN, k)))
    if (needle.current && needle.current.style.left !== p) needle.current.style.left = p
    if (fill.current && fill.current.style.width !== p) fill.current.style.width = p
  })
  return (
    <div className="kardashev panel" data-testid="kardashev">
      <h3 title="Sagan: K = (log₁₀ P − 6) / 10, P in watts (SOURCES §5)">Kardashev scale</h3>
      <div className="kardashev-value">
        K{' '}
        <span ref={kRef} data-testid="kardashev-k">
          –
        </span>
      </div>
      <div className="kardashev-detail muted">
        <span ref={powerRef}>–</span> · <span ref={sunRef}>–</span> of the Sun's output
      </div>
      <div className="kardashev-scale">
        <div className="kardashev-fill" ref={fill} />
        {MARKS.map((m) => (
          <div key={m.id} className="kardashev-mark" style={{ left: pct(m.k) }} title={`${m.label}: K ${m.k.toFixed(3)}`}>
            {m.id !== 'terawatt-year' && <span>{m.k.toFixed(2)}</span>}
          </div>
        ))}
        <div className="kardashev-needle" ref={needle} />
      </div>
      <dl className="kardashev-legend muted">
        {MARKS.map((m) => (
          <div key={m.id} title={m.label}>
            <dt>{m.short}</dt>
            <dd>{m.k.toFixed(2)}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

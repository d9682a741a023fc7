/**
 * Orbital compute over the whole horizon (monthly, from the worker), with all of Earth's data
 * centres (47 GW, IEA 2024) for scale and a cursor at the current time, moved through a ref.
 */
import { useMemo, useRef } from 'react'
import { EARTH_DATA_CENTRES_W } from '../sim/constellation/metrics'
import { useClock } from '../state/clock'
import { useSeries } from '../state/sim'
import { si } from './format'
import { useOverlayFrame } from './overlayLoop'

const W = 218,
  H = 64

export function GrowthChart() {
  const { tMs, orbitalComputeW } = useSeries()
  const start = useClock((s) => s.horizonStartMs)
  const end = useClock((s) => s.horizonEndMs)
  const cursor = useRef<SVGLineElement>(null)
  const { points, max, dcY } = useMemo(() => {
    let max = EARTH_DATA_CENTRES_W
    for (const v of orbitalComputeW) max = Math.max(max, v)
    max *= 1.1
    const pts: string[] = []
    for (let i = 0; i < tMs.length; i++) pts.push(`${(((tMs[i] - start) / (end - start)) * W).toFixed(1)},${(H - (orbitalComputeW[i] / max) * H).toFixed(1)}`)
    return { points: pts.join(' '), max, dcY: H - (EARTH_DATA_CENTRES_W / max) * H }
  }, [tMs, orbitalComputeW, start, end])
  /** The cursor's x last written, in tenths of a pixel. */
  const shownX = useRef(NaN)
  useOverlayFrame((tMs) => {
    const c = cursor.current
    const tenths = Math.round(((tMs - start) / (end - start)) * W * 10)
    if (!c || tenths === shownX.current) return
    shownX.current = tenths
    const x = String(tenths / 10)
    c.setAttribute('x1', x)
    c.setAttribute('x2', x)
  })
  if (tMs.length === 0) return null
  return (
    <figure className="growth-chart" data-testid="growth-chart" title="Orbital compute power over the scenario horizon">
      <svg width={W} height={H + 12} viewBox={`0 0 ${W} ${H + 12}`} role="img" aria-label="Orbital compute power over time">
        <line x1={0} x2={W} y1={dcY} y2={dcY} className="dc" />
        <text x={2} y={dcY - 3} className="label">
          Earth's data centres 47 GW
        </text>
        <polyline points={points} className="series" />
        <line ref={cursor} x1={0} x2={0} y1={0} y2={H} className="cursor" />
        <text x={2} y={H + 10} className="label">
          {new Date(start).getUTCFullYear()}
        </text>
        <text x={W - 2} y={H + 10} className="label" textAnchor="end">
          {new Date(end).getUTCFullYear()}
        </text>
        <text x={W - 2} y={9} className="label" textAnchor="end">
          {si(max / 1.1, 'W')}
        </text>
      </svg>
    </figure>
  )
}

/**
 * The clock readout and the live numbers, written to DOM refs from the overlay loop (no React
 * renders): the clock once per sim second, the body readouts once per snapshot.
 */
import { useRef } from 'react'
import { useSim } from '../state/sim'
import { count, utcParts } from './format'
import { setText, useOverlayFrame } from './overlayLoop'

export function Hud() {
  const date = useRef<HTMLSpanElement>(null)
  const time = useRef<HTMLSpanElement>(null)
  const moon = useRef<HTMLSpanElement>(null)
  const subsolar = useRef<HTMLSpanElement>(null)
  const last = useRef<{ second: number; bodies: unknown }>({ second: NaN, bodies: null })
  useOverlayFrame((tMs) => {
    const l = last.current
    // The readout shows whole seconds: format only when the second changes.
    const second = Math.floor(tMs / 1000)
    if (second !== l.second) {
      l.second = second
      const { date: d, time: t } = utcParts(tMs)
      setText(date.current, d)
      setText(time.current, `${t} UTC`)
    }
    const b = useSim.getState().snapshot?.bodies
    if (b && b !== l.bodies) {
      l.bodies = b
      setText(moon.current, `${count(b.moonDistanceKm)} km`)
      const lat = b.subsolarLatDeg,
        lon = b.subsolarLonDeg
      setText(subsolar.current, `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? 'E' : 'W'}`)
    }
  })
  return (
    <div className="hud panel" data-testid="hud">
      <div className="brand">TERAWATT</div>
      <div className="clock">
        <span ref={date} className="clock-date" data-testid="utc-date" />
        <span ref={time} className="clock-time" data-testid="utc-time" />
      </div>
      <dl className="readouts">
        <dt title="Geocentric distance of the Moon's centre (astronomy-engine, ±1′)">Moon distance</dt>
        <dd ref={moon}>–</dd>
        <dt title="Where the Sun is overhead on Earth">Subsolar point</dt>
        <dd ref={subsolar}>–</dd>
      </dl>
    </div>
  )
}

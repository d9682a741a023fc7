/** The clock readout and the live numbers, written to DOM refs every frame (no React renders). */
import { useRef } from 'react'
import { simTime } from '../state/clock'
import { useSim } from '../state/sim'
import { count, utcParts } from './format'
import { useRafLoop } from './useRafLoop'

export function Hud() {
  const date = useRef<HTMLSpanElement>(null)
  const time = useRef<HTMLSpanElement>(null)
  const moon = useRef<HTMLSpanElement>(null)
  const subsolar = useRef<HTMLSpanElement>(null)
  let lastText = ''
  useRafLoop(() => {
    const { date: d, time: t } = utcParts(simTime.tMs)
    const text = d + t
    if (text !== lastText && date.current && time.current) {
      lastText = text
      date.current.textContent = d
      time.current.textContent = `${t} UTC`
    }
    const s = useSim.getState().snapshot
    if (s && moon.current && subsolar.current) {
      moon.current.textContent = `${count(s.bodies.moonDistanceKm)} km`
      const lat = s.bodies.subsolarLatDeg, lon = s.bodies.subsolarLonDeg
      subsolar.current.textContent = `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? 'E' : 'W'}`
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

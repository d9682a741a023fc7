/**
 * The clock readout and the live numbers, written to DOM refs from the overlay loop (no React
 * renders) on the overlay's text frames (at most 4 a second, with every other panel): the clock
 * when its shown unit ticks, the body readouts when a newer snapshot changed them.
 */
import { isoDay } from '../sim/time'
import { useRef } from 'react'
import { useClock } from '../state/clock'
import { useSim } from '../state/sim'
import { clockTime, clockUnitS, count } from './format'
import { setText, useOverlayText } from './overlayLoop'

export function Hud() {
  const date = useRef<HTMLSpanElement>(null)
  const time = useRef<HTMLSpanElement>(null)
  const moon = useRef<HTMLSpanElement>(null)
  const subsolar = useRef<HTMLSpanElement>(null)
  const last = useRef<{ step: number; unitS: number; bodies: unknown; km: number; lat: number; lon: number }>({
    step: NaN,
    unitS: 0,
    bodies: null,
    km: NaN,
    lat: NaN,
    lon: NaN,
  })
  useOverlayText((tMs) => {
    const l = last.current
    // Shown to the unit the warp leaves readable (clockUnitS): format only when that unit ticks.
    const { warp, playing } = useClock.getState()
    const unitS = clockUnitS(warp, playing)
    const step = Math.floor(tMs / (unitS * 1000))
    if (step !== l.step || unitS !== l.unitS) {
      l.step = step
      l.unitS = unitS
      setText(date.current, isoDay(tMs))
      setText(time.current, clockTime(tMs, unitS))
    }
    const b = useSim.getState().snapshot?.bodies
    if (b && b !== l.bodies) {
      l.bodies = b
      // Compared as the printed units (whole km, tenths of a degree) before any string is built.
      const km = Math.round(b.moonDistanceKm)
      if (km !== l.km) {
        l.km = km
        setText(moon.current, `${count(km)} km`)
      }
      const lat = b.subsolarLatDeg,
        lon = b.subsolarLonDeg
      // Tenths of a degree (~10 km): hundredths changed 25 times a second at 60× for no reader.
      const lat10 = Math.round(lat * 10),
        lon10 = Math.round(lon * 10)
      if (lat10 !== l.lat || lon10 !== l.lon) {
        l.lat = lat10
        l.lon = lon10
        setText(subsolar.current, `${Math.abs(lat).toFixed(1)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(1)}° ${lon >= 0 ? 'E' : 'W'}`)
      }
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

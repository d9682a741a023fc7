/**
 * A caption under the focus bar while Moon Base Alpha is in view, for the two states a picture of
 * the base does not explain by itself:
 *   - before the first cargo landing (the layout's first build time): the base is not built yet,
 *     the ridge shows only the survey stakes, and the caption gives the first landing's date;
 *     until the first habitat stands, it is under construction;
 *   - at lunar night (the Sun's disc below the astronomical horizon at the site, sunAtSite): the
 *     caption says so, with the Sun's elevation, since only the city's own lights show.
 * Written on the overlay's text frames (with the other panels); the Sun is recomputed at most once per 10 sim-minutes.
 */
import { useRef } from 'react'
import { SUN_SEMI_DIAMETER_DEG } from '../sim/base/illumination'
import { sunAtSite } from '../sim/base/site'
import { firstHabitatMs, firstLandingMs } from '../sim/base/snapshot'
import { isoDay } from '../sim/time'
import { useBase } from '../state/base'
import { useUi } from '../state/ui'
import { setText, useOverlayText } from './overlayLoop'

const sun = { tMs: Number.NaN, elevationDeg: 0, azimuthDeg: 0, distanceKm: 0 }

/** The caption for the base at tMs, or '' when the picture speaks for itself. */
export function baseCaption(tMs: number, firstBuildMs: number, habitatMs: number, sunElevationDeg: number): string {
  if (!(tMs >= firstBuildMs))
    return Number.isFinite(firstBuildMs)
      ? `Moon Base Alpha is not yet built: the first cargo landing on Connecting Ridge is due ${isoDay(firstBuildMs)}. Survey stakes mark the site.`
      : 'Moon Base Alpha is not built in this scenario (no cargo landings): survey stakes mark the site.'
  if (!(tMs >= habitatMs)) return `Under construction: the first landing pad stands; the first habitat is due ${isoDay(habitatMs)}.`
  if (sunElevationDeg < -SUN_SEMI_DIAMETER_DEG)
    return `Lunar night at the base: the Sun is ${Math.abs(sunElevationDeg).toFixed(1)}° below the horizon. The city runs on stored power, lit by its own lamps.`
  return ''
}

export function BaseCaption() {
  const focus = useUi((s) => s.focus)
  const layout = useBase((s) => s.layout)
  const el = useRef<HTMLDivElement>(null)
  useOverlayText((tMs) => {
    const e = el.current
    if (!e) return
    if (focus !== 'base' || !layout) {
      if (e.style.display !== 'none') e.style.display = 'none'
      return
    }
    if (!(Math.abs(tMs - sun.tMs) < 600000)) {
      sunAtSite(tMs, sun)
      sun.tMs = tMs
    }
    const text = baseCaption(tMs, firstLandingMs(layout), firstHabitatMs(layout), sun.elevationDeg)
    setText(e, text)
    const show = text ? '' : 'none'
    if (e.style.display !== show) e.style.display = show
  })
  return (
    <div
      ref={el}
      className="panel base-caption"
      data-testid="base-caption"
      role="status"
      style={{
        display: 'none',
        position: 'absolute',
        left: '50%',
        top: '4.8rem',
        transform: 'translateX(-50%)',
        maxWidth: '34rem',
        padding: '0.4rem 0.9rem',
        fontSize: '1rem',
        textAlign: 'center',
        color: '#ffd9a0',
      }}
    />
  )
}

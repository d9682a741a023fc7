/**
 * The focus-relative origin and the fly-to between foci. The origin is the focused body's
 * position; when the focus changes it glides from the old body to the new one (both evaluated
 * for the current time, so a moving Moon is tracked), and the camera distance eases in log space.
 */
import type { Focus } from '../../state/ui'
import { MOON_RADIUS_KM, EARTH_RADIUS_KM, AU_KM, SUN_RADIUS_KM } from '../../sim/constants'
import { positionEqjExact } from '../../sim/constellation/orbits'
import { satellites } from '../../state/constellation'
import { useUi } from '../../state/ui'
import { setVec, type Vec3 } from '../../sim/vec'
import { frame } from './frame'
import { siteGeocentricKm } from '../base/siteFrame'
import { BASE_VIEW } from '../base/baseView'
import { ease, type Easing } from '../../state/camera'

export const FLIGHT_MS = 1800

/** Body radius (km) and the camera distance a fresh focus frames it at. */
export const FOCUS_VIEW: Record<Focus, { radiusKm: number; viewDistanceKm: number; minDistanceKm: number }> = {
  earth: { radiusKm: EARTH_RADIUS_KM, viewDistanceKm: EARTH_RADIUS_KM * 3.4, minDistanceKm: EARTH_RADIUS_KM * 1.03 },
  moon: { radiusKm: MOON_RADIUS_KM, viewDistanceKm: MOON_RADIUS_KM * 3.6, minDistanceKm: MOON_RADIUS_KM * 1.01 },
  // Moon Base Alpha: the origin is the ground at the site; framed at the default view's distance (baseView.ts BASE_VIEW, direction: BaseCamera), down to 5 m.
  base: { radiusKm: 0.5, viewDistanceKm: BASE_VIEW.distanceKm, minDistanceKm: 0.005 },
  // Heliocentric view: the origin is the Sun, framed from ~3 AU so Mars' orbit and the swarm fit.
  sun: { radiusKm: SUN_RADIUS_KM, viewDistanceKm: 3 * AU_KM, minDistanceKm: SUN_RADIUS_KM * 3 },
  // The Earth–Moon system as a whole: the origin is the Earth, framed from 1.1 million km so the
  // Moon's orbit (384,400 km, SOURCES §3) and the payloads leaving it fit a 16:9 frame.
  system: { radiusKm: 4.1e5, viewDistanceKm: 1.1e6, minDistanceKm: EARTH_RADIUS_KM * 1.03 },
  // A 100 kW satellite spans ~40 m (SatelliteModel); framed from ~150 m.
  satellite: { radiusKm: 0.03, viewDistanceKm: 0.08, minDistanceKm: 0.01 },
}

export const flight = {
  from: 'earth' as Focus,
  to: 'earth' as Focus,
  startedAt: -Infinity,
  /** Stage-time length of this flight (ms) and its easing: a tour chapter sets its own. */
  durationMs: FLIGHT_MS,
  easing: 'smooth' as Easing | 'smooth',
  /** 0…1, eased. 1 when settled. */
  progress: 1,
}

const lastSatellite: Vec3 = { x: 0, y: 0, z: 0 }

export function bodyPosition(f: Focus, out: Vec3): Vec3 {
  if (f === 'moon') return setVec(out, frame.moon.x, frame.moon.y, frame.moon.z)
  if (f === 'base') return siteGeocentricKm(out)
  if (f === 'sun') return setVec(out, frame.sun.x, frame.sun.y, frame.sun.z)
  if (f === 'satellite') {
    // focusSatellite is the launch-order index; the buffer holds a window starting at firstIndex.
    const i = useUi.getState().focusSatellite - satellites.firstIndex
    if (i >= 0 && i < satellites.count) {
      positionEqjExact(satellites.elements, i, satellites.shells, frame.tMs, out)
      return setVec(lastSatellite, out.x, out.y, out.z)
    }
    // While the window is sent again (after a reset), hold the satellite's last place, not the Earth's centre.
    return setVec(out, lastSatellite.x, lastSatellite.y, lastSatellite.z)
  }
  return setVec(out, 0, 0, 0)
}

export function startFlight(to: Focus, nowMs: number, instant = false, durationMs = FLIGHT_MS, easing: Easing | 'smooth' = 'smooth'): void {
  // A new flight starts from the body the last one was heading for (mid-flight, the glide retargets).
  flight.from = flight.to
  flight.to = to
  const now = instant || durationMs <= 0
  flight.startedAt = now ? -Infinity : nowMs
  flight.durationMs = Math.max(1, durationMs)
  flight.easing = easing
  flight.progress = now ? 1 : 0
}

const smooth = (x: number) => x * x * (3 - 2 * x)
const _a: Vec3 = { x: 0, y: 0, z: 0 }
const _b: Vec3 = { x: 0, y: 0, z: 0 }

export function updateOrigin(nowMs: number): void {
  const raw = Math.min(1, Math.max(0, (nowMs - flight.startedAt) / flight.durationMs))
  flight.progress = flight.easing === 'smooth' ? smooth(raw) : ease(flight.easing, raw)
  bodyPosition(flight.to, _b)
  if (flight.progress >= 1) {
    setVec(frame.origin, _b.x, _b.y, _b.z)
    return
  }
  bodyPosition(flight.from, _a)
  const s = flight.progress
  setVec(frame.origin, _a.x + (_b.x - _a.x) * s, _a.y + (_b.y - _a.y) * s, _a.z + (_b.z - _a.z) * s)
}

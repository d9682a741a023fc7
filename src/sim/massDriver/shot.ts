/**
 * One mass-driver shot as a real trajectory: launched from the muzzle on the rotating, orbiting
 * Moon, integrated (Dormand–Prince 5(4), integrator.ts) in the gravity of Sun, Earth and Moon at
 * their ephemeris positions (forces.ts), then classified.
 *
 * Frames and units: geocentric EQJ (J2000 mean equator), km, km/s; instants as UTC ms since 1970.
 * Muzzle: Moon Base Alpha's site BASE_SITE (Connecting Ridge, 89.45° S, 222.69° E, SOURCES §3) at
 * its ridge height, from src/sim/base/site.ts; the track's own length (≤ a few km) is neglected.
 *
 * Outcomes (the first terminal event wins, else the state at the end of the horizon decides):
 * - 'impact': crosses the Moon's mean sphere (1,737.4 km, SOURCES §3) or Earth's equatorial radius
 *   (6,378.137 km, SOURCES §6).
 * - 'l2': only when the target is 'l2' (a catcher is there): comes within L2_CATCH_RADIUS_KM of the
 *   Earth–Moon L2 point at a relative speed below L2_CATCH_SPEED_KMS. L2 lies on the Earth–Moon line
 *   64,500 km beyond the Moon at the mean distance (SOURCES §6), scaled with the instantaneous distance.
 * - 'heliocentric': leaves Earth's Hill sphere (EARTH_HILL_RADIUS_KM ≈ 1.5 million km) with positive
 *   two-body energy with respect to Earth; osculating heliocentric elements are given at the end.
 * - 'lunar-orbit': at the end, within the Moon's sphere of influence (66,100 km) with negative
 *   selenocentric two-body energy.
 * - 'earth-orbit': anything else (still in the Earth–Moon system at the end of the horizon).
 */
import { Astronomy, heliocentricKm, moonFixedMatrix } from '../ephemeris'
import { AU_KM, DEG, EARTH_GM_KM3_S2, EARTH_RADIUS_KM, MOON_GM_KM3_S2, MOON_RADIUS_KM, SECONDS_PER_DAY, SUN_GM_KM3_S2 } from '../constants'
import { enuToEqjMatrix, siteEqjOffsetKm } from '../base/site'
import { cross, vec3 } from '../vec'
import { Dopri5 } from './integrator'
import { MOON_TABLE, ephemerisForces, msFromJ2000Seconds, secondsSinceJ2000, type BodyPositions, CACHED_BODIES } from './forces'
import { eqjToEcliptic, elementsFromState } from '../kepler'
import type { MassDriverTarget } from './params'

/** Sidereal month 27.321661 d (SOURCES §3: 27.32 d): the Moon's rotation period, synchronous with its orbit. */
const MOON_SIDEREAL_DAY_S = 27.321661 * SECONDS_PER_DAY
const MOON_ROTATION_RAD_S = (2 * Math.PI) / MOON_SIDEREAL_DAY_S
/** Mean Earth–Moon distance, km (SOURCES §3: a = 384,400 km). */
const MOON_MEAN_DISTANCE_KM = 384400
/** L2 beyond the Moon at the mean distance, km (SOURCES §6). */
const L2_BEYOND_MOON_KM = 64500
/** Earth's Hill radius a_⊕ (μ⊕ / 3μ☉)^⅓ with a_⊕ = 1 AU (SOURCES §6 GMs, AU): 1.497 million km. */
export const EARTH_HILL_RADIUS_KM = AU_KM * Math.cbrt((EARTH_GM_KM3_S2 + MOON_GM_KM3_S2) / (3 * SUN_GM_KM3_S2))
/** The Moon's Laplace sphere of influence a (m/M)^⅖ = 66,100 km (SOURCES §3 masses via GM, a). */
export const MOON_SOI_KM = MOON_MEAN_DISTANCE_KM * (MOON_GM_KM3_S2 / EARTH_GM_KM3_S2) ** 0.4
/** Catcher at L2: capture radius and relative speed. Terawatt model choices (SP-413's catcher, SOURCES §4). */
export const L2_CATCH_RADIUS_KM = 10000
export const L2_CATCH_SPEED_KMS = 0.3

/** Every outcome of a shot, in the order their codes index (colours, counters, float attributes). */
export const OUTCOMES = ['impact', 'lunar-orbit', 'earth-orbit', 'l2', 'heliocentric'] as const
export type ShotOutcome = (typeof OUTCOMES)[number]
/** The outcome's index in OUTCOMES (a float attribute per payload, a counter slot). */
export const outcomeCode = (o: ShotOutcome): number => OUTCOMES.indexOf(o)

export interface AimParams {
  exitSpeedMs: number
  azimuthDeg: number
  elevationDeg: number
  target?: MassDriverTarget
}

export interface HelioElements {
  aAu: number
  e: number
  /** Inclination to the J2000 ecliptic, degrees. */
  iDeg: number
  raanDeg: number
  argpDeg: number
  meanAnomalyDeg: number
  perihelionAu: number
  aphelionAu: number | null
  /** Instant the elements refer to (end of the integration), UTC ms. */
  epochMs: number
}

export interface ShotSamples {
  /** UTC ms since 1970, n values. */
  tMs: Float64Array
  /** Geocentric EQJ km, 3n values. */
  posKm: Float64Array
  /** Geocentric EQJ km/s, 3n values (for Hermite interpolation between samples). */
  velKmS: Float64Array
}

export interface ShotResult {
  launchMs: number
  endMs: number
  outcome: ShotOutcome
  exitSpeedMs: number
  maxEarthDistanceKm: number
  /** Days from launch to leaving Earth's Hill sphere with positive energy, or null. */
  escapeTimeDays: number | null
  impact: { body: 'moon' | 'earth'; timeDays: number } | null
  /** Closest approach to Earth–Moon L2 (always measured, at step ends). */
  l2Closest: { distanceKm: number; relSpeedKmS: number; timeDays: number }
  heliocentric: HelioElements | null
  /** Geocentric EQJ state at endMs [km, km/s]. */
  endState: Float64Array
  samples: ShotSamples
  steps: number
  rejected: number
  evals: number
}

const _m = new Float64Array(9),
  _enu = new Float64Array(9)
const _site = vec3(),
  _moon = vec3(),
  _mv = vec3(),
  _w = vec3(),
  _wr = vec3()

/**
 * Geocentric EQJ state [x, y, z, vx, vy, vz] (km, km/s) of a payload leaving the muzzle at tMs:
 * muzzle = Moon + Mᵀ·site (M = moonFixedMatrix), velocity = Moon's velocity + ω × r_site
 * (ω along the Moon's pole, 2π / 27.32 d) + exit speed along (azimuth, elevation) in local ENU.
 */
export function launchState(tMs: number, p: AimParams, out: Float64Array = new Float64Array(6)): Float64Array {
  const tS = secondsSinceJ2000(tMs)
  MOON_TABLE.at(tS, _moon, _mv)
  siteEqjOffsetKm(tMs, _site)
  moonFixedMatrix(tMs, _m) // row 2 is the Moon's north pole in EQJ
  _w.x = _m[6] * MOON_ROTATION_RAD_S
  _w.y = _m[7] * MOON_ROTATION_RAD_S
  _w.z = _m[8] * MOON_ROTATION_RAD_S
  cross(_wr, _w, _site)
  enuToEqjMatrix(tMs, _enu)
  const az = p.azimuthDeg * DEG,
    el = p.elevationDeg * DEG
  const e = Math.cos(el) * Math.sin(az),
    n = Math.cos(el) * Math.cos(az),
    u = Math.sin(el)
  const s = p.exitSpeedMs / 1000
  out[0] = _moon.x + _site.x
  out[1] = _moon.y + _site.y
  out[2] = _moon.z + _site.z
  out[3] = _mv.x + _wr.x + s * (_enu[0] * e + _enu[1] * n + _enu[2] * u)
  out[4] = _mv.y + _wr.y + s * (_enu[3] * e + _enu[4] * n + _enu[5] * u)
  out[5] = _mv.z + _wr.z + s * (_enu[6] * e + _enu[7] * n + _enu[8] * u)
  return out
}

/** Azimuth (° from north through east) of the Moon's orbital velocity in the muzzle's horizon: "prograde". */
export function progradeAzimuthDeg(tMs: number): number {
  MOON_TABLE.at(secondsSinceJ2000(tMs), _moon, _mv)
  enuToEqjMatrix(tMs, _enu) // columns east, north, up in EQJ
  const e = _enu[0] * _mv.x + _enu[3] * _mv.y + _enu[6] * _mv.z
  const n = _enu[1] * _mv.x + _enu[4] * _mv.y + _enu[7] * _mv.z
  const az = Math.atan2(e, n) / DEG
  return az < 0 ? az + 360 : az
}

const _eh = vec3(),
  _e0 = vec3(),
  _e1 = vec3()
/** Osculating heliocentric elements (ecliptic J2000) of a geocentric EQJ state at tMs. */
export function heliocentricElements(tMs: number, geo: ArrayLike<number>): HelioElements {
  const H = 3600 * 1000 // Earth's velocity by central difference ±1 h: error ~ a h²/6 ≈ 1e-7 km/s
  heliocentricKm(Astronomy.Body.Earth, tMs, _eh)
  heliocentricKm(Astronomy.Body.Earth, tMs - H, _e0)
  heliocentricKm(Astronomy.Body.Earth, tMs + H, _e1)
  const r: number[] = [0, 0, 0],
    v: number[] = [0, 0, 0]
  eqjToEcliptic(_eh.x + geo[0], _eh.y + geo[1], _eh.z + geo[2], r)
  const k = 1 / (2 * 3600)
  eqjToEcliptic((_e1.x - _e0.x) * k + geo[3], (_e1.y - _e0.y) * k + geo[4], (_e1.z - _e0.z) * k + geo[5], v)
  const el = elementsFromState(r, v, SUN_GM_KM3_S2)
  const aAu = el.a / AU_KM
  return {
    aAu,
    e: el.e,
    iDeg: el.i / DEG,
    raanDeg: el.raan / DEG,
    argpDeg: el.argp / DEG,
    meanAnomalyDeg: el.M / DEG,
    perihelionAu: aAu * (1 - el.e),
    aphelionAu: el.e < 1 ? aAu * (1 + el.e) : null,
    epochMs: tMs,
  }
}

export interface SimulateOptions {
  /** Horizon, days (default 60). */
  days?: number
  /** Relative tolerance (default 1e-9); absolute tolerances 1e-6 km and 1e-9 km/s. */
  rtol?: number
  /** Number of sample intervals (default 500); samples lie on t = T (k/N)², dense near launch. */
  samples?: number
  /** Body positions (default: the Hermite caches). */
  bodies?: BodyPositions
}

const ATOL = [1e-6, 1e-6, 1e-6, 1e-9, 1e-9, 1e-9]
const _forceCache = new Map<BodyPositions, ReturnType<typeof ephemerisForces>>()
const _d = new Float64Array(6),
  _lm = vec3(),
  _lv = vec3()

/** Past Earth's Hill radius with positive geocentric energy (the escape event). */
function escaped(y: ArrayLike<number>): boolean {
  const r = Math.hypot(y[0], y[1], y[2])
  return r > EARTH_HILL_RADIUS_KM && 0.5 * (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - EARTH_GM_KM3_S2 / r > 0
}

export function simulateShot(tMs: number, p: AimParams, opts: SimulateOptions = {}): ShotResult {
  const days = opts.days ?? 60
  const bodies = opts.bodies ?? CACHED_BODIES
  let f = _forceCache.get(bodies)
  if (!f) _forceCache.set(bodies, (f = ephemerisForces(bodies)))
  const stepper = new Dopri5(6, f, { rtol: opts.rtol ?? 1e-9, atol: ATOL })
  const t0 = secondsSinceJ2000(tMs)
  const T = days * SECONDS_PER_DAY
  const tEnd = t0 + T
  stepper.init(t0, launchState(tMs, p), tEnd)

  const N = opts.samples ?? 500
  const sT = new Float64Array(N + 1),
    sP = new Float64Array(3 * (N + 1)),
    sV = new Float64Array(3 * (N + 1))
  let ns = 0
  const push = (t: number, y: ArrayLike<number>) => {
    sT[ns] = msFromJ2000Seconds(t)
    for (let j = 0; j < 3; j++) {
      sP[3 * ns + j] = y[j]
      sV[3 * ns + j] = y[3 + j]
    }
    ns++
  }
  push(t0, stepper.y)
  const gridT = (k: number) => t0 + T * (k / N) * (k / N)

  let maxR = Math.hypot(stepper.y[0], stepper.y[1], stepper.y[2])
  let escapeS: number | null = null
  let impact: ShotResult['impact'] = null
  let outcome: ShotOutcome | null = null
  const l2 = { distanceKm: Infinity, relSpeedKmS: 0, timeDays: 0 }
  const l2k = 1 + L2_BEYOND_MOON_KM / MOON_MEAN_DISTANCE_KM
  const catchL2 = p.target === 'l2'

  /** Inside the Moon or Earth at time t for state y? */
  const inside = (t: number, y: ArrayLike<number>): 'moon' | 'earth' | null => {
    bodies.moon(t, _lm)
    if (Math.hypot(y[0] - _lm.x, y[1] - _lm.y, y[2] - _lm.z) < MOON_RADIUS_KM) return 'moon'
    if (Math.hypot(y[0], y[1], y[2]) < EARTH_RADIUS_KM) return 'earth'
    return null
  }

  while (outcome === null && stepper.step(tEnd)) {
    const t = stepper.t,
      y = stepper.y
    // Impact: test the step end and its midpoint; refine the crossing by bisection on the dense output.
    const tm = 0.5 * (stepper.tPrev + t)
    let body = inside(tm, stepper.dense(tm, _d))
    let hit: number | null = body ? tm : null
    if (!body) {
      body = inside(t, y)
      hit = body ? t : null
    }
    if (hit !== null) {
      let lo = stepper.tPrev,
        hi = hit
      for (let it = 0; it < 40; it++) {
        const mid = 0.5 * (lo + hi)
        const b = inside(mid, stepper.dense(mid, _d))
        if (b) {
          hi = mid
          body = b
        } else lo = mid
      }
      hit = hi
    }
    const tStop = hit ?? t
    while (ns <= N && gridT(ns) <= tStop) push(gridT(ns), stepper.dense(gridT(ns), _d))
    if (hit !== null && body) {
      stepper.dense(hit, _d)
      push(hit, _d)
      impact = { body, timeDays: (hit - t0) / SECONDS_PER_DAY }
      outcome = 'impact'
      break
    }
    const r = Math.hypot(y[0], y[1], y[2])
    if (r > maxR) maxR = r
    if (escapeS === null && escaped(y)) {
      // Event location on the dense output: the first instant in the step past Earth's Hill
      // radius with positive geocentric energy, by bisection (40 halvings of ≤ 1 day: < 1 ms).
      let lo = stepper.tPrev,
        hi = t
      for (let it = 0; it < 40; it++) {
        const mid = 0.5 * (lo + hi)
        if (escaped(stepper.dense(mid, _d))) hi = mid
        else lo = mid
      }
      escapeS = hi
    }
    // L2 point: the Moon's state scaled along the Earth–Moon line.
    if (r < 2 * MOON_MEAN_DISTANCE_KM) {
      MOON_TABLE.at(t, _lm, _lv)
      const d = Math.hypot(y[0] - l2k * _lm.x, y[1] - l2k * _lm.y, y[2] - l2k * _lm.z)
      if (d < l2.distanceKm) {
        l2.distanceKm = d
        l2.relSpeedKmS = Math.hypot(y[3] - l2k * _lv.x, y[4] - l2k * _lv.y, y[5] - l2k * _lv.z)
        l2.timeDays = (t - t0) / SECONDS_PER_DAY
        if (catchL2 && d < L2_CATCH_RADIUS_KM && l2.relSpeedKmS < L2_CATCH_SPEED_KMS) outcome = 'l2'
      }
    }
  }
  const tFinal = impact ? t0 + impact.timeDays * SECONDS_PER_DAY : stepper.t
  const endState = Float64Array.from(impact ? _d : stepper.y)
  if (outcome === 'l2' && ns <= N) push(stepper.t, stepper.y)
  if (outcome === null) {
    if (escapeS !== null) outcome = 'heliocentric'
    else {
      MOON_TABLE.at(tFinal, _lm, _lv)
      const rel = [endState[0] - _lm.x, endState[1] - _lm.y, endState[2] - _lm.z, endState[3] - _lv.x, endState[4] - _lv.y, endState[5] - _lv.z]
      const dm = Math.hypot(rel[0], rel[1], rel[2])
      const em = 0.5 * (rel[3] ** 2 + rel[4] ** 2 + rel[5] ** 2) - MOON_GM_KM3_S2 / dm
      outcome = dm < MOON_SOI_KM && em < 0 ? 'lunar-orbit' : 'earth-orbit'
    }
  }
  const endMs = msFromJ2000Seconds(tFinal)
  return {
    launchMs: tMs,
    endMs,
    outcome,
    exitSpeedMs: p.exitSpeedMs,
    maxEarthDistanceKm: maxR,
    escapeTimeDays: escapeS === null ? null : (escapeS - t0) / SECONDS_PER_DAY,
    impact,
    l2Closest: l2,
    heliocentric: outcome === 'heliocentric' ? heliocentricElements(endMs, endState) : null,
    endState,
    samples: { tMs: sT.slice(0, ns), posKm: sP.slice(0, 3 * ns), velKmS: sV.slice(0, 3 * ns) },
    steps: stepper.nAccepted,
    rejected: stepper.nRejected,
    evals: stepper.nEval,
  }
}

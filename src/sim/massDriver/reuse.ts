/**
 * Reusing one integrated trajectory for every shot of a launch window (swarm.ts): the float64
 * reference that the tests hold, and the pieces the drawn version (inFlight.ts) shares with it.
 *
 * A shot launched Δt after the window's representative follows the representative's path delayed
 * by Δt and, in 'rotate' mode, turned about the Moon's orbit normal k by the angle the Earth–Moon
 * line turns in Δt (the muzzle is fixed in the tidally locked Moon, so the geometry turns with it).
 * Near the Moon the turned path is pinned to the true muzzle: + r_M(shot) − R·r_M(rep) (the Moon's
 * positions at the two launches; the eccentric orbit's radius changes up to ~1,000 km in 3 h), faded
 * out over MOON_PIN_S. The app draws exactly this (inFlight.ts, from float32 copies).
 * Frames and units: geocentric EQJ km, km/s; instants UTC ms; τ, Δt in s.
 * The measured difference from integrating every shot is in test/unit/massDriver-swarm.test.ts.
 */
import { SECONDS_PER_DAY } from '../constants'
import { upperBound } from '../search'
import { cross, dot, normalizeVec, rotateAboutAxis, vec3, type Vec3 } from '../vec'
import { MOON_TABLE, secondsSinceJ2000 } from './forces'
import type { ShotResult } from './shot'

export type ReuseMode = 'shift' | 'rotate'

/** e-folding time of the Moon-pinning correction in 'rotate' mode, s (1 day: the time to leave the Moon's vicinity). */
export const MOON_PIN_S = SECONDS_PER_DAY

/** The angle the Earth–Moon line turns between two instants, about the Moon's orbit normal. */
export interface MoonTurn {
  cos: number
  sin: number
}

const _a = vec3(),
  _b = vec3(),
  _v = vec3(),
  _c = vec3(),
  _k = vec3()
const _turn: MoonTurn = { cos: 1, sin: 0 }

/**
 * Cubic Hermite interpolation between two samples h seconds apart, at the fraction u of the way:
 * positions at P[pa..pa+2], P[pb..pb+2] and velocities (per second) at V[va..va+2], V[vb..vb+2].
 * One kernel for the float64 samples and the transferred float32 ones (any stride).
 */
export function hermite(out: Vec3, P: ArrayLike<number>, pa: number, pb: number, V: ArrayLike<number>, va: number, vb: number, h: number, u: number): Vec3 {
  const u2 = u * u,
    u3 = u2 * u
  const h00 = 2 * u3 - 3 * u2 + 1,
    h10 = (u3 - 2 * u2 + u) * h,
    h01 = -2 * u3 + 3 * u2,
    h11 = (u3 - u2) * h
  out.x = h00 * P[pa] + h10 * V[va] + h01 * P[pb] + h11 * V[vb]
  out.y = h00 * P[pa + 1] + h10 * V[va + 1] + h01 * P[pb + 1] + h11 * V[vb + 1]
  out.z = h00 * P[pa + 2] + h10 * V[va + 2] + h01 * P[pb + 2] + h11 * V[vb + 2]
  return out
}

/** Cubic Hermite interpolation of a shot's samples at tMs; false outside [first, last] sample. */
export function interpolateSamples(r: ShotResult, tMs: number, out: Vec3): boolean {
  const { tMs: T, posKm: P, velKmS: V } = r.samples
  const n = T.length
  if (n === 0 || tMs < T[0] || tMs > T[n - 1]) return false
  if (n === 1) {
    out.x = P[0]
    out.y = P[1]
    out.z = P[2]
    return true
  }
  // The interval [T[lo], T[lo + 1]] holding tMs (the last one for tMs at the last sample).
  const lo = Math.min(n - 2, upperBound(T, tMs) - 1),
    hi = lo + 1
  const h = (T[hi] - T[lo]) / 1000
  hermite(out, P, 3 * lo, 3 * hi, V, 3 * lo, 3 * hi, h, h > 0 ? (tMs - T[lo]) / 1000 / h : 0)
  return true
}

/** Unit normal of the Moon's geocentric orbit at tMs, r × v / |r × v| (EQJ). */
export function moonOrbitNormal(tMs: number, out: Vec3): Vec3 {
  MOON_TABLE.at(secondsSinceJ2000(tMs), _a, _v)
  return normalizeVec(out, cross(out, _a, _v))
}

/** The signed angle from the Earth–Moon line at aMs to the line at bMs, about the unit axis k. */
export function moonTurn(aMs: number, bMs: number, k: Vec3, out: MoonTurn): MoonTurn {
  MOON_TABLE.at(secondsSinceJ2000(aMs), _a)
  MOON_TABLE.at(secondsSinceJ2000(bMs), _b)
  const ang = Math.atan2(dot(cross(_c, _a, _b), k), dot(_a, _b))
  out.cos = Math.cos(ang)
  out.sin = Math.sin(ang)
  return out
}

/** The pin at launch: r_M(shot) − R·r_M(rep), R the turn (cos, sin) about k. */
export function moonPinKm(repLaunchMs: number, shotMs: number, k: Vec3, cos: number, sin: number, out: Vec3): Vec3 {
  MOON_TABLE.at(secondsSinceJ2000(repLaunchMs), _a)
  MOON_TABLE.at(secondsSinceJ2000(shotMs), _b)
  rotateAboutAxis(_a, _a, k, cos, sin)
  out.x = _b.x - _a.x
  out.y = _b.y - _a.y
  out.z = _b.z - _a.z
  return out
}

/**
 * Position (geocentric EQJ km) at tMs of a shot launched at shotMs, from the representative `rep`
 * launched at rep.launchMs: the float64 reference. False when the reused path has ended (impact or horizon).
 */
export function reusedPositionKm(rep: ShotResult, shotMs: number, tMs: number, out: Vec3, mode: ReuseMode = 'rotate'): boolean {
  if (!interpolateSamples(rep, rep.launchMs + (tMs - shotMs), out)) return false
  if (mode === 'shift' || shotMs === rep.launchMs) return true
  const k = moonOrbitNormal(rep.launchMs, _k)
  const { cos, sin } = moonTurn(rep.launchMs, shotMs, k, _turn)
  rotateAboutAxis(out, out, k, cos, sin)
  const w = Math.exp(-(tMs - shotMs) / 1000 / MOON_PIN_S)
  moonPinKm(rep.launchMs, shotMs, k, cos, sin, _c)
  out.x += w * _c.x
  out.y += w * _c.y
  out.z += w * _c.z
  return true
}

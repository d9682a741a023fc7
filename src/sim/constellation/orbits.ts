/**
 * Circular orbits with the J2 secular drift: the CPU reference of src/scene/earth/orbitShader.ts.
 *
 * Frame: geocentric EQJ (J2000 mean equator and equinox), km; times are UTC ms (float64).
 * Per satellite, 4 float32 numbers ELEMENT_STRIDE apart: [shellIndex, raan0, u0, deployDays]:
 * RAAN and argument of latitude at CONSTELLATION_EPOCH_MS in [0, 2π) rad, and the deployment
 * instant in days since the epoch. Per shell, the drift rates (rad/s) are reduced to angles in
 * [0, 2π) on the CPU in float64 for the current time, so the shader never sees a large number.
 * Earth constants: SOURCES §6 (WGS-84 / EGM) [C].
 */
import { DEG, EARTH_GM_KM3_S2, EARTH_J2, EARTH_RADIUS_KM, MS_PER_DAY, SECONDS_PER_DAY, SSO_NODAL_RATE_DEG_PER_DAY } from '../constants'
import { meanMotion } from '../kepler'
import { upperBound } from '../search'
import { wrapTwoPi, type Vec3 } from '../vec'
import type { ShellValue } from './params'

/** Reference epoch of all element angles: 2026-01-01T00:00:00Z. */
export const CONSTELLATION_EPOCH_MS = Date.UTC(2026, 0, 1)
/** Floats per satellite in an element array. */
export const ELEMENT_STRIDE = 4
export const TWO_PI = 2 * Math.PI

/** Sun-synchronous nodal rate, rad/s (SOURCES §6: 0.98565°/day [C]). */
export const SSO_NODAL_RATE_RAD_S = (SSO_NODAL_RATE_DEG_PER_DAY * DEG) / SECONDS_PER_DAY

/** Keplerian period, s: 2π/n. */
export const orbitalPeriodS = (altKm: number): number => TWO_PI / meanMotion(EARTH_RADIUS_KM + altKm, EARTH_GM_KM3_S2)

/** Vis-viva speed of a circular orbit, m/s: v = √(μ/r). */
export const circularSpeedMs = (altKm: number): number => Math.sqrt(EARTH_GM_KM3_S2 / (EARTH_RADIUS_KM + altKm)) * 1e3

/** J2 secular nodal rate, rad/s: Ω̇ = −1.5 n J2 (Re/a)² cos i (circular orbit). */
export function nodalRateRadS(altKm: number, inclinationDeg: number): number {
  const a = EARTH_RADIUS_KM + altKm
  const k = (EARTH_RADIUS_KM / a) ** 2
  return -1.5 * meanMotion(a, EARTH_GM_KM3_S2) * EARTH_J2 * k * Math.cos(inclinationDeg * DEG)
}

/** Nodal drift, °/day. */
export const nodalDriftDegPerDay = (altKm: number, inclinationDeg: number): number => (nodalRateRadS(altKm, inclinationDeg) / DEG) * SECONDS_PER_DAY

/**
 * The inclination whose J2 nodal drift equals the sun-synchronous rate (SOURCES §6), degrees;
 * NaN where none exists (above ≈ 5,970 km). 650 km → ≈ 97.99° (SOURCES §1).
 */
export function ssoInclinationDeg(altKm: number): number {
  const a = EARTH_RADIUS_KM + altKm
  const c = -SSO_NODAL_RATE_RAD_S / (1.5 * meanMotion(a, EARTH_GM_KM3_S2) * EARTH_J2 * (EARTH_RADIUS_KM / a) ** 2)
  return c < -1 ? NaN : Math.acos(c) / DEG
}

/**
 * Rate of the argument of latitude, rad/s, with the J2 secular terms of a circular orbit:
 * u̇ = ω̇ + Ṁ = n [1 + 1.5 J2 (Re/a)² (4 cos² i − 1)] (Vallado, Fundamentals of Astrodynamics,
 * secular J2 rates with e = 0). It differs from n by < 0.2 % in LEO.
 */
export function argLatRateRadS(altKm: number, inclinationDeg: number): number {
  const a = EARTH_RADIUS_KM + altKm
  const c = Math.cos(inclinationDeg * DEG)
  return meanMotion(a, EARTH_GM_KM3_S2) * (1 + 1.5 * EARTH_J2 * (EARTH_RADIUS_KM / a) ** 2 * (4 * c * c - 1))
}

/** What a shell needs to place satellites (the inputs of the shader's per-shell uniforms). */
export interface ShellRates {
  altitudeKm: number
  radiusKm: number
  inclinationDeg: number
  inclinationRad: number
  /** cos i and sin i (the shader's uShellGeom.yz). */
  cosI: number
  sinI: number
  /** dΩ/dt, rad/s. */
  raanRate: number
  /** du/dt, rad/s. */
  uRate: number
}

/** What drawing needs of a shell (sent in the worker's 'constellation-reset'): a subset of ShellRates. */
export type ShellOrbit = Pick<ShellRates, 'radiusKm' | 'inclinationRad' | 'cosI' | 'sinI' | 'raanRate' | 'uRate'>

/** What fixes a shell's orbit: the schema's shell fields that shellRates reads. */
export type ShellOrbitParams = Pick<ShellValue, 'altitudeKm' | 'inclinationMode' | 'inclinationDeg'>

/** Effective inclination of a shell, degrees ('sso' shells take ssoInclinationDeg). */
export const shellInclinationDeg = (s: ShellOrbitParams): number => (s.inclinationMode === 'sso' ? ssoInclinationDeg(s.altitudeKm) : s.inclinationDeg)

export function shellRates(s: ShellOrbitParams): ShellRates {
  const inc = shellInclinationDeg(s)
  return {
    altitudeKm: s.altitudeKm,
    radiusKm: EARTH_RADIUS_KM + s.altitudeKm,
    inclinationDeg: inc,
    inclinationRad: inc * DEG,
    cosI: Math.cos(inc * DEG),
    sinI: Math.sin(inc * DEG),
    raanRate: nodalRateRadS(s.altitudeKm, inc),
    uRate: argLatRateRadS(s.altitudeKm, inc),
  }
}

/** Seconds since the constellation epoch (float64). */
export const secondsSinceEpoch = (tMs: number): number => (tMs - CONSTELLATION_EPOCH_MS) / 1000

/**
 * Angle rate·Δt mod 2π, careful over decades: Δt is split into whole days and the rest, so each
 * partial product is reduced before they are added (the error stays ~1e-12 rad at 100 years).
 */
export function reducedAngle(rate: number, dtS: number): number {
  const days = Math.trunc(dtS / SECONDS_PER_DAY)
  const rest = dtS - days * SECONDS_PER_DAY
  return wrapTwoPi(wrapTwoPi(wrapTwoPi(rate * SECONDS_PER_DAY) * days) + rate * rest)
}

export interface ShellAngles {
  raanOffset: number
  uOffset: number
}

/** The per-shell angles at tMs (float64, [0, 2π)); writes into `out`. */
export function reduceShellAngles(rates: ShellOrbit, tMs: number, out: ShellAngles): ShellAngles {
  const dt = secondsSinceEpoch(tMs)
  out.raanOffset = reducedAngle(rates.raanRate, dt)
  out.uOffset = reducedAngle(rates.uRate, dt)
  return out
}

/**
 * Fills the shader's uniform arrays (vec4 per shell, see orbit.ts): geom = (radius km, cos i,
 * sin i, 0), angles = (RAAN offset, u offset, 0, 0). Allocation-free; call once per frame.
 */
export function writeShellUniforms(shells: readonly ShellOrbit[], tMs: number, geom: Float32Array, angles: Float32Array): void {
  const dt = secondsSinceEpoch(tMs)
  for (let s = 0; s < shells.length; s++) {
    const r = shells[s]
    geom[4 * s] = r.radiusKm
    geom[4 * s + 1] = r.cosI
    geom[4 * s + 2] = r.sinI
    geom[4 * s + 3] = 0
    angles[4 * s] = reducedAngle(r.raanRate, dt)
    angles[4 * s + 1] = reducedAngle(r.uRate, dt)
    angles[4 * s + 2] = 0
    angles[4 * s + 3] = 0
  }
}

const f = Math.fround
const scratch: ShellAngles = { raanOffset: 0, uOffset: 0 }

/**
 * The shader's arithmetic replayed in float32 (Math.fround after every operation) from the
 * float32 element array: what the GPU draws, to within its sin/cos accuracy.
 */
export function positionEqjGpuLike(el: Float32Array, i: number, shells: readonly ShellOrbit[], tMs: number, out: Vec3): Vec3 {
  const o = i * ELEMENT_STRIDE
  const s = shells[Math.round(el[o])]
  reduceShellAngles(s, tMs, scratch)
  const r = f(s.radiusKm),
    ci = f(s.cosI),
    si = f(s.sinI)
  const raan = f(el[o + 1] + f(scratch.raanOffset))
  const u = f(el[o + 2] + f(scratch.uOffset))
  const cO = f(Math.cos(raan)),
    sO = f(Math.sin(raan)),
    cu = f(Math.cos(u)),
    su = f(Math.sin(u))
  out.x = f(r * f(f(cO * cu) - f(f(sO * su) * ci)))
  out.y = f(r * f(f(sO * cu) + f(f(cO * su) * ci)))
  out.z = f(r * f(su * si))
  return out
}

/** The exact float64 position from float64 elements (same layout), unreduced angles. */
export function positionEqjExact(el: ArrayLike<number>, i: number, shells: readonly ShellOrbit[], tMs: number, out: Vec3): Vec3 {
  const o = i * ELEMENT_STRIDE
  const s = shells[Math.round(el[o])]
  const dt = secondsSinceEpoch(tMs)
  const raan = el[o + 1] + s.raanRate * dt
  const u = el[o + 2] + s.uRate * dt
  const cO = Math.cos(raan),
    sO = Math.sin(raan),
    cu = Math.cos(u),
    su = Math.sin(u)
  const ci = s.cosI,
    si = s.sinI
  out.x = s.radiusKm * (cO * cu - sO * su * ci)
  out.y = s.radiusKm * (sO * cu + cO * su * ci)
  out.z = s.radiusKm * su * si
  return out
}

/** Unit normal of an orbit plane (angular momentum direction), EQJ: (sin i sin Ω, −sin i cos Ω, cos i). */
export function planeNormal(raan: number, inclinationRad: number, out: Vec3): Vec3 {
  out.x = Math.sin(inclinationRad) * Math.sin(raan)
  out.y = -Math.sin(inclinationRad) * Math.cos(raan)
  out.z = Math.cos(inclinationRad)
  return out
}

/** Days since the constellation epoch. */
export const daysSinceEpoch = (tMs: number): number => (tMs - CONSTELLATION_EPOCH_MS) / MS_PER_DAY

/**
 * How many satellites of an element array (sorted by deployDays) are deployed at tMs:
 * binary search for the first deployDays > days(tMs). O(log n).
 */
export function countDeployedAt(elements: Float32Array, count: number, tMs: number): number {
  return upperBound(elements, daysSinceEpoch(tMs), count, ELEMENT_STRIDE, 3)
}

/**
 * Illumination at the base over a year: the fraction of time the Sun is up over the local
 * horizon, and the longest stretch of darkness.
 *
 * Horizon: for each of `bins` azimuths (from north through east) a ray is marched over the
 * terrain model (terrain.ts) from the base origin out to the patch edge (TERRAIN_EXTENT_KM/2),
 * steps growing from 20 m by 1 % of the distance; the horizon elevation is the largest angle
 * atan((ground − observer) / d), with the ground lowered by the curvature drop d²/2R. The ground
 * is smoothed to 20 m wavelengths (HORIZON_MIN_WAVELENGTH_KM), like the 20 m/px LOLA DEMs
 * Gläser et al. used; finer bumps would matter only to an observer not standing on a graded pad.
 * Sun: sunAtSite (astronomy-engine ephemeris), sampled every `stepHours`. Lit when the upper
 * limb (centre + 0.27°, the solar semi-diameter 959.6″ at 1 AU, IAU) clears the horizon.
 *
 * Honest limit: the terrain is a generated model within ±32 km; real south-polar horizons are
 * also shaped by massifs 50–150 km away (Malapert, Leibnitz β), which this patch does not hold.
 * Gläser et al. 2014 found 92.3 % at 2 m and 95.7 % at 10 m at the real ridge (SOURCES §3 [E]).
 */
import { DEG, MS_PER_DAY } from '../constants'
import { sunAtSite } from './site'
import { TERRAIN_EXTENT_KM, surfaceUpM } from './terrain'

export const SUN_SEMI_DIAMETER_DEG = 0.27
export const HORIZON_MIN_WAVELENGTH_KM = 0.02

export interface HorizonProfile {
  /** Horizon elevation per azimuth bin, degrees; bin k is centred on k · 360/bins. */
  elevationDeg: Float64Array
  observerHeightM: number
}

const horizonCache = new Map<string, HorizonProfile>()

/** The horizon seen from heightM above the ground at the local point (xKm, yKm) (default: origin). */
export function horizonProfile(heightM: number, bins = 360, xKm = 0, yKm = 0, maxKm = TERRAIN_EXTENT_KM / 2): HorizonProfile {
  const key = `${heightM}|${bins}|${xKm}|${yKm}|${maxKm}`
  const hit = horizonCache.get(key)
  if (hit) return hit
  const z0 = surfaceUpM(xKm, yKm, HORIZON_MIN_WAVELENGTH_KM) + heightM
  const out = new Float64Array(bins)
  for (let k = 0; k < bins; k++) {
    const az = (k * 360 * DEG) / bins
    const ex = Math.sin(az),
      ny = Math.cos(az)
    let best = -90
    for (let d = 0.02; ; d += Math.max(0.02, d * 0.01)) {
      const x = xKm + ex * d,
        y = yKm + ny * d
      if (Math.abs(x) > maxKm || Math.abs(y) > maxKm) break
      const el = Math.atan2(surfaceUpM(x, y, HORIZON_MIN_WAVELENGTH_KM) - z0, d * 1000) / DEG
      if (el > best) best = el
    }
    out[k] = best
  }
  const p = { elevationDeg: out, observerHeightM: heightM }
  horizonCache.set(key, p)
  return p
}

/** Horizon elevation at an azimuth (degrees), linearly interpolated between bins. */
export function horizonAt(p: HorizonProfile, azimuthDeg: number): number {
  const n = p.elevationDeg.length
  const f = ((((azimuthDeg % 360) + 360) % 360) / 360) * n
  const i = Math.floor(f) % n,
    t = f - Math.floor(f)
  return p.elevationDeg[i] * (1 - t) + p.elevationDeg[(i + 1) % n] * t
}

export interface IlluminationResult {
  /** Share of samples with the Sun's upper limb above the local horizon, %. */
  litPct: number
  /** Longest run of dark samples, days. */
  longestDarkDays: number
  samples: number
  /** The Sun's elevation range over the samples, degrees (geometry check). */
  sunElevationMinDeg: number
  sunElevationMaxDeg: number
}

/**
 * Illumination over one calendar year (UTC) at heightM above the ground at the base origin.
 * Deterministic; ~4,400 ephemeris samples at the default 2-hour step.
 */
export function illuminationFraction(heightM: number, opts: { year?: number; stepHours?: number; bins?: number } = {}): IlluminationResult {
  const year = opts.year ?? 2030
  const stepMs = (opts.stepHours ?? 2) * 3600_000
  const hp = horizonProfile(heightM, opts.bins ?? 360)
  const t0 = Date.UTC(year, 0, 1),
    t1 = Date.UTC(year + 1, 0, 1)
  let lit = 0,
    n = 0,
    run = 0,
    longest = 0,
    mn = 90,
    mx = -90
  const sun = { elevationDeg: 0, azimuthDeg: 0, distanceKm: 0 }
  for (let t = t0; t < t1; t += stepMs) {
    sunAtSite(t, sun)
    mn = Math.min(mn, sun.elevationDeg)
    mx = Math.max(mx, sun.elevationDeg)
    n++
    if (sun.elevationDeg + SUN_SEMI_DIAMETER_DEG > horizonAt(hp, sun.azimuthDeg)) {
      lit++
      run = 0
    } else {
      run++
      if (run > longest) longest = run
    }
  }
  return {
    litPct: (100 * lit) / n,
    longestDarkDays: (longest * stepMs) / MS_PER_DAY,
    samples: n,
    sunElevationMinDeg: mn,
    sunElevationMaxDeg: mx,
  }
}

export interface SunLight {
  /** The Sun's centre above the astronomical horizon, degrees. */
  elevationDeg: number
  /** From north through east, degrees. */
  azimuthDeg: number
  /** The terrain horizon's elevation at that azimuth, degrees. */
  horizonDeg: number
  /** Share of the solar disc above the terrain horizon, 0…1 (a straight horizon across the disc). */
  visibleFraction: number
  /** Upper limb above the terrain horizon (the criterion of illuminationFraction). */
  lit: boolean
}

const _sun = { elevationDeg: 0, azimuthDeg: 0, distanceKm: 0 }

/**
 * The Sun at the base at tMs, against the terrain horizon seen from heightM above the origin's
 * ground (default 2 m, Gläser's lower height). The first call per height builds the horizon
 * (~0.1 s); later calls cost one ephemeris evaluation.
 */
export function sunLightAtSite(tMs: number, heightM = 2): SunLight {
  sunAtSite(tMs, _sun)
  const horizonDeg = horizonAt(horizonProfile(heightM), _sun.azimuthDeg)
  // Circular segment above a chord at (centre − horizon) / semi-diameter = d ∈ [−1, 1].
  const d = Math.max(-1, Math.min(1, (_sun.elevationDeg - horizonDeg) / SUN_SEMI_DIAMETER_DEG))
  const visibleFraction = 1 - (Math.acos(d) - d * Math.sqrt(1 - d * d)) / Math.PI
  return { elevationDeg: _sun.elevationDeg, azimuthDeg: _sun.azimuthDeg, horizonDeg, visibleFraction, lit: d > -1 }
}

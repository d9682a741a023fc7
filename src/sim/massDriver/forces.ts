/**
 * Gravity for mass-driver trajectories.
 *
 * Full model: Sun, Earth and Moon as point masses at their ephemeris positions (astronomy-engine,
 * ±1′, SOURCES §6), in the geocentric EQJ frame, km and km/s, time t in seconds since J2000 (UTC).
 * The geocentre is not inertial: it accelerates towards the Moon and the Sun, so both get their
 * indirect term:  a = −μE r/|r|³ − Σ_b μ_b [ (r − r_b)/|r − r_b|³ + r_b/|r_b|³ ],  b ∈ {Moon, Sun}.
 * GM values SOURCES §3 (Moon 4,902.8) and §6 (Earth 398,600.4418, Sun 1.32712440018e11) km³/s².
 *
 * Body positions are cached: the Moon is sampled every hour (position and velocity from the
 * ephemeris) and interpolated with cubic Hermite; the Sun every 6 h with central-difference
 * velocities. The caches are global, keyed by node index since J2000, so every shot shares them
 * (results do not depend on the order of calls). Errors and speedup: test/unit/massDriver-forces.test.ts.
 *
 * Test modes: a fixed Moon alone (two-body, selenocentric inertial) and the circular restricted
 * three-body problem (Earth–Moon, rotating frame, dimensionless) with its Jacobi constant.
 */
import { EARTH_GM_KM3_S2, MOON_GM_KM3_S2, SUN_GM_KM3_S2 } from '../constants'
import { moonGeocentricKm, moonGeocentricVelocityKmS, sunGeocentricKm } from '../ephemeris'
import { J2000_MS } from '../time'
import { vec3, type Vec3 } from '../vec'
import type { Deriv } from './integrator'

const MOON_NODE_S = 3600
const SUN_NODE_S = 6 * 3600
const CHUNK = 64 // nodes per cached chunk
const MAX_CHUNKS = 4096 // ≈ 30 years of Moon nodes; the cache is cleared beyond that

type NodeFill = (tS: number, out: Float64Array, o: number) => void

const _p = vec3(),
  _v = vec3(),
  _a = vec3(),
  _b = vec3()
const msOf = (tS: number) => J2000_MS + tS * 1000

const fillMoon: NodeFill = (tS, out, o) => {
  moonGeocentricKm(msOf(tS), _p)
  moonGeocentricVelocityKmS(msOf(tS), _v)
  out[o] = _p.x
  out[o + 1] = _p.y
  out[o + 2] = _p.z
  out[o + 3] = _v.x
  out[o + 4] = _v.y
  out[o + 5] = _v.z
}

const SUN_FD_S = 600 // central difference ±10 min: truncation ~ a·h²/6 ≈ 1e-10 km/s
const fillSun: NodeFill = (tS, out, o) => {
  sunGeocentricKm(msOf(tS), _p)
  sunGeocentricKm(msOf(tS - SUN_FD_S), _a)
  sunGeocentricKm(msOf(tS + SUN_FD_S), _b)
  out[o] = _p.x
  out[o + 1] = _p.y
  out[o + 2] = _p.z
  out[o + 3] = (_b.x - _a.x) / (2 * SUN_FD_S)
  out[o + 4] = (_b.y - _a.y) / (2 * SUN_FD_S)
  out[o + 5] = (_b.z - _a.z) / (2 * SUN_FD_S)
}

/** Hermite-interpolated table of a body's geocentric state, nodes every `stepS` seconds since J2000. */
export class BodyTable {
  private chunks = new Map<number, Float64Array>()
  constructor(
    readonly stepS: number,
    private readonly fill: NodeFill,
  ) {}

  private lastIndex = NaN
  private lastChunk: Float64Array = new Float64Array(0)

  /** The chunk holding node k (the last one is remembered: consecutive lookups hit it). */
  private chunk(ci: number): Float64Array {
    if (ci === this.lastIndex) return this.lastChunk
    let c = this.chunks.get(ci)
    if (!c) {
      if (this.chunks.size >= MAX_CHUNKS) this.chunks.clear()
      c = new Float64Array(CHUNK * 6)
      for (let j = 0; j < CHUNK; j++) this.fill((ci * CHUNK + j) * this.stepS, c, j * 6)
      this.chunks.set(ci, c)
    }
    this.lastIndex = ci
    this.lastChunk = c
    return c
  }

  /** Position (km) and, when `vel` is given, velocity (km/s) at t seconds since J2000. */
  at(tS: number, pos: Vec3, vel?: Vec3): Vec3 {
    const h = this.stepS
    const k = Math.floor(tS / h)
    const u = tS / h - k
    const i0 = Math.floor(k / CHUNK),
      i1 = Math.floor((k + 1) / CHUNK)
    const o0 = (k - i0 * CHUNK) * 6,
      o1 = (k + 1 - i1 * CHUNK) * 6
    const c1 = this.chunk(i1)
    const c0 = i0 === i1 ? c1 : this.chunk(i0)
    const u2 = u * u,
      u3 = u2 * u
    const h00 = 2 * u3 - 3 * u2 + 1,
      h10 = (u3 - 2 * u2 + u) * h,
      h01 = -2 * u3 + 3 * u2,
      h11 = (u3 - u2) * h
    pos.x = h00 * c0[o0] + h10 * c0[o0 + 3] + h01 * c1[o1] + h11 * c1[o1 + 3]
    pos.y = h00 * c0[o0 + 1] + h10 * c0[o0 + 4] + h01 * c1[o1 + 1] + h11 * c1[o1 + 4]
    pos.z = h00 * c0[o0 + 2] + h10 * c0[o0 + 5] + h01 * c1[o1 + 2] + h11 * c1[o1 + 5]
    if (vel) {
      const g00 = (6 * u2 - 6 * u) / h,
        g10 = 3 * u2 - 4 * u + 1,
        g01 = (-6 * u2 + 6 * u) / h,
        g11 = 3 * u2 - 2 * u
      vel.x = g00 * c0[o0] + g10 * c0[o0 + 3] + g01 * c1[o1] + g11 * c1[o1 + 3]
      vel.y = g00 * c0[o0 + 1] + g10 * c0[o0 + 4] + g01 * c1[o1 + 1] + g11 * c1[o1 + 4]
      vel.z = g00 * c0[o0 + 2] + g10 * c0[o0 + 5] + g01 * c1[o1 + 2] + g11 * c1[o1 + 5]
    }
    return pos
  }

  get cachedNodes(): number {
    return this.chunks.size * CHUNK
  }

  clear(): void {
    this.chunks.clear()
    this.lastIndex = NaN
  }
}

export const MOON_TABLE = new BodyTable(MOON_NODE_S, fillMoon)
export const SUN_TABLE = new BodyTable(SUN_NODE_S, fillSun)

/** Seconds since J2000 (UTC) of an instant in ms since 1970, and back. */
export const secondsSinceJ2000 = (tMs: number): number => (tMs - J2000_MS) / 1000
export const msFromJ2000Seconds = msOf

export interface BodyPositions {
  moon(tS: number, out: Vec3): Vec3
  sun(tS: number, out: Vec3): Vec3
}

/** Body positions from the Hermite caches (default) or straight from the ephemeris (reference). */
export const CACHED_BODIES: BodyPositions = {
  moon: (tS, out) => MOON_TABLE.at(tS, out),
  sun: (tS, out) => SUN_TABLE.at(tS, out),
}
export const DIRECT_BODIES: BodyPositions = {
  moon: (tS, out) => moonGeocentricKm(msOf(tS), out),
  sun: (tS, out) => sunGeocentricKm(msOf(tS), out),
}

/** Derivative of [x, y, z, vx, vy, vz] (geocentric EQJ km, km/s) under Sun, Earth and Moon gravity. */
export function ephemerisForces(bodies: BodyPositions = CACHED_BODIES): Deriv {
  const m = vec3(),
    s = vec3()
  return (t, y, dy) => {
    bodies.moon(t, m)
    bodies.sun(t, s)
    const x = y[0],
      yy = y[1],
      z = y[2]
    const r2 = x * x + yy * yy + z * z
    const fe = -EARTH_GM_KM3_S2 / (r2 * Math.sqrt(r2))
    let ax = fe * x,
      ay = fe * yy,
      az = fe * z
    // Moon, direct + indirect
    let dx = x - m.x,
      dyy = yy - m.y,
      dz = z - m.z
    let d2 = dx * dx + dyy * dyy + dz * dz
    let fd = MOON_GM_KM3_S2 / (d2 * Math.sqrt(d2))
    let b2 = m.x * m.x + m.y * m.y + m.z * m.z
    let fi = MOON_GM_KM3_S2 / (b2 * Math.sqrt(b2))
    ax -= fd * dx + fi * m.x
    ay -= fd * dyy + fi * m.y
    az -= fd * dz + fi * m.z
    // Sun, direct + indirect
    dx = x - s.x
    dyy = yy - s.y
    dz = z - s.z
    d2 = dx * dx + dyy * dyy + dz * dz
    fd = SUN_GM_KM3_S2 / (d2 * Math.sqrt(d2))
    b2 = s.x * s.x + s.y * s.y + s.z * s.z
    fi = SUN_GM_KM3_S2 / (b2 * Math.sqrt(b2))
    ax -= fd * dx + fi * s.x
    ay -= fd * dyy + fi * s.y
    az -= fd * dz + fi * s.z
    dy[0] = y[3]
    dy[1] = y[4]
    dy[2] = y[5]
    dy[3] = ax
    dy[4] = ay
    dy[5] = az
  }
}

/** Test mode: a point mass μ fixed at the origin (two-body, inertial). */
export function twoBodyForces(mu: number = MOON_GM_KM3_S2): Deriv {
  return (_t, y, dy) => {
    const r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2]
    const f = -mu / (r2 * Math.sqrt(r2))
    dy[0] = y[3]
    dy[1] = y[4]
    dy[2] = y[5]
    dy[3] = f * y[0]
    dy[4] = f * y[1]
    dy[5] = f * y[2]
  }
}

/** Specific two-body energy v²/2 − μ/r of a state relative to a body. */
export function twoBodyEnergy(y: ArrayLike<number>, mu: number): number {
  return 0.5 * (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - mu / Math.hypot(y[0], y[1], y[2])
}

/** Earth–Moon mass parameter μ = M_Moon / (M_Earth + M_Moon) from the GMs (SOURCES §3, §6): 0.012150. */
export const CR3BP_MU = MOON_GM_KM3_S2 / (EARTH_GM_KM3_S2 + MOON_GM_KM3_S2)

/**
 * Test mode: the circular restricted three-body problem in the rotating frame, dimensionless
 * (unit length the Earth–Moon distance, unit time 1/n): Earth at (−μ, 0, 0), Moon at (1 − μ, 0, 0).
 */
export function cr3bpForces(mu: number = CR3BP_MU): Deriv {
  return (_t, y, dy) => {
    const x = y[0],
      yy = y[1],
      z = y[2]
    const dx1 = x + mu,
      dx2 = x - 1 + mu
    const r1 = Math.sqrt(dx1 * dx1 + yy * yy + z * z),
      r2 = Math.sqrt(dx2 * dx2 + yy * yy + z * z)
    const c1 = (1 - mu) / (r1 * r1 * r1),
      c2 = mu / (r2 * r2 * r2)
    dy[0] = y[3]
    dy[1] = y[4]
    dy[2] = y[5]
    dy[3] = 2 * y[4] + x - c1 * dx1 - c2 * dx2
    dy[4] = -2 * y[3] + yy - (c1 + c2) * yy
    dy[5] = -(c1 + c2) * z
  }
}

/** Jacobi constant C = 2Ω − v², Ω = (x² + y²)/2 + (1 − μ)/r₁ + μ/r₂ (rotating frame, dimensionless). */
export function jacobiConstant(y: ArrayLike<number>, mu: number = CR3BP_MU): number {
  const r1 = Math.hypot(y[0] + mu, y[1], y[2]),
    r2 = Math.hypot(y[0] - 1 + mu, y[1], y[2])
  const omega = 0.5 * (y[0] * y[0] + y[1] * y[1]) + (1 - mu) / r1 + mu / r2
  return 2 * omega - (y[3] * y[3] + y[4] * y[4] + y[5] * y[5])
}

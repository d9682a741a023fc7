/**
 * The growing swarm of mass-driver payloads.
 *
 * Representative trajectories: shots are grouped in fixed launch windows (6 h by default, aligned
 * to multiples of the window since 1970). One trajectory is integrated per window, launched at its
 * centre; every shot in the window reuses it with a time offset Δt (|Δt| ≤ 3 h), and in 'rotate'
 * mode the reused path is also turned about the Moon's orbit normal by the angle the Earth–Moon line
 * turns in Δt (the muzzle is fixed in the tidally locked Moon, so the geometry turns with it).
 * The measured difference from integrating every shot is in test/unit/massDriver-swarm.test.ts.
 *
 * Deep-space state: cumulative shots, mass launched, deep-space compute (payloads that did not
 * fall back × mass × kW/t) and per-payload heliocentric Kepler elements [a (AU), e, i, Ω, ω, M0]
 * (float32, radians, ecliptic J2000) at the swarm's epoch, for the GPU. With n = √(μ☉/a³), the
 * angle n (t − epoch) stays below ~200 rad over decades: float32 M keeps ~1e-5 rad (~1,500 km).
 */
import { SUN_GM_KM3_S2, AU_KM } from '../constants'
import { scheduleAt } from '../scenario/types'
import { fractionalYear, msFromFractionalYear } from '../time'
import { vec3, type Vec3 } from '../vec'
import { MOON_TABLE, secondsSinceJ2000 } from './forces'
import { meanMotion } from '../kepler'
import type { MassDriverParams } from './params'
import { massDriverSchema } from './params'
import { simulateShot, type ShotResult } from './shot'
import { DEG } from '../constants'

export const DEFAULT_WINDOW_MS = 6 * 3600 * 1000
const INITIAL_SLOTS = 1 << 14

export type ReuseMode = 'shift' | 'rotate'

/** e-folding time of the Moon-pinning correction in 'rotate' mode, s (1 day: the time to leave the Moon's vicinity). */
export const MOON_PIN_S = 86400

const _a = vec3(), _b = vec3(), _c = vec3(), _v = vec3()

/** Cubic Hermite interpolation of a shot's samples at tMs; false outside [first, last] sample. */
export function interpolateSamples(r: ShotResult, tMs: number, out: Vec3): boolean {
  const { tMs: T, posKm: P, velKmS: V } = r.samples
  const n = T.length
  if (n === 0 || tMs < T[0] || tMs > T[n - 1]) return false
  let lo = 0, hi = n - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (T[mid] <= tMs) lo = mid
    else hi = mid
  }
  const h = (T[hi] - T[lo]) / 1000
  const u = h > 0 ? (tMs - T[lo]) / 1000 / h : 0
  const u2 = u * u, u3 = u2 * u
  const h00 = 2 * u3 - 3 * u2 + 1, h10 = (u3 - 2 * u2 + u) * h, h01 = -2 * u3 + 3 * u2, h11 = (u3 - u2) * h
  const i = 3 * lo, j = 3 * hi
  out.x = h00 * P[i] + h10 * V[i] + h01 * P[j] + h11 * V[j]
  out.y = h00 * P[i + 1] + h10 * V[i + 1] + h01 * P[j + 1] + h11 * V[j + 1]
  out.z = h00 * P[i + 2] + h10 * V[i + 2] + h01 * P[j + 2] + h11 * V[j + 2]
  return true
}

/**
 * Position (geocentric EQJ km) at tMs of a shot launched at shotMs, from the representative `rep`
 * launched at rep.launchMs. False when the reused path has ended (impact or horizon).
 */
export function reusedPositionKm(rep: ShotResult, shotMs: number, tMs: number, out: Vec3, mode: ReuseMode = 'rotate'): boolean {
  if (!interpolateSamples(rep, rep.launchMs + (tMs - shotMs), out)) return false
  if (mode === 'shift' || shotMs === rep.launchMs) return true
  // Rotate about the Moon's orbit normal h = r × v by the angle from r(rep launch) to r(shot launch).
  MOON_TABLE.at(secondsSinceJ2000(rep.launchMs), _a, _v)
  MOON_TABLE.at(secondsSinceJ2000(shotMs), _b)
  let kx = _a.y * _v.z - _a.z * _v.y, ky = _a.z * _v.x - _a.x * _v.z, kz = _a.x * _v.y - _a.y * _v.x
  const kn = Math.hypot(kx, ky, kz)
  kx /= kn; ky /= kn; kz /= kn
  // c = a × b; signed angle about k
  _c.x = _a.y * _b.z - _a.z * _b.y; _c.y = _a.z * _b.x - _a.x * _b.z; _c.z = _a.x * _b.y - _a.y * _b.x
  const ang = Math.atan2(_c.x * kx + _c.y * ky + _c.z * kz, _a.x * _b.x + _a.y * _b.y + _a.z * _b.z)
  const cs = Math.cos(ang), sn = Math.sin(ang)
  const px = out.x, py = out.y, pz = out.z
  const kd = kx * px + ky * py + kz * pz
  // Rodrigues: p cos + (k × p) sin + k (k·p)(1 − cos)
  out.x = px * cs + (ky * pz - kz * py) * sn + kx * kd * (1 - cs)
  out.y = py * cs + (kz * px - kx * pz) * sn + ky * kd * (1 - cs)
  out.z = pz * cs + (kx * py - ky * px) * sn + kz * kd * (1 - cs)
  // Near the Moon, pin the path to the Moon's true position: add r_M(shot + τ) − R·r_M(rep + τ),
  // faded out over MOON_PIN_S (the eccentric orbit's radius changes up to ~1,000 km in 3 h).
  const tau = (tMs - shotMs) / 1000
  const w = Math.exp(-tau / MOON_PIN_S)
  if (w > 1e-6) {
    MOON_TABLE.at(secondsSinceJ2000(rep.launchMs) + tau, _a)
    MOON_TABLE.at(secondsSinceJ2000(shotMs) + tau, _b)
    const ad = kx * _a.x + ky * _a.y + kz * _a.z
    const rx = _a.x * cs + (ky * _a.z - kz * _a.y) * sn + kx * ad * (1 - cs)
    const ry = _a.y * cs + (kz * _a.x - kx * _a.z) * sn + ky * ad * (1 - cs)
    const rz = _a.z * cs + (kx * _a.y - ky * _a.x) * sn + kz * ad * (1 - cs)
    out.x += w * (_b.x - rx)
    out.y += w * (_b.y - ry)
    out.z += w * (_b.z - rz)
  }
  return true
}

export interface SwarmWindow {
  index: number
  startMs: number
  /** Shots launched in this window, and the cumulative index of the first. */
  shots: number
  firstShot: number
  /** The representative trajectory (launched at the window's centre). */
  rep: ShotResult
}

export interface SwarmOptions {
  windowMs?: number
  /** Horizon of each representative integration, days (default 60). */
  days?: number
  rtol?: number
  /** Payload element slots (default 2^20); later payloads are counted but not stored. */
  capacity?: number
  /** Representative windows kept for drawing in-flight paths (default: those within `days`). */
  keepWindows?: number
  /**
   * Cumulative payload mass the mass driver has thrown by tMs, kg. When given it is the single
   * source of truth for the number of shots (the app passes the Moon base's growth model, which
   * caps the schedule by power and by the satellites the factories have made); without it the
   * shotsPerHour schedule alone sets the rate.
   */
  launchedKgAt?: (tMs: number) => number
}

export class MassDriverSwarm {
  readonly windowMs: number
  readonly epochMs: number
  /**
   * [a AU, e, i, Ω, ω, M0 at epochMs] per stored heliocentric payload, float32, radians. Grows by
   * doubling up to `capacity` slots (the array is replaced when it grows: read it after advanceTo).
   */
  elements: Float32Array
  storedPayloads = 0
  droppedPayloads = 0
  cumulativeShots = 0
  massLaunchedKg = 0
  /** Payloads not lost to impact. */
  deepSpacePayloads = 0
  heliocentricPayloads = 0
  /** Windows still within the integration horizon (for in-flight drawing), oldest first. */
  readonly recent: SwarmWindow[] = []
  private nextWindow: number
  private shotAcc = 0
  private readonly opts: Required<Omit<SwarmOptions, 'keepWindows' | 'launchedKgAt'>> & { keepWindows: number }
  private readonly launchedKgAt?: (tMs: number) => number

  constructor(readonly params: MassDriverParams, opts: SwarmOptions = {}) {
    this.windowMs = opts.windowMs ?? DEFAULT_WINDOW_MS
    const days = opts.days ?? 60
    this.opts = {
      windowMs: this.windowMs,
      days,
      rtol: opts.rtol ?? 1e-9,
      capacity: opts.capacity ?? 1 << 20,
      keepWindows: opts.keepWindows ?? Math.ceil((days * 86400e3) / this.windowMs),
    }
    this.launchedKgAt = opts.launchedKgAt
    this.elements = new Float32Array(Math.min(this.opts.capacity, INITIAL_SLOTS) * 6)
    this.epochMs = msFromFractionalYear(params.shotsPerHour[0]?.[0] ?? 2040)
    this.nextWindow = Math.floor(this.epochMs / this.windowMs)
  }

  /** Mean shots per hour at tMs: the schedule's, or over the window around tMs from launchedKgAt. */
  rateAt(tMs: number): number {
    if (this.launchedKgAt) {
      const W = this.windowMs
      return this.shotsBetween(tMs - W / 2, tMs + W / 2) / (W / 3600e3)
    }
    return scheduleAt(this.params.shotsPerHour as [number, number][], fractionalYear(tMs), massDriverSchema.shotsPerHour.interpolation)
  }

  /** Shots (fractional) launched in [aMs, bMs): from launchedKgAt, else the schedule at the midpoint. */
  shotsBetween(aMs: number, bMs: number): number {
    if (bMs <= aMs) return 0
    if (this.launchedKgAt) return Math.max(0, this.launchedKgAt(bMs) - this.launchedKgAt(aMs)) / this.params.payloadKg
    return (this.rateAt((aMs + bMs) / 2) * (bMs - aMs)) / 3600e3
  }

  /** Deep-space compute power, W: payloads in space × t per payload × kW/t × 1000. */
  get deepSpaceComputeW(): number {
    return this.deepSpacePayloads * (this.params.payloadKg / 1000) * this.params.computeKwPerTonne * 1000
  }

  /** Processes every window that ends at or before tMs (one integration per window with shots). */
  advanceTo(tMs: number): void {
    const W = this.windowMs
    while ((this.nextWindow + 1) * W <= tMs) {
      const startMs = this.nextWindow * W
      // Shots in the window: midpoint rate × window length, carried fractions keep the sum exact.
      this.shotAcc += this.shotsBetween(startMs, startMs + W)
      const shots = Math.floor(this.shotAcc)
      this.shotAcc -= shots
      if (shots > 0) this.addWindow(this.nextWindow, startMs, shots)
      this.nextWindow++
    }
  }

  /** Launch instant of shot j (0 ≤ j < shots) of a window: spread evenly through it. */
  shotTimeMs(w: SwarmWindow, j: number): number {
    return w.startMs + ((j + 0.5) * this.windowMs) / w.shots
  }

  /** The stored elements, 6 per payload (a view, no copy). */
  storedElements(): Float32Array {
    return this.elements.subarray(0, 6 * this.storedPayloads)
  }

  private grow(): void {
    const slots = Math.min(this.opts.capacity, 2 * (this.elements.length / 6))
    const next = new Float32Array(slots * 6)
    next.set(this.elements)
    this.elements = next
  }

  private addWindow(index: number, startMs: number, shots: number): void {
    const p = this.params
    const rep = simulateShot(startMs + this.windowMs / 2, p, { days: this.opts.days, rtol: this.opts.rtol })
    const w: SwarmWindow = { index, startMs, shots, firstShot: this.cumulativeShots, rep }
    this.cumulativeShots += shots
    this.massLaunchedKg += shots * p.payloadKg
    if (rep.outcome !== 'impact') this.deepSpacePayloads += shots
    if (rep.outcome === 'heliocentric' && rep.heliocentric) {
      this.heliocentricPayloads += shots
      const h = rep.heliocentric
      const aKm = h.aAu * AU_KM
      const n = h.e < 1 ? meanMotion(aKm, SUN_GM_KM3_S2) : 0 // rad/s
      // The rep's M at its epoch, carried back to the swarm epoch (float64), then per-shot delays.
      const mEpoch = h.meanAnomalyDeg * DEG - n * ((h.epochMs - this.epochMs) / 1000)
      for (let j = 0; j < shots; j++) {
        if (this.storedPayloads >= this.opts.capacity) {
          this.droppedPayloads += shots - j
          break
        }
        const dt = (this.shotTimeMs(w, j) - rep.launchMs) / 1000
        let m = (mEpoch - n * dt) % (2 * Math.PI)
        if (m < 0) m += 2 * Math.PI
        if (6 * this.storedPayloads >= this.elements.length) this.grow()
        const o = 6 * this.storedPayloads++
        this.elements[o] = h.aAu
        this.elements[o + 1] = h.e
        this.elements[o + 2] = h.iDeg * DEG
        this.elements[o + 3] = h.raanDeg * DEG
        this.elements[o + 4] = h.argpDeg * DEG
        this.elements[o + 5] = m
      }
    }
    this.recent.push(w)
    while (this.recent.length > this.opts.keepWindows) this.recent.shift()
  }
}

/**
 * The growing swarm of mass-driver payloads: the one deep-space simulation the worker hosts.
 *
 * Representative trajectories: shots are grouped in fixed launch windows (6 h by default, aligned
 * to multiples of the window since 1970). One trajectory is integrated per window, launched at its
 * centre; every shot in the window reuses it with a time offset Δt (|Δt| ≤ 3 h), turned about the
 * Moon's orbit normal (reuse.ts; drawn by inFlight.ts). Each window's shots and outcome go to the
 * log (windowLog.ts: cumulative figures at any instant), its heliocentric payloads to the swarm
 * points (swarmPoints.ts: Kepler elements at the swarm's epoch, for the GPU).
 */
import { scheduleAt } from '../scenario/types'
import { fractionalYear, msFromFractionalYear } from '../time'
import { upperBoundBy } from '../search'
import { massDriverSchema, type MassDriverParams } from './params'
import { simulateShot, type ShotResult } from './shot'
import { SwarmPoints } from './swarmPoints'
import { WindowLog } from './windowLog'
import { MS_PER_DAY, SECONDS_PER_YEAR } from '../constants'

export const DEFAULT_WINDOW_MS = 6 * 3600 * 1000
/** Swarm points by default (each stands for payloadsPerPoint payloads). */
export const DEFAULT_SWARM_CAPACITY = 1 << 18

export interface SwarmWindow {
  index: number
  startMs: number
  /** Shots launched in this window. */
  shots: number
  /** The representative trajectory (launched at the window's centre). */
  rep: ShotResult
}

export interface SwarmOptions {
  windowMs?: number
  /** Horizon of each representative integration, days (default 60). */
  days?: number
  rtol?: number
  /** Swarm points (default 2^18); payloadsPerPoint makes the shots up to horizonEndMs fit. */
  capacity?: number
  /** The end of the scenario's horizon, UTC ms (default: the epoch + 20 years). */
  horizonEndMs?: number
  /** Representative windows kept for drawing in-flight paths (default: those within `days`, plus a day). */
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
  /** The first shot's year (the schedule's first point): swarm elements are given at this instant. */
  readonly epochMs: number
  readonly log: WindowLog
  readonly points: SwarmPoints
  /** Windows with shots still within the integration horizon (for in-flight drawing), oldest first. */
  readonly recent: SwarmWindow[] = []
  /** The next window to integrate. */
  nextWindow: number
  private shotAcc = 0
  private readonly days: number
  private readonly rtol: number
  private readonly keepWindows: number
  private readonly launchedKgAt?: (tMs: number) => number

  constructor(
    readonly params: MassDriverParams,
    opts: SwarmOptions = {},
  ) {
    this.windowMs = opts.windowMs ?? DEFAULT_WINDOW_MS
    this.days = opts.days ?? 60
    this.rtol = opts.rtol ?? 1e-9
    this.keepWindows = opts.keepWindows ?? Math.ceil(((this.days + 1) * MS_PER_DAY) / this.windowMs) + 4
    this.launchedKgAt = opts.launchedKgAt
    this.epochMs = msFromFractionalYear(params.shotsPerHour[0]?.[0] ?? 2040)
    this.nextWindow = Math.floor(this.epochMs / this.windowMs)
    this.log = new WindowLog(this.windowMs)
    const capacity = opts.capacity ?? DEFAULT_SWARM_CAPACITY
    const horizonEndMs = opts.horizonEndMs ?? this.epochMs + 20 * SECONDS_PER_YEAR * 1000
    const total = this.shotsBetween(this.nextWindow * this.windowMs, horizonEndMs)
    // At least one point per window when the windows to the horizon take at most a quarter of the
    // capacity (the rest is shared by payload count), so a growing launch rate still draws its early years.
    const windows = Math.max(0, Math.ceil((horizonEndMs - this.nextWindow * this.windowMs) / this.windowMs))
    const onePerWindow = capacity >= 4096 && windows * 4 <= capacity
    const share = onePerWindow ? capacity - windows : capacity
    this.points = new SwarmPoints(this.epochMs, capacity, Math.max(1, Math.ceil(total / share)), this.windowMs, onePerWindow)
  }

  /** Mean shots per hour at tMs: the schedule's, or over the window around tMs from launchedKgAt. */
  rateAt(tMs: number): number {
    if (this.launchedKgAt) {
      const W = this.windowMs
      return this.shotsBetween(tMs - W / 2, tMs + W / 2) / (W / 3600e3)
    }
    return scheduleAt(this.params.shotsPerHour, fractionalYear(tMs), massDriverSchema.shotsPerHour.interpolation)
  }

  /** Shots (fractional) launched in [aMs, bMs): from launchedKgAt, else the schedule at the midpoint. */
  shotsBetween(aMs: number, bMs: number): number {
    if (bMs <= aMs) return 0
    if (this.launchedKgAt) return Math.max(0, this.launchedKgAt(bMs) - this.launchedKgAt(aMs)) / this.params.payloadKg
    return (this.rateAt((aMs + bMs) / 2) * (bMs - aMs)) / 3600e3
  }

  /** The end of the windows integrated so far (the next window's start), UTC ms. */
  get syncedToMs(): number {
    return this.nextWindow * this.windowMs
  }

  /** Integrates the next window (one trajectory when it has shots); returns it, or null without shots. */
  advanceWindow(): SwarmWindow | null {
    const index = this.nextWindow++
    const startMs = index * this.windowMs
    // Shots in the window: midpoint rate × window length, carried fractions keep the sum exact.
    this.shotAcc += this.shotsBetween(startMs, startMs + this.windowMs)
    const shots = Math.floor(this.shotAcc)
    this.shotAcc -= shots
    if (shots <= 0) return null
    const rep = this.integrate(index)
    const w: SwarmWindow = { index, startMs, shots, rep }
    this.log.add(index, shots, rep.outcome)
    this.points.add(startMs, shots, rep)
    this.recent.push(w)
    while (this.recent.length > this.keepWindows) this.recent.shift()
    return w
  }

  /** Processes every window that ends at or before tMs. */
  advanceTo(tMs: number): void {
    while (this.syncedToMs + this.windowMs <= tMs) this.advanceWindow()
  }

  /**
   * The representative of an integrated window: the one kept in `recent`, else integrated again
   * (deterministic: the same trajectory).
   */
  representative(index: number): ShotResult {
    const k = upperBoundBy(this.recent, index, (w) => w.index) - 1
    if (k >= 0 && this.recent[k].index === index) return this.recent[k].rep
    return this.integrate(index)
  }

  /** Deep-space compute power by tMs, W: payloads not lost to impact × t per payload × kW/t × 1000. */
  deepSpaceComputeW(deepSpacePayloads: number): number {
    return deepSpacePayloads * (this.params.payloadKg / 1000) * this.params.computeKwPerTonne * 1000
  }

  private integrate(index: number): ShotResult {
    return simulateShot(index * this.windowMs + this.windowMs / 2, this.params, { days: this.days, rtol: this.rtol })
  }
}

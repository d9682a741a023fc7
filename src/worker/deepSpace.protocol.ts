/**
 * The deep-space worker's protocol: every message in both directions, as discriminated unions on
 * `type`. A second worker beside the main one (protocol.ts) so trajectory integration never delays
 * the constellation's snapshots. The main thread owns the clock: it asks for the state at an instant,
 * the worker answers with a small snapshot tagged with the request's sequence number.
 *
 * Large data travels once: each representative trajectory (one per 6 h launch window, src/sim/
 * massDriver/swarm.ts) as a transferable Float32Array, and the swarm's heliocentric elements
 * appended in batches. Times inside float32 arrays are always small offsets from a float64 epoch.
 */
import type { ShotOutcome } from '../sim/massDriver/shot'
import type { Scenario } from '../sim/scenario/schema'

export const OUTCOMES: readonly ShotOutcome[] = ['impact', 'lunar-orbit', 'earth-orbit', 'l2', 'heliocentric']
export type { ShotOutcome }

export interface DeepInitOptions {
  /** Swarm points the main thread holds (each stands for `payloadsPerPoint` payloads). Default 2^18. */
  swarmCapacity?: number
  /** Payloads drawn in flight at once, across all windows. Default 10,000. */
  maxPayloadsInFlight?: number
  /**
   * What sets the number of shots: 'base' (default) the Moon base's growth model (the schedule
   * capped by spare power and by the satellites the factories made); 'schedule' the scenario's
   * massDriver.shotsPerHour alone (benchmarks at rates the base cannot reach).
   */
  rateSource?: 'base' | 'schedule'
}

export type DeepMainToWorker =
  | { type: 'init'; scenario: Scenario; options?: DeepInitOptions }
  | { type: 'scenario'; scenario: Scenario }
  | { type: 'step'; seq: number; tMs: number }

/** Floats per sample in TrajectoryWindow.samples: [t offset s from launchMs, x, y, z km geocentric EQJ]. */
export const SAMPLE_STRIDE = 4
/** Floats per drawn shot in TrajectoryWindow.shown: [Δt s from launchMs, cos θ, sin θ, pin x, y, z km]. */
export const SHOWN_STRIDE = 6
/**
 * Floats per swarm point: [a AU, e, i, Ω, ω (rad, ecliptic J2000), M0 (rad at the swarm epoch),
 * launch day, appear day (days since the swarm epoch; the point is drawn from the appear day on:
 * the representative's escape from Earth's Hill sphere)]. Sorted by launch day.
 */
export const SWARM_STRIDE = 8

/**
 * One launch window's representative trajectory. Every shot of the window reuses it: shot k of
 * `shown` is the path turned by θ_k about `axis` (the Moon's orbit normal) and delayed by Δt_k, plus
 * a pin offset that puts it on the true muzzle at launch and fades over a day (swarm.ts 'rotate').
 */
export interface TrajectoryWindow {
  generation: number
  /** Window index: startMs = index × windowMs. */
  index: number
  startMs: number
  /** The representative's launch instant (the window's centre), UTC ms: the float64 epoch of samples. */
  launchMs: number
  shots: number
  outcome: ShotOutcome
  escapeTimeDays: number | null
  samples: Float32Array
  shown: Float32Array
  axis: [number, number, number]
}

export interface DeepSnapshot {
  seq: number
  tMs: number
  computeMs: number
  /** Windows integrated up to this instant; below tMs while catching up after a jump. */
  syncedToMs: number
  catchingUp: boolean
  /** The instant the cumulative figures refer to: min(tMs, syncedToMs). */
  figuresAtMs: number
  shots: number
  massLaunchedKg: number
  shotsPerHour: number
  massPerYearKg: number
  /** Payloads not lost to impact × t × kW/t. */
  deepSpaceComputeW: number
  orbitalComputeW: number
  totalComputeW: number
  kardashev: { powerW: number; k: number; fractionOfSun: number }
  /** Shots launched so far by outcome of their window's representative. */
  outcomes: Record<ShotOutcome, number>
  /** Track physics (src/sim/massDriver/track.ts) and the electrical power at the current rate. */
  track: { lengthM: number; timeOnTrackS: number; energyPerShotJ: number; peakPowerW: number; meanPowerW: number }
  swarmPoints: number
  payloadsPerPoint: number
  /** Window indices the main thread keeps; it drops the others (the worker forgets it sent them). */
  keep: [number, number]
}

export type DeepWorkerToMain =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  /** A new scenario: drop all windows and swarm points. */
  | { type: 'reset'; generation: number; windowMs: number; swarmEpochMs: number; swarmCapacity: number; payloadsPerPoint: number }
  | { type: 'trajectory'; window: TrajectoryWindow }
  /** Swarm points appended at `start` (transferred). */
  | { type: 'swarm'; generation: number; start: number; elements: Float32Array }
  | { type: 'snapshot'; snapshot: DeepSnapshot }

export type DeepPost = (msg: DeepWorkerToMain, transfer?: Transferable[]) => void

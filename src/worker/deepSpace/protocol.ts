/**
 * The deep-space worker's protocol: every message in both directions, as discriminated unions on
 * `type`. A second worker beside the constellation's so trajectory integration never delays the
 * constellation's snapshots. The main thread owns the clock: it asks for the state at an instant,
 * the worker answers with a small snapshot tagged with the request's sequence number.
 *
 * Large data travels once: each representative trajectory (one per 6 h launch window,
 * src/sim/massDriver/swarm.ts) as transferable float32 arrays (src/sim/massDriver/inFlight.ts), and
 * the swarm's heliocentric elements appended in batches (src/sim/massDriver/swarmPoints.ts). Times
 * inside float32 arrays are always small offsets from a float64 epoch.
 */
import type { TrajectoryWindow } from '../../sim/massDriver/inFlight'
import type { DeepSnapshot } from '../../sim/massDriver/snapshot'
import type { Scenario } from '../../sim/scenario/schema'

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
  /** A new scenario; one that fails validation is reported and the previous one kept. */
  | { type: 'scenario'; scenario: Scenario }
  | { type: 'step'; seq: number; tMs: number }

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

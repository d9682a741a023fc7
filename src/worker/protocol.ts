/**
 * The worker protocol: every message in both directions, as discriminated unions on `type`.
 * The main thread owns the clock and asks for the state at a target instant; the worker answers
 * with a small snapshot tagged with the request's sequence number, so stale answers are dropped.
 */
import type { Scenario } from '../sim/scenario/schema'

export type MainToWorker =
  | { type: 'init'; scenario: Scenario }
  | { type: 'scenario'; scenario: Scenario }
  | { type: 'step'; seq: number; tMs: number }

/** A few hundred bytes: what the HUD and panels show at one instant. */
export interface Snapshot {
  seq: number
  tMs: number
  /** Worker time spent producing this snapshot, ms. */
  computeMs: number
  bodies: {
    moonDistanceKm: number
    sunDistanceKm: number
    subsolarLatDeg: number
    subsolarLonDeg: number
  }
}

export type WorkerToMain =
  | { type: 'ready' }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'error'; message: string }

export type Post = (msg: WorkerToMain, transfer?: Transferable[]) => void

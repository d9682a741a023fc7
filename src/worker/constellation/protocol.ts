/**
 * The simulation (constellation) worker's protocol: every message in both directions, as
 * discriminated unions on `type`. The main thread owns the clock and asks for the state at a
 * target instant; the worker answers with a small snapshot tagged with the request's sequence
 * number, so stale answers are dropped. The types of what travels are src/sim's, imported.
 */
import type { BaseLayoutData, BaseSnapshot } from '../../sim/base/snapshot'
import type { SatelliteInfo } from '../../sim/constellation/info'
import type { ConstellationMetrics } from '../../sim/constellation/metrics'
import type { ShellOrbit } from '../../sim/constellation/orbits'
import type { Triple } from '../../sim/constellation/pick'
import type { LaunchEvent } from '../../sim/constellation/schedule'
import type { Scenario } from '../../sim/scenario/schema'
import type { YearRow } from '../../sim/story/yearly'

export interface InitOptions {
  /** URL `sats=N`: show N satellites at once regardless of the launch schedule (demos, benchmarks). */
  forcedSatellites?: number
}

export type MainToWorker =
  | { type: 'init'; scenario: Scenario; options?: InitOptions }
  | { type: 'scenario'; scenario: Scenario }
  | { type: 'step'; seq: number; tMs: number }
  | { type: 'pick'; seq: number; tMs: number; rayOriginKm: Triple; rayDir: Triple; maxAngleRad: number }
  /**
   * A second scenario to compare with the one in force (what-if, side by side): only its yearly rows
   * are computed, over the horizon in force, and posted as 'compare-series'. null stops comparing.
   * `id` names it (a preset id or 'pinned') so answers to an older request are recognised.
   */
  | { type: 'compare'; id: string; scenario: Scenario | null }
  /** Asks for the host's message timings ('timings'): bench and tests. */
  | { type: 'timings' }

/** A request the main thread awaits an answer to: a step or a pick, by its own seq counter. */
export interface RequestRef {
  type: 'step' | 'pick'
  seq: number
}

/** What the host measured of one message type: how many were handled, total and longest handling time, ms. */
export interface MessageTiming {
  count: number
  totalMs: number
  maxMs: number
}

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
  constellation: ConstellationMetrics | null
  /** Launches of the last day up to tMs (ascent arcs, pad glow, notices). */
  recentLaunches: LaunchEvent[]
  /** Total satellites generated so far (the main thread draws those deployed by its frame time). */
  generated: number
  /** Moon Base Alpha at tMs: its growth-model state and the cargo ships' visits (src/sim/base/snapshot.ts). */
  base: BaseSnapshot | null
}

export type WorkerToMain =
  | { type: 'ready' }
  | { type: 'snapshot'; snapshot: Snapshot }
  /**
   * Something failed. `re` names the request it answers (a step or a pick, by its seq): only that
   * request is failed (the step in flight freed, the pick resolved to none). Without `re` it answers
   * no request (a rejected scenario, a failed comparison): a notice, nothing freed.
   */
  | { type: 'error'; message: string; re?: RequestRef }
  /**
   * A new satellite buffer: for a new scenario, or (same generation) when the window of the launch
   * sequence the buffer holds starts again at the first satellite still in orbit (retirements,
   * src/worker/constellation/operations/satellites.ts). `firstIndex`: the sequence index of the
   * buffer's satellite 0 (0 until satellites retire).
   */
  | {
      type: 'constellation-reset'
      generation: number
      capacity: number
      epochMs: number
      shells: ShellOrbit[]
      siteLatLonDeg: [number, number][]
      firstIndex: number
    }
  /**
   * New satellites only, appended at `start`, sorted by deploy time (transferred, not copied).
   * `generations[i]` is satellite start + i's hardware generation: 0 the first (scenario
   * `constellation.satelliteMassT` / `computePowerKw`), k ≥ 1 the k-th of `constellation.generations`
   * sorted by year (src/sim/constellation/schedule.ts `generationsOf`), one byte each. (`generation`
   * is the scenario's message tag, not this.)
   */
  | { type: 'satellites'; generation: number; start: number; elements: Float32Array; generations: Uint8Array }
  | { type: 'pick'; seq: number; satellite: SatelliteInfo | null }
  /** The scenario's yearly rows over the whole horizon (src/sim/story/yearly.ts), sent once per scenario (charts, gauge, export). */
  | { type: 'series'; generation: number; rows: YearRow[]; computeMs: number }
  /** The compared scenario's yearly rows over the same years, once per 'compare' (and again when the scenario in force changes). */
  | { type: 'compare-series'; id: string; generation: number; rows: YearRow[]; computeMs: number }
  /** Handling time per message type since the worker started (answer to 'timings'). */
  | { type: 'timings'; timings: Record<string, MessageTiming> }
  /** Where Moon Base Alpha's structures stand and when each was built, sent once per scenario. */
  | { type: 'base-layout'; generation: number; layout: BaseLayoutData }

export type Post = (msg: WorkerToMain, transfer?: Transferable[]) => void

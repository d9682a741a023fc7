/**
 * The worker protocol: every message in both directions, as discriminated unions on `type`.
 * The main thread owns the clock and asks for the state at a target instant; the worker answers
 * with a small snapshot tagged with the request's sequence number, so stale answers are dropped.
 */
import type { ShellOrbit } from '../sim/constellation/orbits'
import type { Scenario } from '../sim/scenario/schema'

export interface InitOptions {
  /** URL `sats=N`: show N satellites at once regardless of the launch schedule (demos, benchmarks). */
  forcedSatellites?: number
}

export type MainToWorker =
  | { type: 'init'; scenario: Scenario; options?: InitOptions }
  | { type: 'scenario'; scenario: Scenario }
  | { type: 'step'; seq: number; tMs: number }
  | { type: 'pick'; seq: number; tMs: number; rayOriginKm: [number, number, number]; rayDir: [number, number, number]; maxAngleRad: number }

/** What the renderer needs of one orbital shell (rates in rad/s; see src/sim/constellation/orbits.ts). */
export type ShellRender = ShellOrbit

/** A launch near the requested time, for ascent arcs and the HUD notice. */
export interface LaunchEvent {
  index: number
  tMs: number
  siteIndex: number
  shellIndex: number
  satellites: number
  massT: number
}

export interface ConstellationMetrics {
  launches: number
  massToOrbitT: number
  satellites: number
  orbitalComputeW: number
  arrayAreaM2: number
  radiatorAreaM2: number
  dataCentreRatio: number
}

/** Everything the inspector shows about one satellite (src/sim/constellation/info.ts). */
import type { BaseState } from '../sim/base/growth'
import type { SatelliteInfo } from '../sim/constellation/info'
export type { SatelliteInfo }

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
  /** Launches from a few hours before to just after tMs (ascent arcs, notices). */
  recentLaunches: LaunchEvent[]
  /** Total satellites generated so far (the main thread draws those deployed by its frame time). */
  generated: number
  /** Moon Base Alpha at tMs (growth model, src/sim/base/growth.ts). */
  base: BaseState | null
}
export type { BaseState }

export type WorkerToMain =
  | { type: 'ready' }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'error'; message: string }
  /** A new constellation (scenario changed): drop every satellite held and size the buffer. */
  | { type: 'constellation-reset'; generation: number; capacity: number; epochMs: number; shells: ShellRender[]; siteLatLonDeg: [number, number][] }
  /** New satellites only, appended at `start`, sorted by deploy time (transferred, not copied). */
  | { type: 'satellites'; generation: number; start: number; elements: Float32Array }
  | { type: 'pick'; seq: number; satellite: SatelliteInfo | null }
  /** The constellation's growth over the whole horizon, monthly, sent once per scenario (charts). */
  | { type: 'series'; generation: number; tMs: Float64Array; satellites: Float64Array; orbitalComputeW: Float64Array }

export type Post = (msg: WorkerToMain, transfer?: Transferable[]) => void

/**
 * Everything the simulation worker holds between messages, in one explicit object that each
 * operation reads and writes (module scope holds only scratch vectors), so tests can inspect it.
 */
import type { ConstellationBuilder } from '../../sim/constellation/launches'
import type { Scenario } from '../../sim/scenario/schema'
import type { InitOptions, Post } from './protocol'

export interface WorkerState {
  readonly post: Post
  /** Monotonic clock, ms (performance.now in the worker; injectable in tests). */
  readonly now: () => number
  options: InitOptions
  /** The last scenario that passed validation; steps and picks answer from it. */
  scenario: Scenario | null
  /** Bumped for each accepted scenario; tags everything sent once per scenario. */
  generation: number
  /** The constellation of `scenario`: its launch schedule and builder. */
  builder: ConstellationBuilder | null
  /** URL `sats=N`: a fixed set shown whatever the date instead of the schedule. */
  forced: boolean
  /** Every satellite generated so far (ELEMENT_STRIDE floats each), `count` of `capacity` used. */
  elements: Float32Array
  count: number
  /** The horizon's end, UTC ms: satellites are generated up to here at most. */
  endMs: number
}

export function createState(post: Post, now: () => number): WorkerState {
  return { post, now, options: {}, scenario: null, generation: 0, builder: null, forced: false, elements: new Float32Array(0), count: 0, endMs: 0 }
}

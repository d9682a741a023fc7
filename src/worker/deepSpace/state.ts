/**
 * Everything the deep-space worker holds between messages, in one explicit object the operations
 * read and write (operations/*.ts). The simulation itself is src/sim/massDriver/swarm.ts.
 */
import type { MassDriverSwarm } from '../../sim/massDriver/swarm'
import type { Scenario } from '../../sim/scenario/schema'
import type { DeepInitOptions, DeepPost } from './protocol'
import { MS_PER_DAY } from '../../sim/constants'

/** Horizon of each representative integration, days (swarm.ts default). */
export const TRAJECTORY_DAYS = 60
/** Windows are integrated this far ahead of the asked time: the renderer runs ahead of snapshots. */
export const LOOKAHEAD_MS = MS_PER_DAY
/** Worker time per step before it answers with what it has (catching up after a jump). */
export const STEP_BUDGET_MS = 40

export interface DeepSpaceState {
  /** Sends to the main thread. */
  readonly post: DeepPost
  /** A clock in ms (the time budget). */
  readonly now: () => number
  /**
   * Runs a function after pending messages (setTimeout in the worker), so a long catch-up continues
   * between requests; without it (tests) each step does one budget's worth.
   */
  readonly defer?: (fn: () => void) => void
  options: DeepInitOptions
  /** The last scenario that validated, and the swarm built from it (null before init). */
  scenario: Scenario | null
  swarm: MassDriverSwarm | null
  /** Bumped on every reset; messages of older generations are dropped by the main thread. */
  generation: number
  /** Windows whose trajectory the main thread holds (posted and not yet outside `keep`). */
  readonly posted: Set<number>
  /** The latest asked instant, and whether a deferred catch-up chain is running. */
  target: number
  chained: boolean
}

export function createDeepSpaceState(post: DeepPost, now: () => number, defer?: (fn: () => void) => void): DeepSpaceState {
  return { post, now, defer, options: {}, scenario: null, swarm: null, generation: 0, posted: new Set(), target: -Infinity, chained: false }
}

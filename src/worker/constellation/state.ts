/**
 * Everything the simulation worker holds between messages, in one explicit object that each
 * operation reads and writes (module scope holds only scratch vectors), so tests can inspect it.
 */
import type { ConstellationBuilder } from '../../sim/constellation/launches'
import type { Scenario } from '../../sim/scenario/schema'
import type { YearRow } from '../../sim/story/yearly'
import type { InitOptions, MessageTiming, Post } from './protocol'

export interface WorkerState {
  readonly post: Post
  /** Monotonic clock, ms (performance.now in the worker; injectable in tests). */
  readonly now: () => number
  /** Runs fn after the messages already queued (setTimeout 0 in the worker; a manual queue in tests). */
  readonly defer: (fn: () => void) => void
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
  /** Launch-sequence index of elements[0]: the window starts at the first satellite in orbit (satellites.ts). */
  satBase: number
  /** The horizon's end, UTC ms: satellites are generated up to here at most. */
  endMs: number
  /** The scenario compared with `scenario` (what-if), by id; only its yearly rows are computed. */
  compare: { id: string; scenario: Scenario } | null
  /** The comparison's rows being computed, a few years per turn (operations/series.ts), or null. */
  compareJob: CompareJob | null
  /** Handling time of each message type (host.ts measures every message). */
  timings: Record<string, MessageTiming>
}

/** A comparison's rows in the making: years from..until, `next` the first not yet computed. */
export interface CompareJob {
  id: string
  generation: number
  scenario: Scenario
  next: number
  until: number
  rows: YearRow[]
  computeMs: number
}

export function createState(post: Post, now: () => number, defer: (fn: () => void) => void): WorkerState {
  return {
    post,
    now,
    defer,
    options: {},
    scenario: null,
    generation: 0,
    builder: null,
    forced: false,
    elements: new Float32Array(0),
    count: 0,
    satBase: 0,
    endMs: 0,
    compare: null,
    compareJob: null,
    timings: {},
  }
}

/**
 * Adds one handling time to its kind's tally (message types, and 'compare-chunk' for each turn of the
 * comparison's rows): how long a step can wait behind other work is read from these.
 */
export function recordTiming(state: WorkerState, kind: string, ms: number): void {
  const t = (state.timings[kind] ??= { count: 0, totalMs: 0, maxMs: 0 })
  t.count++
  t.totalMs += ms
  if (ms > t.maxMs) t.maxMs = ms
}

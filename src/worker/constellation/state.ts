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
  /** What the scenario in force still has to prepare after it was accepted, a slice per turn (operations/prepare.ts); null when done. */
  prep: Prep | null
  /** The launch sequence is generated up to this instant, UTC ms (as far as the preparation knows). */
  preparedMs: number
  /** The base's growth timeline is computed up to 1 January of this year. */
  preparedYear: number
  /** A step that needs more than a turn's work (launches or growth not yet prepared): answered by a later turn. */
  pendingStep: { seq: number; tMs: number } | null
  /** Satellites are still to be posted up to this instant (SATELLITE_BATCH a turn), or null when all are. */
  satTargetMs: number | null
  /** Whether a work turn is queued, and the turn itself (operations/prepare.ts workTurn, wired by the host). */
  workQueued: boolean
  runWork: () => void
  /** Work units of the turn in progress (prepare.ts UNITS: microseconds of this machine, modelled). */
  turnUnits: number
  /** The schedules whose launches count as work this turn, with their count when the turn began. */
  turnSchedules: { schedule: { count: number }; count: number }[]
  /** Work units per kind of turn (message types, 'work', 'compare-slice'): tests bound the largest. */
  work: Record<string, WorkTally>
}

/** What the preparation of a scenario has left: the base layout and the yearly rows (year nextRow on). */
export interface Prep {
  generation: number
  layoutPosted: boolean
  rows: YearRow[]
  nextRow: number
  lastRow: number
  /** Worker time spent preparing, ms (the series' computeMs). */
  computeMs: number
}

export interface WorkTally {
  count: number
  totalUnits: number
  maxUnits: number
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
    prep: null,
    preparedMs: -Infinity,
    preparedYear: -Infinity,
    pendingStep: null,
    satTargetMs: null,
    workQueued: false,
    runWork: () => {},
    turnUnits: 0,
    turnSchedules: [],
    work: {},
  }
}

/** Queues a work turn (state.runWork) unless one is queued. */
export function scheduleWork(state: WorkerState): void {
  if (state.workQueued) return
  state.workQueued = true
  state.defer(() => {
    state.workQueued = false
    state.runWork()
  })
}

/** Adds work units to the turn in progress. */
export function addWork(state: WorkerState, units: number): void {
  state.turnUnits += units
}

/** Work units of one launch generated (the rest of the model in prepare.ts UNITS). */
export const LAUNCH_UNITS = 0.4

/** A turn begins: its launches are counted on these schedules (the scenario's, the comparison's). */
export function beginTurn(state: WorkerState, schedules: readonly { count: number }[]): void {
  state.turnUnits = 0
  state.turnSchedules = schedules.map((schedule) => ({ schedule, count: schedule.count }))
}

/** A turn ends: its launches generated join its units, tallied under `kind`. */
export function endTurn(state: WorkerState, kind: string, schedules: readonly { count: number }[] = []): void {
  for (const t of state.turnSchedules) state.turnUnits += (t.schedule.count - t.count) * LAUNCH_UNITS
  // A schedule made during the turn (a new scenario's) counts whole.
  for (const s of schedules) if (!state.turnSchedules.some((t) => t.schedule === s)) state.turnUnits += s.count * LAUNCH_UNITS
  state.turnSchedules = []
  const w = (state.work[kind] ??= { count: 0, totalUnits: 0, maxUnits: 0 })
  w.count++
  w.totalUnits += state.turnUnits
  if (state.turnUnits > w.maxUnits) w.maxUnits = state.turnUnits
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

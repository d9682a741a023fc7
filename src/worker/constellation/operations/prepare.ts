/**
 * What a scenario needs once accepted, prepared a slice per turn so that no turn holds the worker
 * long, whatever the horizon: at `horizon.endYear` 2200 the seed's launch sequence is 1.3 million
 * launches and the base's growth 8,000 steps, about 0.7 s in one piece, which stalled every
 * snapshot behind a scenario edit. Now each turn does at most SLICE_UNITS of work (or SLICE_MS of
 * time), then the worker takes its queued messages (steps, picks, a newer scenario) before the
 * next turn.
 *
 * In each turn, first what the view waits for, then the rest:
 *  1. a step whose instant is not prepared yet (pendingStep): growth and launches up to it, then
 *     the step is answered (the main thread keeps one step in flight, so it simply waits longer);
 *  2. satellites still to post up to the last step's lookahead, SATELLITE_BATCH a turn (a forced
 *     count, URL `sats=N`, the same way, before any step is answered);
 *  3. the base's growth to the horizon's end, then its layout ('base-layout', a turn of its own);
 *  4. the launch sequence a month at a time, and each yearly row once its year is generated;
 *     the rows are posted whole ('series') when the last is done. Row by row equals one call
 *     (each row reads only its own year: test/unit/story-cli.test.ts holds the worker's rows to
 *     the CLI's, field by field).
 *
 * Work is counted in units, a model of this machine's microseconds (UNITS; launches counted in
 * state.ts), so tests bound every turn without a clock: the largest turn stays under MAX_TURN_UNITS.
 */
import { baseStateAt } from '../../../sim/base/growth'
import { lastRowYear, yearlyRows } from '../../../sim/story/yearly'
import { yearStartMs } from '../../../sim/time'
import { addWork, beginTurn, endTurn, LAUNCH_UNITS, type Prep, recordTiming, scheduleWork, type WorkerState } from '../state'
import { postBaseLayout } from './baseLayout'
import { STEP_ALLOWANCE_MS, stepReady } from './readiness'
import { LOOKAHEAD_MS, postSatellites } from './satellites'
import { answerStep } from './step'

/**
 * Work units, measured on the build machine (2 cores, loaded; 1 unit ≈ 1 µs): a launch generated
 * 0.4 (state.ts LAUNCH_UNITS; 1.32 M launches in 527 ms), a year of the base's growth (48 steps)
 * 500 (174 years in 82 ms), a yearly row once its year is prepared 50 (174 rows in 7.6 ms), a
 * satellite's elements posted 0.15 (satellites.ts SATELLITE_UNITS; 1 M in 126 ms), the base
 * layout per year of horizon 100 (2026–2200 in 16 ms).
 */
export const UNITS = { growthYear: 500, row: 50, layoutYear: 100 } as const

/** A turn's work: it stops at this many units or SLICE_MS, whichever comes first. */
export const SLICE_UNITS = 8000
export const SLICE_MS = 8
/** No turn after a scenario edit goes past this (≈ 20 ms): the test's bound. */
export const MAX_TURN_UNITS = 20_000

/** The launch sequence is generated this far per item (at most hourly flights: ≤ 720 launches, SOURCES §2). */
const CHUNK_MS = STEP_ALLOWANCE_MS

/** Starts preparing the scenario in force (state.scenario, just accepted): nothing is prepared yet. */
export function startPrep(state: WorkerState): void {
  const s = state.scenario
  if (!s) return
  const prep: Prep = {
    generation: state.generation,
    layoutPosted: false,
    rows: [],
    nextRow: s.horizon.startYear,
    lastRow: lastRowYear(s),
    computeMs: 0,
  }
  state.prep = prep
  // One allocation for the whole horizon's launches, not doublings that copy arrays mid-turn.
  state.builder?.schedule.reserve(state.endMs)
  state.preparedMs = yearStartMs(s.horizon.startYear)
  state.preparedYear = s.horizon.startYear
  scheduleWork(state)
}

const hasWork = (state: WorkerState) => state.pendingStep !== null || state.satTargetMs !== null || state.prep !== null

/** One turn: items until SLICE_UNITS or SLICE_MS is spent (or an item ends the turn); then the next turn if work is left. */
export function workTurn(state: WorkerState): void {
  const schedules = state.builder ? [state.builder.schedule] : []
  beginTurn(state, schedules)
  const t0 = state.now()
  try {
    while (state.turnUnits < SLICE_UNITS && state.now() - t0 < SLICE_MS && workItem(state)) {
      // Launches generated so far this turn count now, so the slice stops in time.
      for (const t of state.turnSchedules) {
        addWork(state, (t.schedule.count - t.count) * LAUNCH_UNITS)
        t.count = t.schedule.count
      }
    }
  } catch (e) {
    // A turn runs outside the host's handler: report and drop the preparation, never a worker crash.
    state.prep = null
    const p = state.pendingStep
    state.pendingStep = null
    state.satTargetMs = null
    const message = `Preparing the scenario failed: ${e instanceof Error ? e.message : String(e)}`
    state.post({ type: 'error', message, re: p ? { type: 'step', seq: p.seq } : undefined })
  }
  const ms = state.now() - t0
  if (state.prep) state.prep.computeMs += ms
  recordTiming(state, 'work', ms)
  endTurn(state, 'work')
  if (hasWork(state)) scheduleWork(state)
}

/** Extends the launch sequence to tMs (at most CHUNK_MS past what is prepared). */
function extendLaunches(state: WorkerState, tMs: number): void {
  const target = Math.min(tMs, state.preparedMs + CHUNK_MS)
  state.builder?.schedule.extendTo(target)
  state.preparedMs = target
}

/** The base's growth one year further. */
function growOneYear(state: WorkerState): void {
  const s = state.scenario
  if (!s) return
  state.preparedYear++
  baseStateAt(s, yearStartMs(state.preparedYear))
  addWork(state, UNITS.growthYear)
}

/** Does one item of work; false when there is none left or the turn should end here. */
function workItem(state: WorkerState): boolean {
  const s = state.scenario
  if (!s) return false
  const endYear = s.horizon.endYear
  const p = state.pendingStep
  if (p) {
    if (stepReady(state, p.tMs)) {
      // Still pending while it is answered: if that throws, the error names this step (workTurn).
      answerStep(state, p.seq, p.tMs)
      state.pendingStep = null
      return true
    }
    // A forced count's satellites first (readiness.ts), then toward the step's instant: growth
    // first (cheap), then launches.
    if (state.forced && state.satTargetMs !== null) postSatellites(state)
    else if (p.tMs > yearStartMs(state.preparedYear) && state.preparedYear < endYear) growOneYear(state)
    else extendLaunches(state, Math.min(p.tMs + LOOKAHEAD_MS, state.endMs))
    return true
  }
  if (state.satTargetMs !== null) {
    postSatellites(state)
    return true
  }
  const prep = state.prep
  if (!prep) return false
  if (state.preparedYear < endYear) {
    growOneYear(state)
    return true
  }
  if (!prep.layoutPosted) {
    // The layout is one piece of work: a turn of its own.
    if (state.turnUnits > 0) return false
    postBaseLayout(state)
    addWork(state, UNITS.layoutYear * (endYear - s.horizon.startYear))
    prep.layoutPosted = true
    return false
  }
  if (prep.nextRow <= prep.lastRow) {
    const needMs = yearStartMs(prep.nextRow + 1)
    if (state.preparedMs < needMs) {
      extendLaunches(state, needMs)
      return true
    }
    for (const r of yearlyRows(s, prep.nextRow, prep.nextRow)) prep.rows.push(r)
    addWork(state, UNITS.row)
    prep.nextRow++
    return true
  }
  state.prep = null
  state.preparedMs = state.endMs
  state.post({ type: 'series', generation: prep.generation, rows: prep.rows, computeMs: prep.computeMs })
  return false
}

/**
 * The yearly rows of the scenario compared with the one in force (what-if), over the same years so
 * the charts overlay them year for year. (The scenario in force's own rows are prepared in slices
 * with its launch sequence: prepare.ts.)
 *
 * The comparison must not slow the first scenario's snapshots, so its rows are computed a few years
 * per turn (COMPARE_SLICE_MS or SLICE_UNITS of work, then the worker takes its queued messages,
 * steps included) and posted whole at the end. Row by row equals one call: each row reads only its
 * own year.
 */
import { scheduleFor } from '../../../sim/constellation/metrics'
import { lastRowYear, yearlyRows } from '../../../sim/story/yearly'
import { addWork, beginTurn, type CompareJob, endTurn, LAUNCH_UNITS, recordTiming, type WorkerState } from '../state'
import { SLICE_UNITS, UNITS } from './prepare'

/** Worker time one turn of the comparison may take before steps get their turn, ms. */
export const COMPARE_SLICE_MS = 8

/** Starts (again) the compared scenario's rows over the horizon in force, if one is set; an older job is dropped. */
export function startCompareSeries(state: WorkerState): void {
  const s = state.scenario
  const c = state.compare
  state.compareJob = null
  if (!s || !c) return
  const job: CompareJob = {
    id: c.id,
    generation: state.generation,
    scenario: c.scenario,
    next: s.horizon.startYear,
    until: lastRowYear(s),
    rows: [],
    computeMs: 0,
  }
  state.compareJob = job
  state.defer(() => compareSlice(state, job))
}

/** One turn: years until the slice is spent (at least one); then the next turn, or the rows posted. */
export function compareSlice(state: WorkerState, job: CompareJob): void {
  if (state.compareJob !== job) return // replaced or stopped since
  const t0 = state.now()
  const sched = scheduleFor(job.scenario)
  beginTurn(state, [sched])
  try {
    do {
      const launches = sched.count
      for (const r of yearlyRows(job.scenario, job.next, job.next)) job.rows.push(r)
      // A row of its own: its year's launches, its year of the base's growth and the row.
      addWork(state, (sched.count - launches) * LAUNCH_UNITS + UNITS.growthYear + UNITS.row)
      job.next++
    } while (job.next <= job.until && state.now() - t0 < COMPARE_SLICE_MS && state.turnUnits < SLICE_UNITS)
  } catch (e) {
    // A turn runs outside the host's handler: a failing what-if is reported and dropped, never a
    // worker crash (which the bridge would restart with the same comparison, again and again).
    state.compareJob = null
    state.post({ type: 'error', message: `The compared scenario failed: ${e instanceof Error ? e.message : String(e)}` })
    return
  }
  const ms = state.now() - t0
  job.computeMs += ms
  recordTiming(state, 'compare-slice', ms)
  state.turnSchedules = [] // its launches are counted above
  endTurn(state, 'compare-slice')
  if (job.next <= job.until) {
    state.defer(() => compareSlice(state, job))
    return
  }
  state.compareJob = null
  state.post({ type: 'compare-series', id: job.id, generation: job.generation, rows: job.rows, computeMs: job.computeMs })
}

/**
 * The story's yearly rows as the main thread holds them (src/sim/story/yearly.ts, computed in the
 * simulation worker and posted once per scenario), the scenario compared with the one in force
 * (what-if, side by side: a preset or the scenario pinned as it was), and whether the charts are
 * open. Rows change only when a scenario changes: panels may subscribe; per-frame readers
 * (the gauge needle, the charts' time line) read them with getState().
 */
import { create } from 'zustand'
import { presetScenario } from '../sim/scenario/presets'
import type { Scenario } from '../sim/scenario/schema'
import type { YearRow } from '../sim/story/yearly'
import { yearStartMs } from '../sim/time'

/** What the comparison is: a preset by id, or 'pinned' (the scenario in force when it was pinned). */
export interface Comparison {
  id: string
  name: string
  scenario: Scenario
}

interface StoryState {
  /** The scenario in force's rows, one per year of the horizon (empty until the worker sent them). */
  rows: YearRow[]
  /** UTC ms of each row's instant, for time ↔ row lookups without a Date per frame. */
  rowStartMs: Float64Array
  /** The worker's generation the rows belong to. */
  generation: number
  /** Worker time to compute the rows, ms (shown in the charts' footer, read by the bench). */
  computeMs: number
  comparison: Comparison | null
  /** The compared scenario's rows over the same years, once the worker sent them. */
  compareRows: YearRow[]
  compareComputeMs: number
  showCharts: boolean
  toggleCharts(): void
  /** Compare with a preset by id, 'pinned' (a copy of `current`), or nothing (null). */
  setComparison(id: string | null, current?: Scenario): void
}

/** Each row's instant (its tMs: 1 January after its year, where its figures stand). */
export const rowStarts = (rows: readonly YearRow[]): Float64Array => Float64Array.from(rows, (r) => r.tMs)

export const useStory = create<StoryState>()((set, get) => ({
  rows: [],
  rowStartMs: new Float64Array(0),
  generation: -1,
  computeMs: 0,
  comparison: null,
  compareRows: [],
  compareComputeMs: 0,
  showCharts: false,
  toggleCharts: () => set({ showCharts: !get().showCharts }),
  setComparison: (id, current) => {
    if (id === null) return set({ comparison: null, compareRows: [] })
    if (id === 'pinned') {
      if (!current) return
      return set({ comparison: { id, name: `${current.name} (pinned)`, scenario: structuredClone(current) }, compareRows: [] })
    }
    const s = presetScenario(id)
    if (s) set({ comparison: { id, name: s.name, scenario: s }, compareRows: [] })
  },
}))

/**
 * The row index and fraction for an instant: i and f such that the instant lies f of the way from
 * row i's year start to row i + 1's (f = 0 at or before the first, i = last at or after the last).
 * Writes into `out`; no allocation (called per frame).
 */
export function rowAt(starts: Float64Array, tMs: number, out: { i: number; f: number }): { i: number; f: number } {
  const n = starts.length
  out.i = 0
  out.f = 0
  if (n === 0 || tMs <= starts[0]) return out
  if (tMs >= starts[n - 1]) {
    out.i = n - 1
    return out
  }
  let lo = 0,
    hi = n - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (starts[mid] <= tMs) lo = mid
    else hi = mid
  }
  out.i = lo
  out.f = (tMs - starts[lo]) / (starts[lo + 1] - starts[lo])
  return out
}

/** The row of the calendar year an instant lies in: the first row whose instant (its year's end) is after it; the last row past the horizon. */
export function rowOfYear(starts: Float64Array, tMs: number): number {
  let lo = 0,
    hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid] <= tMs) lo = mid + 1
    else hi = mid
  }
  return Math.min(lo, starts.length - 1)
}

/** The fractional calendar year of an instant (2030.5 is about 2 July 2030): the charts' x axis. No allocation. */
export function fractionalYear(tMs: number): number {
  let y = 1970 + Math.floor(tMs / 31_556_952_000)
  while (yearStartMs(y) > tMs) y--
  while (yearStartMs(y + 1) <= tMs) y++
  const a = yearStartMs(y)
  return y + (tMs - a) / (yearStartMs(y + 1) - a)
}

/** A chart's x for a row: the calendar instant its figures stand at (1 January after its year). */
export const rowX = (r: YearRow): number => r.year + 1

/**
 * The story's yearly rows as the main thread holds them (src/sim/story/yearly.ts, computed in the
 * simulation worker and posted once per scenario), the scenario compared with the one in force
 * (what-if, side by side: a preset or the scenario pinned as it was), and whether the charts are
 * open. Rows change only when a scenario changes: panels may subscribe; per-frame readers
 * (the gauge needle, the charts' time line) read them with getState().
 */
import { create } from 'zustand'
import { MOON_SUNLIGHT_W } from '../sim/base/growth'
import type { BaseSnapshot } from '../sim/base/snapshot'
import type { ConstellationMetrics } from '../sim/constellation/metrics'
import { HUMANITY_POWER_W, kardashevIndex } from '../sim/kardashev'
import { presetScenario } from '../sim/scenario/presets'
import type { Scenario } from '../sim/scenario/schema'
import { swarmOf } from '../sim/story/lunar'
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
  /** The story's figures at a sim instant over these rows (storyAt: one reused object, per-frame readers). */
  at(simMs: number): StoryAt
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
  at: (simMs) => storyAt(simMs, get().rows, get().rowStartMs),
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

/** The power the scenario adds at a row's instant, W: orbital compute, the Moon's arrays and the swarm (what K counts beyond humanity's 19.6 TW). */
export const spacePowerW = (r: Pick<YearRow, 'orbitalComputeW' | 'lunarSolarPowerW' | 'swarmPowerW'>): number =>
  r.orbitalComputeW + r.lunarSolarPowerW + r.swarmPowerW

/** The story's headline figures at one instant (the gauge): what storyAt returns. */
export interface StoryAt {
  /** Power the scenario adds, W (spacePowerW). */
  powerW: number
  /** Sagan's K of humanity's power plus powerW. */
  kardashev: number
  /** Sunlight the swarm intercepts ÷ the Sun's output. */
  fractionOfSun: number
}

/** The same figures computed from the last snapshot (its instant: tMs), or tMs NaN before the first. */
const live: StoryAt & { tMs: number } = { tMs: NaN, powerW: NaN, kardashev: NaN, fractionOfSun: NaN }

/**
 * Takes the story's figures from a snapshot of the simulation worker (src/state/sim.ts calls it for
 * each one): the same formulas as the rows (src/sim/story/yearly.ts, lunar.ts) at the snapshot's
 * instant, for the first year, which no row covers (the first row stands at its end).
 */
export function setLiveStory(
  tMs: number,
  constellation: Pick<ConstellationMetrics, 'orbitalComputeW'> | null,
  base: Pick<BaseSnapshot, 'state'> | null,
  scenario: Pick<Scenario, 'massDriver'>,
): void {
  const lunarW = Math.min(base?.state.solarAverageW ?? 0, MOON_SUNLIGHT_W)
  const sw = swarmOf(scenario, (base?.state.satellitesLaunchedT ?? 0) * 1000)
  live.tMs = tMs
  live.powerW = (constellation?.orbitalComputeW ?? 0) + lunarW + sw.powerW
  live.kardashev = kardashevIndex(HUMANITY_POWER_W + live.powerW)
  live.fractionOfSun = sw.fractionOfSun
}

const _at: StoryAt = { powerW: NaN, kardashev: NaN, fractionOfSun: NaN }
const _row = { i: 0, f: 0 }
/** log-linear between two positive values (linear otherwise). */
const logLerp = (a: number, b: number, f: number) => (f === 0 ? a : a > 0 && b > 0 ? a * (b / a) ** f : a + (b - a) * f)

/**
 * The story's figures at a sim instant, for per-frame readers (the Kardashev gauge): between two
 * rows' instants (year ends) interpolated, log-linear for power and the Sun's share, linear for K
 * (already a log); during the first year, before the first row's instant, the last snapshot's live
 * figures (setLiveStory), not the year's end; NaN with no rows. Returns one reused object: read it
 * at once, keep nothing (no allocation per frame).
 */
export function storyAt(simMs: number, rows: readonly YearRow[] = useStory.getState().rows, starts: Float64Array = useStory.getState().rowStartMs): StoryAt {
  const n = Math.min(rows.length, starts.length)
  if (n === 0) {
    _at.powerW = _at.kardashev = _at.fractionOfSun = NaN
    return _at
  }
  if (simMs < starts[0] && Number.isFinite(live.tMs) && live.tMs < starts[0]) {
    _at.powerW = live.powerW
    _at.kardashev = live.kardashev
    _at.fractionOfSun = live.fractionOfSun
    return _at
  }
  rowAt(starts, simMs, _row)
  const a = rows[_row.i]
  const b = _row.i + 1 < n ? rows[_row.i + 1] : a
  const f = b === a ? 0 : _row.f
  _at.powerW = logLerp(spacePowerW(a), spacePowerW(b), f)
  _at.kardashev = a.kardashev + (b.kardashev - a.kardashev) * f
  _at.fractionOfSun = logLerp(a.fractionOfSun, b.fractionOfSun, f)
  return _at
}

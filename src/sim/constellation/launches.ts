/**
 * The constellation's satellites as append-only element arrays (layout in orbits.ts:
 * [shellIndex, raan0, u0, deployDays] per satellite, float32), built from the launch sequence
 * (schedule.ts). One launch fills one orbital plane of one shell, its satellites spread evenly
 * in argument of latitude around the plane from a seeded phase.
 */
import type { Scenario } from '../scenario/schema'
import { yearStartMs } from '../time'
import { scheduleFor } from './metrics'
import { wrapTwoPi } from '../vec'
import { ELEMENT_STRIDE, TWO_PI, daysSinceEpoch } from './orbits'
import type { ConstellationParams } from './params'
import { LaunchSchedule, type LaunchEvent } from './schedule'

export interface AdvanceResult {
  /** The new satellites only, ELEMENT_STRIDE floats each, sorted by deployDays. */
  elements: Float32Array
  /** How many new satellites. */
  count: number
  /** Index of the first new satellite in the whole constellation. */
  firstIndex: number
  /** Launches that lifted off since the last call (their satellites may deploy later); made when read. */
  readonly launches: LaunchEvent[]
  /** Same elements in float64 (un-rounded angles), when the builder was made with { exact: true }. */
  exact?: Float64Array
  /** Generation of each new satellite (0 the first; see schedule.ts), one byte each. */
  generations: Uint8Array
}

/** The constellation group of a scenario. */
export const constellationParams = (s: Scenario): ConstellationParams => s.constellation

/**
 * Writes satellites [from, to) of the launch sequence into `out` (any numeric array) starting at
 * satellite slot `slot`; `deployDaysOverride` replaces every deployDays (forced counts).
 */
function fillElements(
  sched: LaunchSchedule,
  from: number,
  to: number,
  out: Float32Array | Float64Array,
  slot: number,
  deployDaysOverride?: number,
  generations?: Uint8Array,
): void {
  let k = Math.max(0, sched.launchOfSatellite(from))
  let o = slot * ELEMENT_STRIDE
  let i = from
  while (i < to) {
    const n = sched.satellitesOf[k]
    const first = sched.firstSatelliteOf(k)
    const end = Math.min(first + n, to)
    if (i < end) {
      const u0 = sched.uPhase0(k)
      const days = deployDaysOverride ?? daysSinceEpoch(sched.deployMsOf[k])
      const step = TWO_PI / n
      const shell = sched.shellOf[k]
      const raan = sched.raanOf[k]
      if (generations) generations.fill(sched.generationOf[k], i - from + slot, end - from + slot)
      for (; i < end; i++) {
        out[o] = shell
        out[o + 1] = raan
        out[o + 2] = wrapTwoPi(u0 + step * (i - first))
        out[o + 3] = days
        o += ELEMENT_STRIDE
      }
    }
    k++
  }
}

/**
 * Builds the constellation incrementally: advanceTo(t) returns only what is new since the last
 * call, so the worker can post it once (transferable). Moving back in time returns nothing new;
 * the viewer shows the first countDeployedAt(elements, n, t) satellites.
 */
export class ConstellationBuilder {
  readonly schedule: LaunchSchedule
  private readonly exact: boolean
  private launchCursor = 0
  private satCursor = 0
  private deployLaunchCursor = 0
  private lastMs = -Infinity

  constructor(scenario: Scenario, opts: { exact?: boolean } = {}) {
    // The scenario's one launch sequence, shared with the metrics (it is deterministic and append-only).
    this.schedule = scheduleFor(scenario)
    this.exact = opts.exact === true
  }

  /** Satellites handed out so far. */
  get count(): number {
    return this.satCursor
  }

  /**
   * Hands out satellites again from `index` of the sequence (a window that starts at the first
   * satellite still in orbit): the next advanceTo returns those deployed from there on.
   */
  rewindTo(index: number): void {
    const sched = this.schedule
    this.satCursor = Math.max(0, index)
    this.deployLaunchCursor = sched.count > 0 && index > 0 ? sched.launchOfSatellite(index) : 0
  }

  /** `maxCount` bounds the satellites returned (the caller's room); later calls go on from there. */
  advanceTo(tMs: number, maxCount = Number.POSITIVE_INFINITY): AdvanceResult {
    const sched = this.schedule
    if (tMs > this.lastMs) {
      sched.extendTo(tMs)
      this.lastMs = tMs
    }
    const launchEnd = sched.lastAtOrBefore(tMs, 'tMs') + 1
    const launchFrom = this.launchCursor
    this.launchCursor = Math.max(this.launchCursor, launchEnd)
    const deployEnd = sched.lastAtOrBefore(tMs, 'deployMs') + 1
    const from = this.satCursor
    const to = Math.min(deployEnd > this.deployLaunchCursor ? sched.cumSatellites[deployEnd - 1] : from, from + Math.max(0, maxCount))
    this.deployLaunchCursor = Math.max(this.deployLaunchCursor, deployEnd)
    const count = to - from
    const elements = new Float32Array(count * ELEMENT_STRIDE)
    const generations = new Uint8Array(count)
    let exact: Float64Array | undefined
    if (this.exact) {
      exact = new Float64Array(count * ELEMENT_STRIDE)
      fillElements(sched, from, to, exact, 0, undefined, generations)
      elements.set(exact)
    } else if (count > 0) {
      fillElements(sched, from, to, elements, 0, undefined, generations)
    }
    this.satCursor = to
    return {
      elements,
      count,
      firstIndex: from,
      // Made only when read (the worker does not: a first step at 2199 would make a million objects).
      get launches() {
        return launchEnd > launchFrom ? sched.launchRange(launchFrom, launchEnd) : []
      },
      exact,
      generations,
    }
  }
}

/** deployDays of a forced count's satellites: the horizon's start, so all of them show at once. */
const forcedDays = (scenario: Scenario): number => Math.fround(daysSinceEpoch(yearStartMs(scenario.horizon.startYear)))

/**
 * Satellites [from, to) of a forced count (URL `sats=N`) from `sched`, which is extended as far as
 * they need: a slice of buildForcedCount, so the worker can post a large count over several turns.
 * Fewer if the schedule ends sooner (cap).
 */
export function forcedRange(
  scenario: Scenario,
  sched: LaunchSchedule,
  from: number,
  to: number,
): { elements: Float32Array; count: number; generations: Uint8Array } {
  sched.extendToSatellites(to)
  const end = Math.min(Math.max(from, Math.floor(to)), sched.satellitesGenerated)
  const count = Math.max(0, end - from)
  const elements = new Float32Array(count * ELEMENT_STRIDE)
  const generations = new Uint8Array(count)
  if (count > 0) fillElements(sched, from, end, elements, 0, forcedDays(scenario), generations)
  return { elements, count, generations }
}

/**
 * The first n satellites of the schedule (URL `sats=N`, benchmarks, demos) with deployDays set
 * to the horizon start, so all of them show at once. Fewer if the schedule ends sooner (cap).
 */
export function buildForcedCount(
  scenario: Scenario,
  n: number,
  opts: { exact?: boolean } = {},
): { elements: Float32Array; count: number; exact?: Float64Array; generations: Uint8Array } {
  const sched = new LaunchSchedule(constellationParams(scenario))
  if (!opts.exact) return forcedRange(scenario, sched, 0, Math.max(0, Math.floor(n)))
  sched.extendToSatellites(n)
  const count = Math.min(Math.max(0, Math.floor(n)), sched.satellitesGenerated)
  const elements = new Float32Array(count * ELEMENT_STRIDE)
  const generations = new Uint8Array(count)
  const exact = new Float64Array(count * ELEMENT_STRIDE)
  fillElements(sched, 0, count, exact, 0, forcedDays(scenario), generations)
  elements.set(exact)
  return { elements, count, exact, generations }
}

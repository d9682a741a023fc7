/**
 * What the simulation worker sends about Moon Base Alpha (its one source; the main thread runs
 * no growth model):
 *   baseLayout      once per scenario: where each structure stands and when it was built, per
 *                   kind, as typed arrays. Bounded: each kind is laid out up to the slots the
 *                   plan has for it (layoutCapacity, which is also what the scene can draw), while
 *                   `total` keeps the model's own count, so the work and memory stay bounded at
 *                   every horizon the schema accepts, whatever the counts grow to.
 *   baseSnapshotAt  each step: the base state, and the cargo ships' visits around the instant
 *                   (a few dozen at most: a visit lasts ≤ ~7 days, and a pad holds one ship).
 * Everything here is structured-cloneable plain data.
 */
import { MS_PER_DAY } from '../constants'
import { upperBound } from '../search'
import { baseStateAt, buildTimes, STRUCTURE_KINDS, type BaseScenario, type BaseState, type StructureCounts, type StructureKind } from './growth'
import { landingTimesBetween, VISIT_SPAN_MS, visitsAmong, type Landing, type Visit } from './landings'
import { layoutCapacity, planFor } from './layout'

/** One kind's laid-out structures, in build order (index k = the k-th built = layout id `${kind}-${k}`). */
export interface KindLayoutData {
  /** The growth model's count at the horizon (may exceed what is laid out; NaN or Infinity where an extreme scenario overflows). */
  total: number
  /** Slots the plan has for this kind (the most that are ever laid out and drawn). */
  capacity: number
  /** Laid out: min(total, capacity); every array below has this length. */
  count: number
  /** Local ENU position of each structure's reference point, m (x east, y north; origin BASE_SITE). */
  xM: Float64Array
  yM: Float64Array
  /** Facing (for the mass driver, launch direction): azimuth from north through east, rad. */
  headingRad: Float64Array
  /** Size relative to the kind's standard model. */
  scale: Float64Array
  /** Length along the heading, m (the mass driver's track); 0 otherwise. */
  lengthM: Float64Array
  /** Build time, UTC ms, ascending. */
  builtAtMs: Float64Array
}

/**
 * The base's layout over the whole horizon. Ground heights are not here: structures stand on the
 * drawn terrain, whose triangles depend on the render quality (scene/base/ground.ts).
 */
export interface BaseLayoutData {
  horizonEndMs: number
  kinds: Record<StructureKind, KindLayoutData>
}

/** The structures of a kind standing at tMs (their build times are ascending). */
export function standingCount(k: KindLayoutData, tMs: number): number {
  return upperBound(k.builtAtMs, tMs, k.count)
}

/**
 * The first cargo landing (the base's first build): the earlier of the first landing pad and the
 * first habitat, as the base caption takes it; Infinity where the scenario never lands.
 */
export function firstLandingMs(layout: BaseLayoutData): number {
  const k = layout.kinds
  return Math.min(k.landingPad.count ? k.landingPad.builtAtMs[0] : Infinity, k.habitat.count ? k.habitat.builtAtMs[0] : Infinity)
}

/** The first habitat's build time (the end of "under construction"), Infinity if none. */
export function firstHabitatMs(layout: BaseLayoutData): number {
  const h = layout.kinds.habitat
  return h.count ? h.builtAtMs[0] : Infinity
}

/** Structures laid out, all kinds together (at most the sum of the capacities). */
export function laidOutCount(layout: BaseLayoutData): number {
  let n = 0
  for (const kind of STRUCTURE_KINDS) n += layout.kinds[kind].count
  return n
}

/** The layout of the base over the scenario's horizon (ends at horizonEndMs), bounded per kind; takes a whole Scenario. */
export function baseLayout(scenario: BaseScenario, horizonEndMs: number): BaseLayoutData {
  const plan = planFor(scenario)
  const capacity: StructureCounts = layoutCapacity(scenario)
  const totals = baseStateAt(scenario, horizonEndMs).structures
  const times = buildTimes(scenario, horizonEndMs, capacity)
  const kinds = {} as Record<StructureKind, KindLayoutData>
  for (const kind of STRUCTURE_KINDS) {
    const n = times[kind].length
    const k: KindLayoutData = {
      total: totals[kind],
      capacity: capacity[kind],
      count: n,
      xM: new Float64Array(n),
      yM: new Float64Array(n),
      headingRad: new Float64Array(n),
      scale: new Float64Array(n).fill(1),
      lengthM: new Float64Array(n),
      builtAtMs: times[kind],
    }
    if (kind === 'massDriver') {
      if (n > 0) {
        k.xM[0] = plan.breech.x
        k.yM[0] = plan.breech.y
        k.headingRad[0] = plan.breech.heading
        k.lengthM[0] = plan.lengthM
      }
    } else {
      const slots = plan.slots[kind]
      for (let i = 0; i < n; i++) {
        k.xM[i] = slots[i].x
        k.yM[i] = slots[i].y
        k.headingRad[i] = slots[i].heading
      }
    }
    kinds[kind] = k
  }
  return { horizonEndMs, kinds }
}

/** The base at one instant, as the worker sends it with each step (well under a few KB). */
export interface BaseSnapshot {
  state: BaseState
  /**
   * The cargo ships' visits (descent, stay on the pad, lift-off) that overlap
   * [visitsFromMs, visitsToMs) = state.tMs ∓ VISIT_WINDOW_MS, in touchdown order: the scene draws
   * the ships from them, and the landing notices take the touchdowns between two snapshots.
   */
  visits: Visit[]
  visitsFromMs: number
  visitsToMs: number
}

/** Half-width of the window of visits a snapshot carries (covers the frames between snapshots up to ~10⁶× warp). */
export const VISIT_WINDOW_MS = MS_PER_DAY
/** The landings are listed this much further than needed, so the next steps reuse them. */
const LIST_MARGIN_MS = 3 * MS_PER_DAY

/** Per scenario, the landings listed around the last snapshot (listing costs ~60 count evaluations each). */
const listed = new WeakMap<object, { fromMs: number; toMs: number; landings: Landing[] }>()

function landingsCovering(scenario: BaseScenario, fromMs: number, toMs: number): Landing[] {
  let c = listed.get(scenario)
  if (!c || fromMs < c.fromMs || toMs > c.toMs) {
    const a = fromMs - LIST_MARGIN_MS,
      b = toMs + LIST_MARGIN_MS
    c = { fromMs: a, toMs: b, landings: landingTimesBetween(scenario, a, b) }
    listed.set(scenario, c)
  }
  return c.landings
}

/** The base at tMs: the growth model's state and the ship visits around it. */
export function baseSnapshotAt(scenario: BaseScenario, tMs: number): BaseSnapshot {
  const a = tMs - VISIT_WINDOW_MS,
    b = tMs + VISIT_WINDOW_MS
  const visits = visitsAmong(landingsCovering(scenario, a - VISIT_SPAN_MS, b + VISIT_SPAN_MS), a, b)
  return { state: baseStateAt(scenario, tMs), visits, visitsFromMs: a, visitsToMs: b }
}

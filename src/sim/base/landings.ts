/**
 * Starship (HLS) cargo landings at Moon Base Alpha, one by one, from the growth model's own
 * schedule (growth.ts): the count of landings by fractional year Y is
 *   L(Y) = ⌊I(Y) + 1e-9⌋,  I(Y) = ∫ rate dY from firstLandingYear (a step schedule),
 * so the n-th landing (n ≥ 1) happens at the instant I reaches n − 1e-9. I is piecewise linear,
 * so that instant is found exactly, segment by segment; it is then snapped to the first double
 * (UTC ms) at which growth's own count reads n, so that the landings listed in [a, b) are
 * always baseStateAt(b).cargoLandings − baseStateAt(a).cargoLandings.
 *
 * Pads: landing n goes to pad (n − 1) mod P, round-robin over the P pads standing at its instant
 * as the scene draws them (growth's buildTimes, whose resolution is one growth step), at least
 * one, at most the layout's pad slots. The first landing can come up to one growth step (about
 * a week) before its pad is drawn.
 *
 * The visit of a ship to its pad (model choice, for the scene): a vertical powered descent at
 * constant deceleration, the last 2 km in 90 s (a = 2·2000/90² ≈ 0.49 m/s², thrust ≈ 2.1 m/s²
 * against lunar gravity 1.62 m/s²; Apollo's final approach began ~2 km up, ~3 min out), shown
 * from 5 min before touchdown (22 km up, 148 m/s); a dwell on the pad while its 100 t are
 * unloaded (7 days, half a pad's ~2-week turnaround, UNIT.padLandingsPerYear), cut short so the
 * pad is clear before its next ship comes; then a lift-off that mirrors the descent.
 */
import { MS_PER_DAY, SECONDS_PER_DAY } from '../constants'
import { scheduleAt } from '../scenario/types'
import { upperBound, upperBoundBy } from '../search'
import { fractionalYear, msFromFractionalYear } from '../time'
import { buildTimes, integrateSchedule, type BaseScenario } from './growth'
import { layoutCapacity } from './layout'
import type { BaseParams } from './params'

/** The count tolerance growth.ts uses in landingsBy. */
const COUNT_EPS = 1e-9

export interface Landing {
  /** 0-based: this is cargo landing number index + 1 since the first. */
  index: number
  /** Touchdown, UTC ms. */
  tMs: number
  /** Pad index (0-based, the layout's landingPad order). */
  pad: number
}

/** Growth's count of landings by an instant (landingsBy in growth.ts, from a UTC ms instant). */
export function landingsByMs(p: BaseParams, tMs: number): number {
  const y = fractionalYear(tMs)
  if (y <= p.firstLandingYear) return 0
  return Math.floor(integrateSchedule(p.cargoLandings, 'step', p.firstLandingYear, y) + COUNT_EPS)
}

/** The fractional year at which I(Y) reaches `target` (exact inversion), or NaN if never. */
function yearOfIntegral(p: BaseParams, target: number): number {
  const pts = p.cargoLandings
  let y0 = p.firstLandingYear,
    sum = 0
  const knots = pts.map((q) => q[0]).filter((k) => k > y0)
  for (let i = 0; i <= knots.length; i++) {
    const rate = scheduleAt(pts, y0, 'step')
    const y1 = i < knots.length ? knots[i] : Infinity
    if (rate > 0) {
      const yHit = y0 + (target - sum) / rate
      if (yHit <= y1) return yHit
    }
    if (y1 === Infinity) return NaN
    sum += rate * (y1 - y0)
    y0 = y1
  }
  return NaN
}

/** Instant (UTC ms) of the n-th landing (n ≥ 1), or NaN if the schedule never reaches it. */
export function landingTimeMs(p: BaseParams, n: number): number {
  const y = yearOfIntegral(p, n - COUNT_EPS)
  if (!Number.isFinite(y)) return NaN
  const t = msFromFractionalYear(y)
  // Snap to the first instant at which growth's count reads n (rounding in the year ↔ ms maps).
  let lo = t - 1,
    hi = t + 1
  for (let w = 1; landingsByMs(p, lo) >= n; w *= 2) lo -= w
  for (let w = 1; landingsByMs(p, hi) < n; w *= 2) hi += w
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi)
    if (mid <= lo || mid >= hi) break
    if (landingsByMs(p, mid) >= n) hi = mid
    else lo = mid
  }
  return hi
}

/** Pad build times (as the layout places them) valid for instants before untilMs; cached per scenario. */
const padTimes = new WeakMap<object, { untilMs: number; times: Float64Array }>()
function padBuildTimes(scenario: BaseScenario, untilMs: number): Float64Array {
  let c = padTimes.get(scenario)
  // Build times up to a later instant list the same ones before untilMs (step boundaries).
  if (!c || c.untilMs < untilMs) {
    const until = untilMs + 365 * MS_PER_DAY
    c = { untilMs: until, times: buildTimes(scenario, until, layoutCapacity(scenario)).landingPad }
    padTimes.set(scenario, c)
  }
  return c.times
}

/**
 * The cargo landings with touchdown in [aMs, bMs), in order, each with the pad it uses.
 * Cost: ~60 count evaluations a landing (the pads' build times are cached per scenario).
 */
export function landingTimesBetween(scenario: BaseScenario, aMs: number, bMs: number): Landing[] {
  const p = scenario.base
  const out: Landing[] = []
  if (!(bMs > aMs)) return out
  const first = landingsByMs(p, aMs)
  const last = landingsByMs(p, bMs)
  if (last === 0) return out
  let built: Float64Array | null = null
  const slots = layoutCapacity(scenario).landingPad
  // Landing `first` may fall exactly at aMs; later ones up to `last` are inside unless at bMs.
  for (let n = Math.max(1, first); n <= last; n++) {
    const t = landingTimeMs(p, n)
    if (!(t >= aMs) || !(t < bMs)) continue
    built ??= padBuildTimes(scenario, bMs)
    const pads = Math.max(1, Math.min(slots, upperBound(built, t)))
    out.push({ index: n - 1, tMs: t, pad: (n - 1) % pads })
  }
  return out
}

// ---- A ship's visit to its pad (model choice; see the header) ----

export const LUNAR_G_M_S2 = 1.62
/** Final approach: the last APPROACH_M metres take APPROACH_S seconds at constant deceleration. */
export const APPROACH_M = 2000
export const APPROACH_S = 90
/** Deceleration during the powered descent, m/s² (h = ½ a τ², τ seconds before touchdown). */
export const DESCENT_DECEL_M_S2 = (2 * APPROACH_M) / (APPROACH_S * APPROACH_S)
/** The descent is shown from this long before touchdown (and the lift-off as long after it). */
export const DESCENT_S = 300
/** Time on the pad while the cargo is unloaded, before the ship lifts off again. */
export const DWELL_S = 7 * SECONDS_PER_DAY
/** The pad is clear at least this long before its next ship's descent begins. */
const PAD_CLEAR_S = 3600

export interface Visit extends Landing {
  /** Descent shown from, UTC ms (touchdown − DESCENT_S). */
  startMs: number
  /** Lift-off, UTC ms (touchdown + dwell, cut short before the pad's next ship). */
  liftoffMs: number
  /** Gone from view, UTC ms (lift-off + DESCENT_S). */
  endMs: number
}

/**
 * How far before aMs and after bMs the landings must be listed for visitsAmong, ms: a visit lasts
 * at most 2 DESCENT_S + DWELL_S, and the next ship on its pad, which can cut it short, comes at
 * most DWELL_S + 2 DESCENT_S + PAD_CLEAR_S after its touchdown (DESCENT_S before its own).
 */
export const VISIT_SPAN_MS = (3 * DESCENT_S + DWELL_S + PAD_CLEAR_S) * 1000

/**
 * The ship visits that overlap [aMs, bMs), in touchdown order, from a list of landings in
 * touchdown order that holds every landing from aMs − VISIT_SPAN_MS to bMs + VISIT_SPAN_MS (a
 * visit lasts at most DESCENT_S + DWELL_S + DESCENT_S, and is cut short by its pad's next ship).
 */
export function visitsAmong(ls: readonly Landing[], aMs: number, bMs: number): Visit[] {
  const out: Visit[] = []
  const hi = upperBoundBy(ls, bMs + VISIT_SPAN_MS, (l) => l.tMs)
  for (let i = upperBoundBy(ls, aMs - VISIT_SPAN_MS, (l) => l.tMs); i < hi; i++) {
    const l = ls[i]
    let liftoff = l.tMs + DWELL_S * 1000
    let j = i + 1
    while (j < ls.length && ls[j].pad !== l.pad) j++
    if (j < ls.length) liftoff = Math.max(l.tMs, Math.min(liftoff, ls[j].tMs - (2 * DESCENT_S + PAD_CLEAR_S) * 1000))
    const v: Visit = { index: l.index, tMs: l.tMs, pad: l.pad, startMs: l.tMs - DESCENT_S * 1000, liftoffMs: liftoff, endMs: liftoff + DESCENT_S * 1000 }
    if (v.endMs > aMs && v.startMs < bMs) out.push(v)
  }
  return out
}

/** Every ship visit that overlaps [aMs, bMs), in touchdown order. */
export function visitsBetween(scenario: BaseScenario, aMs: number, bMs: number): Visit[] {
  return visitsAmong(landingTimesBetween(scenario, aMs - VISIT_SPAN_MS, bMs + VISIT_SPAN_MS), aMs, bMs)
}

export interface ShipState {
  /** Height of the ship's base above its pad, m. */
  altitudeM: number
  /** Vertical speed, m/s (negative descending). */
  speedMs: number
  /** Engine throttle shown, 0–1 (1 while burning, fading over a second at cut-off). */
  thrust: number
}

/**
 * Where a visiting ship is at tMs: descending (h = ½ a τ², v = −a τ), on the pad, or lifting off
 * along the mirror of the descent. Null outside the visit.
 */
export function shipStateAt(v: Visit, tMs: number, out: ShipState = { altitudeM: 0, speedMs: 0, thrust: 0 }): ShipState | null {
  if (!(tMs >= v.startMs && tMs < v.endMs)) return null
  const a = DESCENT_DECEL_M_S2
  if (tMs < v.tMs) {
    const tau = (v.tMs - tMs) / 1000
    out.altitudeM = 0.5 * a * tau * tau
    out.speedMs = -a * tau
    out.thrust = 1
  } else if (tMs < v.liftoffMs) {
    out.altitudeM = 0
    out.speedMs = 0
    out.thrust = Math.max(0, 1 - (tMs - v.tMs) / 1000)
  } else {
    const tau = (tMs - v.liftoffMs) / 1000
    out.altitudeM = 0.5 * a * tau * tau
    out.speedMs = a * tau
    out.thrust = 1
  }
  return out
}

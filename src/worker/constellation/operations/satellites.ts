/**
 * The constellation's satellites, generated ahead of the requested time from the launch schedule
 * (src/sim/constellation/launches.ts) and posted once each, transferred.
 *
 * Satellites retire (design life, upgrades) and are replaced, so over decades the sequence holds
 * many times the cap. The worker holds, and the main thread draws, a window of it: from the first
 * satellite still in orbit (`state.satBase`) on, at most the cap plus a margin. When the requested
 * time has moved REBASE_FRACTION of the cap past the window's start (or back before it), the window
 * starts again there: a fresh 'constellation-reset' (same generation) and the satellites re-posted.
 * Between two rebases, up to that many retired satellites are still drawn.
 */
import { ConstellationBuilder, forcedRange } from '../../../sim/constellation/launches'
import { CONSTELLATION_EPOCH_MS, ELEMENT_STRIDE } from '../../../sim/constellation/orbits'
import { constellationSchema } from '../../../sim/constellation/params'
import { flightsAtYear } from '../../../sim/constellation/schedule'
import { MS_PER_DAY } from '../../../sim/constants'
import { yearStartMs } from '../../../sim/time'
import { addWork, scheduleWork, type WorkerState } from '../state'

/** Satellites are generated this far ahead of the requested time, so the renderer (which may run
 * ahead of the last snapshot at high warp) always holds every satellite it should draw. */
export const LOOKAHEAD_MS = 30 * MS_PER_DAY

/** The window starts again once this share of the cap has retired past its start (Terawatt choice: 5 %). */
export const REBASE_FRACTION = 0.05

/** Satellites posted per turn at most (≈ 6 ms of work); the rest follow in the next turns (prepare.ts). */
export const SATELLITE_BATCH = 40_000
/** Work units of one satellite's elements posted (prepare.ts UNITS: 1 M in 126 ms). */
export const SATELLITE_UNITS = 0.15

/** The satellites retired by tMs (the window's start is the first satellite still in orbit). */
function retiredBy(state: WorkerState, tMs: number): number {
  const sched = state.builder?.schedule
  if (!sched) return 0
  const kr = sched.lastAtOrBefore(tMs, 'retireMs')
  return kr >= 0 ? sched.cumSatellites[kr] : 0
}

/** Posts 'constellation-reset' for the window in force (an empty buffer of `capacity`). */
function postReset(state: WorkerState, capacity: number): void {
  const s = state.scenario
  const builder = state.builder
  if (!s || !builder) return
  state.elements = new Float32Array(capacity * ELEMENT_STRIDE)
  state.count = 0
  state.post({
    type: 'constellation-reset',
    generation: state.generation,
    capacity,
    epochMs: CONSTELLATION_EPOCH_MS,
    shells: builder.schedule.rates,
    siteLatLonDeg: s.constellation.sites.map((site): [number, number] => [site.latDeg, site.lonDeg]),
    firstIndex: state.satBase,
  })
}

/** A new constellation for the scenario in force: sizes the buffer for the window the horizon needs. */
export function resetConstellation(state: WorkerState): void {
  const s = state.scenario
  if (!s) return
  const c = s.constellation
  const builder = new ConstellationBuilder(s)
  state.builder = builder
  state.endMs = yearStartMs(s.horizon.endYear)
  state.satBase = 0
  const forcedSatellites = state.options.forcedSatellites
  state.forced = forcedSatellites !== undefined && forcedSatellites > 0
  let capacity: number
  if (state.forced) {
    capacity = Math.floor(forcedSatellites ?? 0)
  } else {
    // The cap, the satellites that may retire between two rebases and a lookahead's launches; never
    // more than every flight slot to the horizon's end could carry: memory follows the horizon. (The
    // sequence itself is generated in slices later, prepare.ts: sizing must not wait for it.)
    const sched = builder.schedule
    const lookaheadSlots = (8766 / 365.25) * (LOOKAHEAD_MS / MS_PER_DAY) // hourly flights at most (SOURCES §2)
    const perFlight = Math.ceil(300 / Math.min(...sched.generations.map((g) => g.massT))) // 300 t: the payload schema's maximum
    const window = Math.ceil(c.maxSatellites * (1 + REBASE_FRACTION) + lookaheadSlots * perFlight)
    const linear = constellationSchema.launchCadence.interpolation === 'linear'
    const slots = Math.ceil(flightsAtYear(c.launchCadence, linear, s.horizon.endYear)) + 2
    capacity = Math.min(window, slots * perFlight)
  }
  postReset(state, capacity)
  // A forced count is posted SATELLITE_BATCH a turn from here (postSatellites; the target's value
  // is unused): a million in one turn held the worker ~0.3 s. Steps wait for the last (readiness.ts).
  state.satTargetMs = state.forced ? state.endMs : null
}

/**
 * Satellites deployed up to tMs + lookahead (within the horizon) and not yet posted: the first
 * SATELLITE_BATCH now, the rest in the next turns (postSatellites).
 */
export function advanceSatellites(state: WorkerState, tMs: number): void {
  const builder = state.builder
  if (!builder || state.forced) return
  const retired = retiredBy(state, tMs)
  const capacity = state.elements.length / ELEMENT_STRIDE
  const cap = state.scenario?.constellation.maxSatellites ?? 0
  if (retired < state.satBase || retired - state.satBase > REBASE_FRACTION * cap) {
    // Start the window again at the first satellite in orbit at tMs.
    state.satBase = retired
    builder.rewindTo(retired)
    postReset(state, capacity)
  }
  state.satTargetMs = Math.min(state.endMs, tMs + LOOKAHEAD_MS)
  postSatellites(state)
}

/** Posts up to SATELLITE_BATCH satellites toward state.satTargetMs; queues a turn for the rest (clears the target when done). */
export function postSatellites(state: WorkerState): void {
  if (state.forced) {
    postForced(state)
    return
  }
  const builder = state.builder
  const target = state.satTargetMs
  if (!builder || target === null) {
    state.satTargetMs = null
    return
  }
  // No more than the buffer holds, nor a batch.
  const room = state.elements.length / ELEMENT_STRIDE - state.count
  const max = Math.min(room, SATELLITE_BATCH)
  // Go on from the next satellite not posted (a batch may stop inside a launch, at the same target).
  builder.rewindTo(builder.count)
  const r = builder.advanceTo(target, max)
  if (r.count) appendSatellites(state, r.elements, r.generations)
  addWork(state, r.count * SATELLITE_UNITS)
  if (r.count < max || max <= 0) state.satTargetMs = null
  else scheduleWork(state)
}

/**
 * The next SATELLITE_BATCH of a forced count (URL `sats=N`), from the builder's schedule, which is
 * extended as far as they need so picks can describe them; clears the target when all are posted.
 */
function postForced(state: WorkerState): void {
  const { builder, scenario } = state
  const capacity = state.elements.length / ELEMENT_STRIDE
  if (!builder || !scenario || state.satTargetMs === null || state.count >= capacity) {
    state.satTargetMs = null
    return
  }
  const f = forcedRange(scenario, builder.schedule, state.count, Math.min(capacity, state.count + SATELLITE_BATCH))
  appendSatellites(state, f.elements, f.generations)
  addWork(state, f.count * SATELLITE_UNITS)
  // Done when the buffer is full or the schedule ends sooner (the constellation's cap).
  if (f.count === 0 || state.count >= capacity) state.satTargetMs = null
  else scheduleWork(state)
}

function appendSatellites(state: WorkerState, batch: Float32Array, generations: Uint8Array): void {
  const room = state.elements.length / ELEMENT_STRIDE - state.count
  const take = Math.min(batch.length / ELEMENT_STRIDE, room)
  if (take <= 0) return
  const part = batch.slice(0, take * ELEMENT_STRIDE)
  state.elements.set(part, state.count * ELEMENT_STRIDE)
  const start = state.count
  state.count += take
  const gens = generations.slice(0, take)
  state.post({ type: 'satellites', generation: state.generation, start, elements: part, generations: gens }, [part.buffer, gens.buffer])
}

/**
 * The constellation's satellites, generated ahead of the requested time from the launch schedule
 * (src/sim/constellation/launches.ts) and posted once each, transferred.
 */
import { buildForcedCount, ConstellationBuilder } from '../../../sim/constellation/launches'
import { CONSTELLATION_EPOCH_MS, ELEMENT_STRIDE } from '../../../sim/constellation/orbits'
import { MS_PER_DAY } from '../../../sim/constants'
import { yearStartMs } from '../../../sim/time'
import type { WorkerState } from '../state'

/** Satellites are generated this far ahead of the requested time, so the renderer (which may run
 * ahead of the last snapshot at high warp) always holds every satellite it should draw. */
export const LOOKAHEAD_MS = 30 * MS_PER_DAY

/** A new constellation for the scenario in force: sizes the buffer for every satellite the horizon holds. */
export function resetConstellation(state: WorkerState): void {
  const s = state.scenario
  if (!s) return
  const c = s.constellation
  const builder = new ConstellationBuilder(s)
  state.builder = builder
  state.endMs = yearStartMs(s.horizon.endYear)
  const forcedSatellites = state.options.forcedSatellites
  state.forced = forcedSatellites !== undefined && forcedSatellites > 0
  let capacity: number
  if (state.forced) {
    capacity = Math.floor(forcedSatellites ?? 0)
    // The builder's schedule must reach the same satellites so picks can describe them.
    builder.schedule.extendToSatellites(capacity)
  } else {
    // No more than the schedule launches by the horizon's end (≤ the cap): memory follows the horizon.
    builder.schedule.extendTo(state.endMs)
    capacity = Math.min(c.maxSatellites, builder.schedule.satellitesGenerated)
  }
  state.elements = new Float32Array(capacity * ELEMENT_STRIDE)
  state.count = 0
  state.post({
    type: 'constellation-reset',
    generation: state.generation,
    capacity,
    epochMs: CONSTELLATION_EPOCH_MS,
    shells: builder.schedule.rates,
    siteLatLonDeg: c.sites.map((site): [number, number] => [site.latDeg, site.lonDeg]),
  })
  if (state.forced) {
    const f = buildForcedCount(s, capacity)
    appendSatellites(state, f.elements.subarray(0, f.count * ELEMENT_STRIDE), f.generations)
  }
}

/** Satellites deployed up to tMs + lookahead (within the horizon) and not yet posted, posted now. */
export function advanceSatellites(state: WorkerState, tMs: number): void {
  if (!state.builder || state.forced) return
  // No more than the buffer holds (capacity: the cap); later satellites (replacements) are not drawn.
  const room = state.elements.length / ELEMENT_STRIDE - state.count
  const r = state.builder.advanceTo(Math.min(state.endMs, tMs + LOOKAHEAD_MS), room)
  if (r.count) appendSatellites(state, r.elements, r.generations)
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

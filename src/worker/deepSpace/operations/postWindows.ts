/**
 * Posts the trajectories of the windows in flight that the main thread does not hold yet, each
 * once, newest first (what is near the muzzle now matters most when the budget runs out): the
 * representative's samples, its axis and the drawn shots' turns (src/sim/massDriver/inFlight.ts).
 */
import { trajectoryWindow } from '../../../sim/massDriver/inFlight'
import type { MassDriverSwarm } from '../../../sim/massDriver/swarm'
import { MS_PER_DAY } from '../../../sim/constants'
import { STEP_BUDGET_MS, TRAJECTORY_DAYS, type DeepSpaceState } from '../state'

/** Payloads drawn in flight at once by default, across all windows. */
const DEFAULT_MAX_PAYLOADS_IN_FLIGHT = 10000

/** Posts window k of the log (its representative kept by the swarm, or integrated again). */
function postWindow(st: DeepSpaceState, sw: MassDriverSwarm, k: number): void {
  const log = sw.log
  const index = log.index[k],
    shots = log.shots[k],
    startMs = log.startMs(k)
  const rep = sw.representative(index)
  const inFlightWindows = Math.ceil((TRAJECTORY_DAYS * MS_PER_DAY) / sw.windowMs)
  const nShown = Math.min(shots, Math.max(1, Math.floor((st.options.maxPayloadsInFlight ?? DEFAULT_MAX_PAYLOADS_IN_FLIGHT) / inFlightWindows)))
  const window = trajectoryWindow(rep, st.generation, index, startMs, sw.windowMs, shots, nShown)
  st.post({ type: 'trajectory', window }, [window.samples.buffer, window.shown.buffer])
  st.posted.add(index)
}

/** Posts the windows of sw with index in keep = [lo, hi] not posted yet, within twice the step budget from t0. */
export function postWindows(st: DeepSpaceState, sw: MassDriverSwarm, keep: readonly [number, number], t0: number): void {
  const log = sw.log
  for (let k = log.length - 1; k >= 0 && log.index[k] >= keep[0]; k--) {
    if (log.index[k] > keep[1] || st.posted.has(log.index[k])) continue
    if (st.now() - t0 > STEP_BUDGET_MS * 2) break
    postWindow(st, sw, k)
  }
}

/**
 * step: the state at an instant. Integrate windows up to t + LOOKAHEAD_MS (within the budget),
 * forget windows the main thread drops, post the trajectories in flight it lacks and the new swarm
 * points (transferred), then the snapshot. Scrubbing back: the figures come from the window log by
 * binary search; windows in flight at the earlier instant are integrated again (deterministic) and
 * posted once more.
 */
import { deepSpaceSnapshot } from '../../../sim/massDriver/snapshot'
import { MS_PER_DAY } from '../../../sim/constants'
import { LOOKAHEAD_MS, TRAJECTORY_DAYS, type DeepSpaceState } from '../state'
import { advance, scheduleCatchUp } from './advance'
import { postWindows } from './postWindows'

export function step(st: DeepSpaceState, seq: number, tMs: number): void {
  const sw = st.swarm,
    scenario = st.scenario
  if (!sw || !scenario) {
    st.post({ type: 'error', message: 'step before init: the deep-space worker has no scenario yet' })
    return
  }
  if (!Number.isFinite(tMs)) {
    st.post({ type: 'error', message: `step ${seq}: the instant must be a finite number of ms; got ${String(tMs)}` })
    return
  }
  const t0 = st.now()
  st.target = tMs
  const done = advance(st, tMs + LOOKAHEAD_MS, t0)
  if (!done) scheduleCatchUp(st)
  // Windows in flight at tMs (launched in the last TRAJECTORY_DAYS, or about to be).
  const W = sw.windowMs
  const keep: [number, number] = [Math.floor((tMs - TRAJECTORY_DAYS * MS_PER_DAY) / W) - 1, Math.floor((tMs + LOOKAHEAD_MS) / W)]
  for (const i of st.posted) if (i < keep[0] || i > keep[1]) st.posted.delete(i)
  if (done) postWindows(st, sw, keep, t0)
  const batch = sw.points.take()
  if (batch) st.post({ type: 'swarm', generation: st.generation, start: batch.start, elements: batch.elements }, [batch.elements.buffer])
  const snapshot = deepSpaceSnapshot(sw, scenario, seq, tMs, !done, keep)
  snapshot.computeMs = st.now() - t0
  st.post({ type: 'snapshot', snapshot })
}

/**
 * Integrates launch windows in order up to an instant, within a time budget, so a jump of years
 * catches up over several steps (and, in the worker, between them) instead of freezing the worker.
 */
import { LOOKAHEAD_MS, STEP_BUDGET_MS, type DeepSpaceState } from '../state'

/** Integrates windows ending by endMs until the budget from t0 runs out; true when done. */
export function advance(st: DeepSpaceState, endMs: number, t0: number): boolean {
  const sw = st.swarm
  if (!sw) return true
  while (sw.syncedToMs + sw.windowMs <= endMs) {
    if (st.now() - t0 > STEP_BUDGET_MS) return false
    sw.advanceWindow()
  }
  return true
}

/** Keeps catching up toward the latest asked instant between requests (worker only: needs defer). */
export function scheduleCatchUp(st: DeepSpaceState): void {
  const defer = st.defer
  if (!defer || st.chained) return
  st.chained = true
  const run = () => {
    st.chained = false
    if (!advance(st, st.target + LOOKAHEAD_MS, st.now())) {
      st.chained = true
      defer(run)
    }
  }
  defer(run)
}

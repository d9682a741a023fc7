/** Moon Base Alpha's layout over the horizon (src/sim/base/snapshot.ts), posted once per scenario. */
import { baseLayout } from '../../../sim/base/snapshot'
import { yearStartMs } from '../../../sim/time'
import type { WorkerState } from '../state'

export function postBaseLayout(state: WorkerState): void {
  if (!state.scenario) return
  const layout = baseLayout(state.scenario, yearStartMs(state.scenario.horizon.endYear))
  state.post({ type: 'base-layout', generation: state.generation, layout })
}

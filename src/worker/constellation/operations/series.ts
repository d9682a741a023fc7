/** The constellation's monthly growth over the horizon, posted once per scenario (charts). */
import { metricsSeries } from '../../../sim/constellation/metrics'
import type { WorkerState } from '../state'

export function postSeries(state: WorkerState): void {
  if (!state.scenario) return
  const s = metricsSeries(state.scenario)
  state.post({ type: 'series', generation: state.generation, ...s }, [s.tMs.buffer, s.satellites.buffer, s.orbitalComputeW.buffer])
}

/** 'pick': the deployed satellite nearest a ray (src/sim/constellation/pick.ts), described for the inspector. */
import { satelliteInfo } from '../../../sim/constellation/info'
import { nearestSatelliteOnRay } from '../../../sim/constellation/pick'
import type { MainToWorker } from '../protocol'
import type { WorkerState } from '../state'

export function pick(state: WorkerState, msg: Extract<MainToWorker, { type: 'pick' }>): void {
  const { builder, scenario } = state
  let satellite = null
  if (builder && scenario) {
    const i = nearestSatelliteOnRay(state.elements, state.count, builder.schedule.rates, msg.tMs, msg.rayOriginKm, msg.rayDir, msg.maxAngleRad)
    if (i >= 0) satellite = satelliteInfo(builder.schedule, scenario.constellation, state.elements, i, msg.tMs, state.satBase)
  }
  state.post({ type: 'pick', seq: msg.seq, satellite })
}

/**
 * Following a satellite by its launch-order index (a tour chapter's `"target": "satellite"`, a link's `follow=`):
 * the close-up model needs the satellite's description (shell, power, launch), which the worker
 * gives for a pick. Once the satellite is deployed at the current time, it is picked with a ray
 * from the Earth's centre straight through it, so the answer is exactly that satellite.
 */
import { positionEqjExact } from '../sim/constellation/orbits'
import type { Vec3 } from '../sim/vec'
import { simTime } from '../state/clock'
import { deployedCount, satellites } from '../state/constellation'
import { useInspect } from '../state/inspect'
import { pickSatellite } from '../state/sim'
import { useUi } from '../state/ui'

let pending: number | null = null
let asking = false
const _p: Vec3 = { x: 0, y: 0, z: 0 }

/** Follows satellite i close up (focus 'satellite'); its description arrives when it is deployed. */
export function followSatellite(i: number): void {
  pending = i
  useUi.getState().focusOnSatellite(i)
}

/** Called once per frame (the overlay loop): asks the worker for the pending satellite's description. */
export function followFrame(): void {
  if (pending === null || asking) return
  const i = pending
  if (useUi.getState().focus !== 'satellite' || useUi.getState().focusSatellite !== i) {
    pending = null
    return
  }
  if (useInspect.getState().satellite?.sequenceIndex === i) {
    pending = null
    return
  }
  // The buffer is a window of the launch sequence from satellites.firstIndex (the first still in orbit).
  const b = i - satellites.firstIndex
  if (b < 0 || deployedCount(simTime.tMs) <= b || satellites.count <= b) return
  const tMs = simTime.tMs
  positionEqjExact(satellites.elements, b, satellites.shells, tMs, _p)
  const r = Math.hypot(_p.x, _p.y, _p.z)
  asking = true
  void pickSatellite(tMs, [0, 0, 0], [_p.x / r, _p.y / r, _p.z / r], 1e-4).then((info) => {
    asking = false
    if (info && info.sequenceIndex === i && pending === i) {
      useInspect.setState({ satellite: info })
      pending = null
    }
  })
}

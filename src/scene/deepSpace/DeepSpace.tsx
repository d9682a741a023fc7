/** Deep space in the scene: pumps the deep-space worker once per frame and mounts what it feeds. */
import { useSceneFrame } from '../frame/useSceneFrame'
import { pumpDeepSpace } from '../../state/deepSpace'
import { DeepSpaceLabels } from './DeepSpaceLabels'
import { Payloads } from './Payloads'
import { PlanetOrbits } from './PlanetOrbits'
import { Sled } from './Sled'
import { Swarm } from './Swarm'
import { Trajectories } from './Trajectories'

export function DeepSpace() {
  // After FrameDriver (−100): the clock has advanced for this frame.
  useSceneFrame(() => pumpDeepSpace(performance.now()), -90)
  return (
    <>
      <PlanetOrbits />
      <Swarm />
      <Trajectories />
      <Payloads />
      <Sled />
      <DeepSpaceLabels />
    </>
  )
}

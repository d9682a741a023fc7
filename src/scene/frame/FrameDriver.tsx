/**
 * First thing every frame: advance the clock, evaluate the ephemerides for the render time,
 * place the origin, and ask the worker for the state at this time (throttled, back-pressured).
 */
import { useSceneFrame } from './useSceneFrame'
import { advanceClock, simTime } from '../../state/clock'
import { pumpWorker } from '../../state/sim'
import { updateEphemerides } from './frame'
import { updateOrigin } from './focus'
import { advanceStage, stageTime } from '../../state/stageTime'

/**
 * One frame's start, for a real-time interval dtS (s). Called from the canvas's frame loop, and by
 * SceneRoot's stand-in loop while the 3D view has failed (so time and the panels go on).
 */
export function driveFrame(dtS: number): void {
  advanceClock(dtS)
  advanceStage(dtS)
  updateEphemerides(simTime.tMs)
  updateOrigin(stageTime.ms)
  pumpWorker(performance.now())
}

export function FrameDriver() {
  useSceneFrame((_, delta) => driveFrame(delta), -100)
  return null
}

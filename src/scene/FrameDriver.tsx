/**
 * First thing every frame: advance the clock, evaluate the ephemerides for the render time,
 * place the origin, and ask the worker for the state at this time (throttled, back-pressured).
 */
import { useFrame } from '@react-three/fiber'
import { advanceClock, simTime } from '../state/clock'
import { pumpWorker } from '../state/sim'
import { updateEphemerides } from './frame'
import { updateOrigin } from './focus'

export function FrameDriver() {
  useFrame((_, delta) => {
    advanceClock(delta)
    updateEphemerides(simTime.tMs)
    updateOrigin(performance.now())
    pumpWorker(performance.now())
  }, -100)
  return null
}

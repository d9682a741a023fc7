/**
 * First thing every frame: advance the clock, evaluate the ephemerides for the render time,
 * place the origin, and ask the worker for the state at this time (throttled, back-pressured).
 *
 * Lock-step (recording, src/record/): while `lockStep.active` the real-time clock stops. The
 * recorder sets sim time and stage time itself for frame k (t₀ + k/fps × warp, stage₀ + k/fps),
 * awaits the workers' state for that instant, then calls renderLockStepFrame(), which runs this
 * same frame path through R3F's advance() with the frame loop switched to 'never', so the frame
 * on the canvas is exactly frame k and can be captured right after it is drawn.
 */
import { advance, type RootState, useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { useSceneFrame } from './useSceneFrame'
import { advanceClock, simTime } from '../../state/clock'
import { pumpWorker } from '../../state/sim'
import { updateEphemerides } from './frame'
import { updateOrigin } from './focus'
import { advanceStage, stageTime } from '../../state/stageTime'

/** True while a recorder owns the clock (sim and stage time set per frame, not by real time). */
export const lockStep = { active: false }

/**
 * One frame's start, for a real-time interval dtS (s). Called from the canvas's frame loop, and by
 * SceneRoot's stand-in loop while the 3D view has failed (so time and the panels go on). In
 * lock-step the clocks are left as the recorder set them.
 */
export function driveFrame(dtS: number): void {
  if (!lockStep.active) {
    advanceClock(dtS)
    advanceStage(dtS)
  }
  updateEphemerides(simTime.tMs)
  updateOrigin(stageTime.ms)
  pumpWorker(performance.now())
}

type GetRoot = () => RootState
let getRoot: GetRoot | null = null

/** The live canvas's R3F state (renderer, scene, camera, controls), or null while there is none. */
export function sceneRoot(): RootState | null {
  return getRoot ? getRoot() : null
}

let lockClockS = 0

/** Enters lock-step: R3F's own loop stops; frames are drawn only by renderLockStepFrame(). */
export function enterLockStep(): boolean {
  const root = sceneRoot()
  if (!root) return false
  lockStep.active = true
  root.setFrameloop('never')
  lockClockS = 0
  return true
}

/** Leaves lock-step: the real-time loop resumes from where the clocks stand. */
export function leaveLockStep(): void {
  lockStep.active = false
  sceneRoot()?.setFrameloop('always')
}

/**
 * Draws one frame now (frame callbacks, render, overlay after-effects) with dtS as R3F's delta,
 * synchronously: the canvas holds this frame until the task ends, so capture it right after.
 */
export function renderLockStepFrame(dtS: number): boolean {
  const root = sceneRoot()
  if (!root) return false
  lockClockS += dtS
  advance(lockClockS, true, root)
  return true
}

export function FrameDriver() {
  const get = useThree((s) => s.get)
  useEffect(() => {
    getRoot = get
    return () => {
      if (getRoot === get) getRoot = null
    }
  }, [get])
  useSceneFrame((_, delta) => driveFrame(delta), -100)
  return null
}

/**
 * Stage time: the presentation clock that camera flights, tour moves and fades run on, in ms.
 * In real time it follows the frame loop's real elapsed time; during a lock-step export the
 * recorder advances it by exactly 1/fps per frame, so every camera move is a function of the
 * frame number and a take can be repeated (recording issue). Never read performance.now() for
 * anything that moves on screen: read stageTime.ms.
 */
export const stageTime = { ms: 0 }

/**
 * Whether a recording holds the view (src/record/lockStep.ts sets it). While it does, nothing but
 * the recorder may change the clock, the camera or the tour: keys and the presenter window wait.
 */
export const stageHold = { byRecording: false }

/** Advances stage time by one frame's interval (s). Called once per frame by driveFrame. */
export function advanceStage(dtS: number): void {
  stageTime.ms += Math.max(0, dtS) * 1000
}

/**
 * The running take's own stage clock: set by the recorder before every frame to exactly k/fps s
 * (not stage time minus the take's start, which rounds differently from one start to the next).
 */
export const take = { active: false, elapsedMs: 0 }

/**
 * Stage seconds for an effect that must repeat take after take: live, absolute stage time (the look
 * is unchanged); during a take, exactly the seconds since the take's first frame.
 */
export function takeStageS(stageMs: number, t: { active: boolean; elapsedMs: number } = take): number {
  return t.active ? t.elapsedMs / 1000 : stageMs / 1000
}

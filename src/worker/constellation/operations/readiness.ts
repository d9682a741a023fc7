/** Whether a step can be answered within one turn, or waits for the preparation (prepare.ts) to reach its instant. */
import { MS_PER_DAY } from '../../../sim/constants'
import { yearStartMs } from '../../../sim/time'
import type { WorkerState } from '../state'
import { LOOKAHEAD_MS } from './satellites'

/** A step may generate this much beyond what is prepared itself (at most hourly flights: ≤ 720 launches, SOURCES §2) instead of waiting. */
export const STEP_ALLOWANCE_MS = 30 * MS_PER_DAY

/** Whether a step at tMs can be answered within one turn: its launches and growth are prepared (or it lies past the horizon). */
export function stepReady(state: WorkerState, tMs: number): boolean {
  // A forced count (URL `sats=N`) is reported whole: a step waits until its last satellite is posted.
  if (state.forced && state.satTargetMs !== null) return false
  // Nothing more will be prepared (done, or dropped after a failure): the step does its own work.
  if (!state.prep) return true
  if (tMs > state.endMs) return true // past the horizon: nothing the preparation will reach (the clock never asks)
  const needMs = Math.min(tMs + LOOKAHEAD_MS, state.endMs)
  return needMs <= state.preparedMs + STEP_ALLOWANCE_MS && tMs <= yearStartMs(state.preparedYear) + STEP_ALLOWANCE_MS
}

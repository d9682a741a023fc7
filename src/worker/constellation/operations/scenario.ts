/**
 * 'init' and 'scenario': accept a scenario only if it passes validateScenario (the message may
 * come from anywhere: a stale tab, a test, a hand-made file), then rebuild everything that
 * depends on it (the heavy part in slices, prepare.ts). A rejected one leaves the last good scenario in force and says why.
 */
import { validateScenario } from '../../../sim/scenario/validate'
import type { MainToWorker } from '../protocol'
import type { WorkerState } from '../state'
import { startPrep } from './prepare'
import { resetConstellation } from './satellites'
import { startCompareSeries } from './series'

/** Applies `input` if valid; returns whether it was. */
export function applyScenario(state: WorkerState, input: unknown): boolean {
  const r = validateScenario(input)
  if (!r.ok) {
    const kept = state.scenario ? `keeping "${state.scenario.name}"` : 'no scenario is in force yet'
    state.post({ type: 'error', message: `Scenario rejected (${kept}): ${r.errors.map((e) => e.message).join(' ')}` })
    return false
  }
  state.scenario = r.scenario
  state.generation++
  resetConstellation(state)
  // The base layout, the launch sequence and the yearly rows: a slice per turn from here (prepare.ts).
  startPrep(state)
  // The comparison is drawn over the horizon in force: a new horizon needs its rows again.
  startCompareSeries(state)
  return true
}

export function init(state: WorkerState, msg: Extract<MainToWorker, { type: 'init' }>): void {
  state.options = msg.options ?? {}
  applyScenario(state, msg.scenario)
  // Ready even when the scenario was rejected: the worker is up and takes the next one.
  state.post({ type: 'ready' })
}

export function scenario(state: WorkerState, msg: Extract<MainToWorker, { type: 'scenario' }>): void {
  applyScenario(state, msg.scenario)
}

/**
 * 'compare': a second scenario, validated like the first, whose yearly rows only are computed (no
 * satellites, no snapshots), a few years per turn between steps (series.ts), now and again for each
 * later scenario in force. null stops comparing.
 */
export function compare(state: WorkerState, msg: Extract<MainToWorker, { type: 'compare' }>): void {
  if (msg.scenario === null) {
    state.compare = null
    state.compareJob = null
    return
  }
  const r = validateScenario(msg.scenario)
  if (!r.ok) {
    state.post({ type: 'error', message: `Comparison scenario rejected: ${r.errors.map((e) => e.message).join(' ')}` })
    return
  }
  state.compare = { id: msg.id, scenario: r.scenario }
  startCompareSeries(state)
}

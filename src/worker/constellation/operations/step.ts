/**
 * 'step': the state at the requested instant, as a small snapshot echoing the request's seq.
 * New satellites up to the lookahead are posted first, so the renderer holds them by then.
 */
import { baseSnapshotAt } from '../../../sim/base/snapshot'
import { constellationMetricsAt, metricsForForcedCount } from '../../../sim/constellation/metrics'
import { MS_PER_DAY } from '../../../sim/constants'
import { moonGeocentricKm, subsolarPoint, sunGeocentricKm } from '../../../sim/ephemeris'
import { norm, vec3 } from '../../../sim/vec'
import type { MainToWorker, Snapshot } from '../protocol'
import { scheduleWork, type WorkerState } from '../state'
import { stepReady } from './readiness'
import { advanceSatellites } from './satellites'

/** Launches reported around the requested time: the last day (pad glow, arcs, notices). */
const LAUNCH_WINDOW_MS = MS_PER_DAY
const MAX_LAUNCHES_REPORTED = 32

const moon = vec3()
const sun = vec3()
const subsolar = { latDeg: 0, lonDeg: 0 }

/**
 * A step is answered now, or, when its instant needs launches or growth not prepared yet (a
 * scenario just accepted, a far jump), by a later turn once the preparation reaches it (prepare.ts):
 * never more than a turn's work here. A newer step replaces one still waiting.
 */
export function step(state: WorkerState, { seq, tMs }: Extract<MainToWorker, { type: 'step' }>): void {
  if (!state.scenario) {
    state.post({ type: 'error', message: 'step before init: the worker has no valid scenario yet', re: { type: 'step', seq } })
    return
  }
  if (!Number.isFinite(tMs)) {
    state.post({ type: 'error', message: `step: tMs must be a finite time in ms; got ${String(tMs)}`, re: { type: 'step', seq } })
    return
  }
  if (!stepReady(state, tMs)) {
    state.pendingStep = { seq, tMs }
    scheduleWork(state)
    return
  }
  state.pendingStep = null
  answerStep(state, seq, tMs)
}

/** The snapshot at tMs (its launches and growth prepared: stepReady). */
export function answerStep(state: WorkerState, seq: number, tMs: number): void {
  const s = state.scenario
  if (!s) return
  const t0 = state.now()
  moonGeocentricKm(tMs, moon)
  sunGeocentricKm(tMs, sun)
  subsolarPoint(tMs, subsolar)
  advanceSatellites(state, tMs)
  const constellation = constellationMetricsAt(s, tMs)
  // A forced count is shown whatever the date: report what is drawn.
  if (state.forced && state.builder) metricsForForcedCount(constellation, state.count, state.builder.schedule, s.constellation)
  const snapshot: Snapshot = {
    seq,
    tMs,
    computeMs: 0,
    bodies: { moonDistanceKm: norm(moon), sunDistanceKm: norm(sun), subsolarLatDeg: subsolar.latDeg, subsolarLonDeg: subsolar.lonDeg },
    constellation,
    recentLaunches: state.builder ? state.builder.schedule.recent(tMs, LAUNCH_WINDOW_MS, MAX_LAUNCHES_REPORTED) : [],
    generated: state.count,
    base: baseSnapshotAt(s, tMs),
  }
  snapshot.computeMs = state.now() - t0
  state.post({ type: 'snapshot', snapshot })
}

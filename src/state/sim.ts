/**
 * The bridge between the main thread and the simulation worker, and the store of the latest
 * snapshot. The render loop calls pumpWorker() once per frame; it asks the worker for the state
 * at the current sim time at most ~30 times a second and never with a request in flight
 * (back-pressure). Snapshots are written with setState but no component subscribes to them
 * reactively: HUD numbers are read transiently and written to DOM refs.
 */
import { create } from 'zustand'
import type { SatelliteInfo } from '../sim/constellation/info'
import type { Triple } from '../sim/constellation/pick'
import type { InitOptions, MainToWorker, MessageTiming, Snapshot, WorkerToMain } from '../worker/constellation/protocol'
import { setBaseLayout } from './base'
import { appendSatellites, resetSatellites } from './constellation'
import { useScenario } from './scenario'
import { rowStarts, setLiveStory, useStory } from './story'
import { useUi } from './ui'
import { createWorkerBridge } from './workerBridge'

interface SimState {
  snapshot: Snapshot | null
  ready: boolean
}

export const useSim = create<SimState>()(() => ({ snapshot: null, ready: false }))

let initOptions: InitOptions = {}
let pickSeq = 0
let pickResolve: ((s: SatelliteInfo | null) => void) | null = null

/** Settles the pick awaited (if any): with the satellite, or null, "no pick" (a miss, a failure, a crash, a newer pick). */
function settlePick(satellite: SatelliteInfo | null): void {
  const resolve = pickResolve
  pickResolve = null
  resolve?.(satellite)
}

export function setInitOptions(o: InitOptions): void {
  initOptions = o
}

/**
 * Asks the worker which deployed satellite lies nearest a ray (geocentric EQJ km), within an angle.
 * Always settles: null when nothing is there, when the worker fails this pick or goes down, or when
 * a newer pick replaces it.
 */
export function pickSatellite(tMs: number, rayOriginKm: Triple, rayDir: Triple, maxAngleRad: number): Promise<SatelliteInfo | null> {
  if (!bridge.running) return Promise.resolve(null)
  settlePick(null)
  const seq = ++pickSeq
  return new Promise((resolve) => {
    pickResolve = resolve
    post({ type: 'pick', seq, tMs, rayOriginKm, rayDir, maxAngleRad })
  })
}

const post = (msg: MainToWorker) => bridge.post(msg)

/** Tells the worker what to compare with (or to stop): on every change of the comparison and after a restart. */
function postComparison(): void {
  const c = useStory.getState().comparison
  post({ type: 'compare', id: c?.id ?? '', scenario: c?.scenario ?? null })
}
useStory.subscribe((s, prev) => {
  if (s.comparison !== prev.comparison) postComparison()
})

let timingsResolve: ((t: Record<string, MessageTiming>) => void) | null = null

/** The worker's handling time per message type (bench, e2e): how long snapshots wait behind a comparison. */
export function workerTimings(): Promise<Record<string, MessageTiming> | null> {
  if (!bridge.running) return Promise.resolve(null)
  return new Promise((resolve) => {
    timingsResolve?.({})
    timingsResolve = resolve
    post({ type: 'timings' })
  })
}

function onMessage(msg: WorkerToMain) {
  switch (msg.type) {
    case 'ready':
      useSim.setState({ ready: true })
      // A restarted worker has forgotten the comparison: send it again.
      postComparison()
      break
    case 'snapshot':
      bridge.answered(msg.snapshot.seq)
      // Drop answers to requests older than the newest one we have shown.
      if (msg.snapshot.seq >= (useSim.getState().snapshot?.seq ?? -1)) {
        useSim.setState({ snapshot: msg.snapshot })
        // The story's figures at this instant (the gauge during the first year, before any row's instant).
        setLiveStory(msg.snapshot.tMs, msg.snapshot.constellation, msg.snapshot.base, useScenario.getState().scenario)
      }
      break
    case 'constellation-reset':
      resetSatellites(msg.generation, msg.capacity, msg.epochMs, msg.shells, msg.siteLatLonDeg, msg.firstIndex)
      break
    case 'satellites':
      appendSatellites(msg.generation, msg.start, msg.elements)
      break
    case 'series':
      useStory.setState({ rows: msg.rows, rowStartMs: rowStarts(msg.rows), generation: msg.generation, computeMs: msg.computeMs })
      break
    case 'compare-series':
      // An answer for a comparison since replaced or dropped is stale.
      if (useStory.getState().comparison?.id === msg.id) useStory.setState({ compareRows: msg.rows, compareComputeMs: msg.computeMs })
      break
    case 'timings':
      timingsResolve?.(msg.timings)
      timingsResolve = null
      break
    case 'base-layout':
      setBaseLayout(msg.layout)
      break
    case 'pick':
      // An answer to an older pick settles nothing: the newer one is still awaited.
      if (msg.seq === pickSeq) settlePick(msg.satellite)
      break
    case 'error':
      // Only the request the error answers fails: the step in flight is freed only if it is that step.
      if (msg.re?.type === 'step') bridge.answered(msg.re.seq)
      if (msg.re?.type === 'pick' && msg.re.seq === pickSeq) settlePick(null)
      useUi.getState().notify(`Simulation: ${msg.message}`, 'error')
      break
  }
}

const bridge = createWorkerBridge<MainToWorker>({
  label: 'simulation',
  spawn: () => new Worker(new URL('../worker/constellation/worker.ts', import.meta.url), { type: 'module', name: 'terawatt-sim' }),
  init: (scenario) => ({ type: 'init', scenario, options: initOptions }),
  scenario: (scenario) => ({ type: 'scenario', scenario }),
  step: (seq, tMs) => ({ type: 'step', seq, tMs }),
  receive: (data) => onMessage(data as WorkerToMain),
  down: () => {
    useSim.setState({ ready: false })
    // A crashed worker answers nothing more: whoever awaits a pick or the timings gets "none" now.
    settlePick(null)
    timingsResolve?.({})
    timingsResolve = null
  },
})

export const startWorker = (): void => bridge.start()

/** For tests and the crash-recovery e2e test: kill the worker as a crash would. */
export function crashWorkerForTest(): void {
  bridge.crash(new ErrorEvent('error', { message: 'simulated crash' }))
}

/** Called once per rendered frame by the scene; `force` (lock-step export) skips the rate limit, not the back-pressure. */
export function pumpWorker(nowMs: number, force = false): void {
  bridge.pump(nowMs, useSim.getState().ready, force)
}

/**
 * The bridge between the main thread and the simulation worker, and the store of the latest
 * snapshot. The render loop calls pumpWorker() once per frame; it asks the worker for the state
 * at the current sim time at most ~30 times a second and never with a request in flight
 * (back-pressure). Snapshots are written with setState but no component subscribes to them
 * reactively: HUD numbers are read transiently and written to DOM refs.
 */
import { create } from 'zustand'
import type { SatelliteInfo } from '../sim/constellation/info'
import type { MetricsSeries } from '../sim/constellation/metrics'
import type { Triple } from '../sim/constellation/pick'
import type { InitOptions, MainToWorker, Snapshot, WorkerToMain } from '../worker/constellation/protocol'
import { setBaseLayout } from './base'
import { appendSatellites, resetSatellites } from './constellation'
import { useUi } from './ui'
import { createWorkerBridge } from './workerBridge'

interface SimState {
  snapshot: Snapshot | null
  ready: boolean
}

export const useSim = create<SimState>()(() => ({ snapshot: null, ready: false }))

/** The constellation's monthly growth over the horizon (replaced when the scenario changes). */
export const useSeries = create<MetricsSeries>()(() => ({
  tMs: new Float64Array(0),
  satellites: new Float64Array(0),
  orbitalComputeW: new Float64Array(0),
}))

let initOptions: InitOptions = {}
let pickSeq = 0
let pickResolve: ((s: SatelliteInfo | null) => void) | null = null

export function setInitOptions(o: InitOptions): void {
  initOptions = o
}

/** Asks the worker which deployed satellite lies nearest a ray (geocentric EQJ km), within an angle. */
export function pickSatellite(tMs: number, rayOriginKm: Triple, rayDir: Triple, maxAngleRad: number): Promise<SatelliteInfo | null> {
  if (!bridge.running) return Promise.resolve(null)
  pickResolve?.(null)
  const seq = ++pickSeq
  return new Promise((resolve) => {
    pickResolve = resolve
    post({ type: 'pick', seq, tMs, rayOriginKm, rayDir, maxAngleRad })
  })
}

const post = (msg: MainToWorker) => bridge.post(msg)

function onMessage(msg: WorkerToMain) {
  switch (msg.type) {
    case 'ready':
      useSim.setState({ ready: true })
      break
    case 'snapshot':
      bridge.answered()
      // Drop answers to requests older than the newest one we have shown.
      if (msg.snapshot.seq >= (useSim.getState().snapshot?.seq ?? -1)) useSim.setState({ snapshot: msg.snapshot })
      break
    case 'constellation-reset':
      resetSatellites(msg.generation, msg.capacity, msg.epochMs, msg.shells, msg.siteLatLonDeg)
      break
    case 'satellites':
      appendSatellites(msg.generation, msg.start, msg.elements)
      break
    case 'series':
      useSeries.setState({ tMs: msg.tMs, satellites: msg.satellites, orbitalComputeW: msg.orbitalComputeW })
      break
    case 'base-layout':
      setBaseLayout(msg.layout)
      break
    case 'pick':
      pickResolve?.(msg.seq === pickSeq ? msg.satellite : null)
      pickResolve = null
      break
    case 'error':
      bridge.answered()
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
  down: () => useSim.setState({ ready: false }),
})

export const startWorker = (): void => bridge.start()

/** For tests and the crash-recovery e2e test: kill the worker as a crash would. */
export function crashWorkerForTest(): void {
  bridge.crash(new ErrorEvent('error', { message: 'simulated crash' }))
}

/** Called once per rendered frame by the scene. */
export function pumpWorker(nowMs: number): void {
  bridge.pump(nowMs, useSim.getState().ready)
}

/**
 * The bridge between the main thread and the simulation worker, and the store of the latest
 * snapshot. The render loop calls pumpWorker() once per frame; it asks the worker for the state
 * at the current sim time at most ~30 times a second and never with a request in flight
 * (back-pressure). Snapshots are written with setState but no component subscribes to them
 * reactively: HUD numbers are read transiently and written to DOM refs.
 */
import { create } from 'zustand'
import type { InitOptions, MainToWorker, SatelliteInfo, Snapshot, WorkerToMain } from '../worker/protocol'
import { simTime } from './clock'
import { appendSatellites, resetSatellites } from './constellation'
import { useScenario } from './scenario'
import { useUi } from './ui'

interface SimState {
  snapshot: Snapshot | null
  ready: boolean
  /** Messages and bytes received from the worker (for benchmarks). */
  received: number
  restarts: number
}

export const useSim = create<SimState>()(() => ({ snapshot: null, ready: false, received: 0, restarts: 0 }))

/** The constellation's monthly growth over the horizon (replaced when the scenario changes). */
export const useSeries = create<{ tMs: Float64Array; satellites: Float64Array; orbitalComputeW: Float64Array }>()(() => ({
  tMs: new Float64Array(0),
  satellites: new Float64Array(0),
  orbitalComputeW: new Float64Array(0),
}))

const MIN_INTERVAL_MS = 1000 / 30

let worker: Worker | null = null
let seq = 0
let inFlight = false
let lastSentAt = -Infinity
let lastSentT = NaN
let scenarioDirty = false
let crashTimes: number[] = []
let unsubscribe: (() => void) | null = null
let initOptions: InitOptions = {}
let pickSeq = 0
let pickResolve: ((s: SatelliteInfo | null) => void) | null = null

export function setInitOptions(o: InitOptions): void {
  initOptions = o
}

/** Asks the worker which deployed satellite lies nearest a ray (geocentric EQJ km), within an angle. */
export function pickSatellite(tMs: number, rayOriginKm: [number, number, number], rayDir: [number, number, number], maxAngleRad: number): Promise<SatelliteInfo | null> {
  if (!worker) return Promise.resolve(null)
  pickResolve?.(null)
  const seq = ++pickSeq
  return new Promise((resolve) => {
    pickResolve = resolve
    post({ type: 'pick', seq, tMs, rayOriginKm, rayDir, maxAngleRad })
  })
}

function post(msg: MainToWorker) {
  worker?.postMessage(msg)
}

function onMessage(e: MessageEvent<WorkerToMain>) {
  const msg = e.data
  useSim.setState((s) => ({ received: s.received + 1 }))
  switch (msg.type) {
    case 'ready':
      useSim.setState({ ready: true })
      break
    case 'snapshot':
      inFlight = false
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
    case 'pick':
      pickResolve?.(msg.seq === pickSeq ? msg.satellite : null)
      pickResolve = null
      break
    case 'error':
      inFlight = false
      useUi.getState().notify(`Simulation: ${msg.message}`, 'error')
      break
  }
}

function onCrash(e: ErrorEvent | Event) {
  const detail = e instanceof ErrorEvent && e.message ? `: ${e.message}` : ''
  const now = performance.now()
  crashTimes = crashTimes.filter((t) => now - t < 10000)
  crashTimes.push(now)
  worker?.terminate()
  worker = null
  inFlight = false
  useSim.setState((s) => ({ ready: false, restarts: s.restarts + 1 }))
  if (crashTimes.length > 3) {
    useUi.getState().notify(`The simulation worker keeps crashing${detail}. Reload the page; your scenario is saved.`, 'error', 0)
    return
  }
  useUi.getState().notify(`The simulation worker stopped${detail}; restarting it with your scenario.`, 'warn')
  setTimeout(startWorker, 300)
}

export function startWorker(): void {
  if (worker) return
  worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'terawatt-sim' })
  worker.onmessage = onMessage
  worker.onerror = onCrash
  worker.onmessageerror = onCrash
  inFlight = false
  lastSentT = NaN
  post({ type: 'init', scenario: useScenario.getState().scenario, options: initOptions })
  unsubscribe?.()
  unsubscribe = useScenario.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario) scenarioDirty = true
  })
}

export function stopWorker(): void {
  unsubscribe?.()
  unsubscribe = null
  worker?.terminate()
  worker = null
}

/** For tests and the crash-recovery e2e test: kill the worker as a crash would. */
export function crashWorkerForTest(): void {
  onCrash(new ErrorEvent('error', { message: 'simulated crash' }))
}

/** Called once per rendered frame by the scene. */
export function pumpWorker(nowMs: number): void {
  if (!worker || !useSim.getState().ready) return
  if (scenarioDirty) {
    scenarioDirty = false
    post({ type: 'scenario', scenario: useScenario.getState().scenario })
    lastSentT = NaN
  }
  if (inFlight || nowMs - lastSentAt < MIN_INTERVAL_MS) return
  if (simTime.tMs === lastSentT) return
  inFlight = true
  lastSentAt = nowMs
  lastSentT = simTime.tMs
  post({ type: 'step', seq: ++seq, tMs: simTime.tMs })
}

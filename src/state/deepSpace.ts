/**
 * The bridge to the deep-space worker (src/worker/deepSpace/worker.ts) and what the main thread
 * holds of deep space: the trajectories in flight (one per launch window, sorted by index, mutated
 * only when a message arrives) and the swarm's append-only heliocentric elements. The renderer reads
 * these plain objects in useFrame; the snapshot store is read transiently by the HUD panels.
 * Same back-pressure as src/state/sim.ts: at most ~30 requests a second, never one in flight.
 */
import { create } from 'zustand'
import type { TrajectoryWindow } from '../sim/massDriver/inFlight'
import type { DeepSnapshot } from '../sim/massDriver/snapshot'
import { SWARM_STRIDE } from '../sim/massDriver/swarmPoints'
import { upperBound, upperBoundBy } from '../sim/search'
import type { DeepInitOptions, DeepMainToWorker, DeepWorkerToMain } from '../worker/deepSpace/protocol'
import { useUi } from './ui'
import { createWorkerBridge } from './workerBridge'
import { installDeepSpaceHooks } from '../testHooks'
import { MS_PER_DAY } from '../sim/constants'

interface DeepState {
  snapshot: DeepSnapshot | null
  ready: boolean
}

export const useDeepSpace = create<DeepState>()(() => ({ snapshot: null, ready: false }))

export interface DeepSpaceData {
  generation: number
  windowMs: number
  /** Trajectory windows held, sorted by index. */
  windows: TrajectoryWindow[]
  /** Bumped whenever `windows` changes (the renderer re-uploads lines then). */
  version: number
  swarmEpochMs: number
  payloadsPerPoint: number
  swarmCapacity: number
  swarmCount: number
  swarm: Float32Array
  /** First swarm point not yet uploaded to the GPU; the renderer advances it. */
  swarmUploadedUpTo: number
  /** Bumped on reset so the renderer rebuilds its geometry. */
  resets: number
}

export const deepSpace: DeepSpaceData = {
  generation: -1,
  windowMs: 6 * 3600e3,
  windows: [],
  version: 0,
  swarmEpochMs: 0,
  payloadsPerPoint: 1,
  swarmCapacity: 0,
  swarmCount: 0,
  swarm: new Float32Array(0),
  swarmUploadedUpTo: 0,
  resets: 0,
}

/** How many swarm points are launched by tMs (sorted by launch day): binary search. */
export function swarmLaunchedCount(tMs: number): number {
  const day = (tMs - deepSpace.swarmEpochMs) / MS_PER_DAY
  return upperBound(deepSpace.swarm, day, deepSpace.swarmCount, SWARM_STRIDE, 6)
}

/** The held window with this index, or null (binary search). */
export function windowByIndex(index: number): TrajectoryWindow | null {
  const w = deepSpace.windows
  const k = upperBoundBy(w, index, windowIndex) - 1
  return k >= 0 && w[k].index === index ? w[k] : null
}

const windowIndex = (w: TrajectoryWindow): number => w.index

function addWindow(win: TrajectoryWindow) {
  if (win.generation !== deepSpace.generation) return
  const w = deepSpace.windows
  const i = upperBoundBy(w, win.index, windowIndex)
  if (i > 0 && w[i - 1].index === win.index) w[i - 1] = win
  else w.splice(i, 0, win)
  deepSpace.version++
}

function keepWindows(lo: number, hi: number) {
  const w = deepSpace.windows
  if (w.length && (w[0].index < lo || w[w.length - 1].index > hi)) {
    deepSpace.windows = w.filter((x) => x.index >= lo && x.index <= hi)
    deepSpace.version++
  }
}

function appendSwarm(generation: number, start: number, elements: Float32Array) {
  if (generation !== deepSpace.generation || start !== deepSpace.swarmCount) return
  const n = Math.min(elements.length / SWARM_STRIDE, deepSpace.swarmCapacity - start)
  if (n <= 0) return
  const need = (start + n) * SWARM_STRIDE
  if (need > deepSpace.swarm.length) {
    // Grow by doubling up to the capacity; the renderer sees the new array through `resets`.
    const next = new Float32Array(Math.min(deepSpace.swarmCapacity * SWARM_STRIDE, Math.max(need, deepSpace.swarm.length * 2, 4096 * SWARM_STRIDE)))
    next.set(deepSpace.swarm.subarray(0, deepSpace.swarmCount * SWARM_STRIDE))
    deepSpace.swarm = next
    deepSpace.swarmUploadedUpTo = 0
    deepSpace.resets++
  }
  deepSpace.swarm.set(elements.subarray(0, n * SWARM_STRIDE), start * SWARM_STRIDE)
  deepSpace.swarmCount = start + n
}

let options: DeepInitOptions = {}

function onMessage(msg: DeepWorkerToMain) {
  switch (msg.type) {
    case 'ready':
      useDeepSpace.setState({ ready: true })
      break
    case 'reset':
      deepSpace.generation = msg.generation
      deepSpace.windowMs = msg.windowMs
      deepSpace.windows = []
      deepSpace.version++
      deepSpace.swarmEpochMs = msg.swarmEpochMs
      deepSpace.payloadsPerPoint = msg.payloadsPerPoint
      deepSpace.swarmCapacity = msg.swarmCapacity
      deepSpace.swarmCount = 0
      deepSpace.swarm = new Float32Array(0)
      deepSpace.swarmUploadedUpTo = 0
      deepSpace.resets++
      break
    case 'trajectory':
      addWindow(msg.window)
      break
    case 'swarm':
      appendSwarm(msg.generation, msg.start, msg.elements)
      break
    case 'snapshot':
      bridge.answered()
      keepWindows(msg.snapshot.keep[0], msg.snapshot.keep[1])
      // While catching up after a jump, ask again for the same instant.
      if (msg.snapshot.catchingUp) bridge.askAgain()
      if (msg.snapshot.seq >= (useDeepSpace.getState().snapshot?.seq ?? -1)) useDeepSpace.setState({ snapshot: msg.snapshot })
      break
    case 'error':
      bridge.answered()
      useUi.getState().notify(`Deep space: ${msg.message}`, 'error')
      break
  }
}

const bridge = createWorkerBridge<DeepMainToWorker>({
  label: 'deep-space',
  spawn: () => new Worker(new URL('../worker/deepSpace/worker.ts', import.meta.url), { type: 'module', name: 'terawatt-deep-space' }),
  init: (scenario) => ({ type: 'init', scenario, options }),
  scenario: (scenario) => ({ type: 'scenario', scenario }),
  step: (seq, tMs) => ({ type: 'step', seq, tMs }),
  receive: (data) => onMessage(data as DeepWorkerToMain),
  down: () => useDeepSpace.setState({ ready: false }),
})

export function startDeepSpace(o: DeepInitOptions = options): void {
  options = o
  bridge.start()
  installDeepSpaceHooks({ deepSpace, useDeepSpace, crash: crashDeepSpaceForTest })
}

/** For tests: kill the worker as a crash would. */
export function crashDeepSpaceForTest(): void {
  bridge.crash(new ErrorEvent('error', { message: 'simulated crash' }))
}

/** Called once per rendered frame by the deep-space scene; `force` (lock-step export) skips the rate limit, not the back-pressure. */
export function pumpDeepSpace(nowMs: number, force = false): void {
  bridge.pump(nowMs, useDeepSpace.getState().ready, force)
}

/**
 * What both worker bridges (src/state/sim.ts, src/state/deepSpace.ts) share: start with the
 * scenario in force, resend the scenario when it changes, ask for the state at the current sim
 * time at most ~30 times a second with never more than one request in flight (back-pressure),
 * and restart a crashed worker with a notice (giving up, with a clear message, after more than 3
 * crashes in 10 s). Each bridge keeps its own message handling and stores.
 */
import type { Scenario } from '../sim/scenario/schema'
import { simTime } from './clock'
import { useScenario } from './scenario'
import { useUi } from './ui'

const MIN_INTERVAL_MS = 1000 / 30

export interface WorkerBridgeOptions<In> {
  /** In notices: "The {label} worker stopped…". */
  label: string
  /** Creates the worker (a literal `new Worker(new URL(...))` at the call site, for Vite). */
  spawn(): Worker
  init(scenario: Scenario): In
  scenario(scenario: Scenario): In
  step(seq: number, tMs: number): In
  /** Every message from the worker; call bridge.answered() when a request is answered. */
  receive(data: unknown): void
  /** The worker went down (ready false, count the restart). */
  down(): void
}

export interface WorkerBridge<In> {
  start(): void
  stop(): void
  post(msg: In): void
  /**
   * The request in flight was answered (snapshot or error). With `seq`, only if that is the step in
   * flight: an answer to an older request, or an error about something else, frees nothing.
   */
  answered(seq?: number): void
  /** Ask again for the current instant even if it has not changed (catching up). */
  askAgain(): void
  /** Called once per rendered frame while the worker is ready. */
  /** Asks for the state at the current instant: at most ~30 times a second (unless `force`: a lock-step export waiting for exactly this instant), never with an answer outstanding. */
  pump(nowMs: number, ready: boolean, force?: boolean): void
  /** Kills the worker as a crash would (crash-recovery tests). */
  crash(e: ErrorEvent | Event): void
  readonly running: boolean
}

export function createWorkerBridge<In>(o: WorkerBridgeOptions<In>): WorkerBridge<In> {
  let worker: Worker | null = null
  let seq = 0
  let inFlight = false
  /** The step in flight's seq (meaningful while inFlight). */
  let inFlightSeq = -1
  let lastSentAt = -Infinity
  let lastSentT = NaN
  let scenarioDirty = false
  let crashTimes: number[] = []
  let unsubscribe: (() => void) | null = null

  const post = (msg: In) => worker?.postMessage(msg)

  function crash(e: ErrorEvent | Event) {
    // (ErrorEvent is not a global in every runtime: Node has none.)
    const message = 'message' in e ? e.message : ''
    const detail = typeof message === 'string' && message ? `: ${message}` : ''
    const now = performance.now()
    crashTimes = crashTimes.filter((t) => now - t < 10000)
    crashTimes.push(now)
    worker?.terminate()
    worker = null
    inFlight = false
    o.down()
    if (crashTimes.length > 3) {
      useUi.getState().notify(`The ${o.label} worker keeps crashing${detail}. Reload the page; your scenario is saved.`, 'error', 0)
      return
    }
    useUi.getState().notify(`The ${o.label} worker stopped${detail}; restarting it with your scenario.`, 'warn')
    setTimeout(start, 300)
  }

  function start() {
    if (worker) return
    const w = o.spawn()
    worker = w
    w.onmessage = (e) => {
      if (w === worker) o.receive(e.data)
    }
    // A worker that fails fires error events until it is gone: only the first one of the worker in
    // service counts (one notice, one restart); a terminated worker's queued events are ignored.
    w.onerror = (e) => {
      if (w === worker) crash(e)
    }
    w.onmessageerror = (e) => {
      if (w === worker) crash(e)
    }
    inFlight = false
    lastSentT = NaN
    post(o.init(useScenario.getState().scenario))
    unsubscribe?.()
    unsubscribe = useScenario.subscribe((s, prev) => {
      if (s.scenario !== prev.scenario) scenarioDirty = true
    })
  }

  return {
    start,
    post,
    crash,
    stop() {
      unsubscribe?.()
      unsubscribe = null
      worker?.terminate()
      worker = null
    },
    answered(answerSeq) {
      if (answerSeq === undefined || answerSeq === inFlightSeq) inFlight = false
    },
    askAgain() {
      lastSentT = NaN
    },
    pump(nowMs, ready, force = false) {
      if (!worker || !ready) return
      if (scenarioDirty) {
        scenarioDirty = false
        post(o.scenario(useScenario.getState().scenario))
        lastSentT = NaN
      }
      if (inFlight || (!force && nowMs - lastSentAt < MIN_INTERVAL_MS)) return
      if (simTime.tMs === lastSentT) return
      inFlight = true
      lastSentAt = nowMs
      lastSentT = simTime.tMs
      inFlightSeq = ++seq
      post(o.step(seq, simTime.tMs))
    },
    get running() {
      return worker !== null
    },
  }
}

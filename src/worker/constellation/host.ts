/**
 * The simulation worker's message handler, free of worker globals so Node tests call it directly:
 * a switch over message types, one small operation each (operations/), on one state object.
 * Unknown messages are ignored; an operation that throws answers with an error message instead
 * of killing the worker.
 */
import { pick } from './operations/pick'
import { workTurn } from './operations/prepare'
import { compare, init, scenario } from './operations/scenario'
import { step } from './operations/step'
import type { MainToWorker, Post } from './protocol'
import { beginTurn, createState, endTurn, recordTiming, type WorkerState } from './state'

export interface WorkerHost {
  handle(msg: MainToWorker): void
  readonly state: WorkerState
}

export function createWorkerHost(
  post: Post,
  now: () => number = () => performance.now(),
  defer: (fn: () => void) => void = (fn) => {
    setTimeout(fn, 0)
  },
): WorkerHost {
  const state = createState(post, now, defer)
  state.runWork = () => workTurn(state)
  return {
    state,
    handle(msg) {
      const t0 = state.now()
      beginTurn(state, state.builder ? [state.builder.schedule] : [])
      try {
        switch (msg?.type) {
          case 'init':
            return init(state, msg)
          case 'scenario':
            return scenario(state, msg)
          case 'step':
            return step(state, msg)
          case 'pick':
            return pick(state, msg)
          case 'compare':
            return compare(state, msg)
          case 'timings':
            return post({ type: 'timings', timings: structuredClone(state.timings) })
        }
      } catch (err) {
        // The request it answers, if it was one: the main thread fails that request only.
        const re = msg?.type === 'step' || msg?.type === 'pick' ? { type: msg.type, seq: msg.seq } : undefined
        post({ type: 'error', message: err instanceof Error ? err.message : String(err), re })
      } finally {
        if (typeof msg?.type === 'string') {
          recordTiming(state, msg.type, state.now() - t0)
          // Work units of the message (a new scenario's launch sequence counts whole).
          endTurn(state, msg.type, state.builder ? [state.builder.schedule] : [])
        }
      }
    },
  }
}

/**
 * The deep-space worker's message handler, free of worker globals so Node tests call it directly:
 * a switch over the message types onto the operations (operations/*.ts) on one state object
 * (state.ts). It never throws: an unknown message or an exception is answered with an error message.
 */
import { init, resetScenario } from './operations/init'
import { step } from './operations/step'
import type { DeepMainToWorker, DeepPost } from './protocol'
import { createDeepSpaceState } from './state'

export interface DeepSpaceHost {
  handle(msg: DeepMainToWorker): void
}

/** post: sends to the main thread; now: a clock in ms; defer: see DeepSpaceState.defer. */
export function createDeepSpaceHost(post: DeepPost, now: () => number = () => performance.now(), defer?: (fn: () => void) => void): DeepSpaceHost {
  const st = createDeepSpaceState(post, now, defer)
  return {
    handle(msg) {
      try {
        switch (msg?.type) {
          case 'init':
            init(st, msg.scenario, msg.options)
            break
          case 'scenario':
            resetScenario(st, msg.scenario)
            break
          case 'step':
            step(st, msg.seq, msg.tMs)
            break
          default:
            post({ type: 'error', message: `unknown message ignored: ${JSON.stringify((msg as { type?: unknown } | null)?.type ?? null)}` })
        }
      } catch (err) {
        post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
      }
    },
  }
}

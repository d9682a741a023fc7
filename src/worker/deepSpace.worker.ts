/// <reference lib="webworker" />
// The deep-space Web Worker entry: wires the host to postMessage. All logic is in deepSpaceHost.ts.
import { createDeepSpaceHost } from './deepSpaceHost'
import type { DeepMainToWorker, DeepWorkerToMain } from './deepSpace.protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
const host = createDeepSpaceHost(
  (msg: DeepWorkerToMain, transfer?: Transferable[]) => scope.postMessage(msg, transfer ?? []),
  () => performance.now(),
  (fn) => setTimeout(fn, 0),
)
scope.onmessage = (e: MessageEvent<DeepMainToWorker>) => host.handle(e.data)

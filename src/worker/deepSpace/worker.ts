// The deep-space Web Worker entry: wires the host (host.ts) to the worker's messages. No logic here.
import { createDeepSpaceHost } from './host'
import type { DeepMainToWorker, DeepWorkerToMain } from './protocol'

const host = createDeepSpaceHost(
  (msg: DeepWorkerToMain, transfer?: Transferable[]) => self.postMessage(msg, { transfer }),
  () => performance.now(),
  (fn) => setTimeout(fn, 0),
)
self.addEventListener('message', (e: MessageEvent<DeepMainToWorker>) => host.handle(e.data))

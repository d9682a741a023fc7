/// <reference lib="webworker" />
// The simulation worker's entry: wires the host to postMessage. All logic is in host.ts.
import { createWorkerHost } from './host'
import type { MainToWorker } from './protocol'

declare const self: DedicatedWorkerGlobalScope
const host = createWorkerHost((msg, transfer) => self.postMessage(msg, transfer ?? []))
self.onmessage = (e: MessageEvent<MainToWorker>) => host.handle(e.data)

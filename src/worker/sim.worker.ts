/// <reference lib="webworker" />
// The Web Worker entry: wires the host to postMessage. All logic is in host.ts.
import { createWorkerHost } from './host'
import type { MainToWorker, WorkerToMain } from './protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
const host = createWorkerHost((msg: WorkerToMain, transfer?: Transferable[]) => scope.postMessage(msg, transfer ?? []))
scope.onmessage = (e: MessageEvent<MainToWorker>) => host.handle(e.data)

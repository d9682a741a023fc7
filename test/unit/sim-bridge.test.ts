/**
 * The main thread's side of the simulation worker (src/state/sim.ts over src/state/workerBridge.ts)
 * with a fake Worker: an error fails only the request it answers, a pick always settles, and a
 * crash is reported once and the worker restarted with the scenario in force.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MainToWorker, WorkerToMain } from '../../src/worker/constellation/protocol'

/** A stand-in for the browser's Worker: records what is posted; the test plays the worker's part. */
class FakeWorker {
  static all: FakeWorker[] = []
  posted: MainToWorker[] = []
  terminated = false
  onmessage: ((e: { data: unknown }) => void) | null = null
  onerror: ((e: Event) => void) | null = null
  onmessageerror: ((e: Event) => void) | null = null
  constructor() {
    FakeWorker.all.push(this)
  }
  postMessage(m: MainToWorker) {
    this.posted.push(m)
  }
  terminate() {
    this.terminated = true
  }
  send(m: WorkerToMain) {
    this.onmessage?.({ data: m })
  }
  fail(message: string) {
    this.onerror?.(Object.assign(new Event('error'), { message }))
  }
}

const steps = (w: FakeWorker) => w.posted.flatMap((m) => (m.type === 'step' ? [m] : []))

async function boot() {
  vi.resetModules()
  FakeWorker.all = []
  vi.stubGlobal('Worker', FakeWorker)
  const sim = await import('../../src/state/sim')
  const { simTime } = await import('../../src/state/clock')
  const { useUi } = await import('../../src/state/ui')
  const { useScenario } = await import('../../src/state/scenario')
  sim.startWorker()
  const w = FakeWorker.all[0]
  w.send({ type: 'ready' })
  let now = 0
  /** One frame later, at a new sim instant: the bridge asks for a step if none is in flight. */
  const frame = () => {
    now += 100
    simTime.tMs += 3600e3
    sim.pumpWorker(now)
  }
  return { sim, w, frame, useUi, useScenario }
}

describe('simulation bridge: errors answer one request', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('an error about a pick or about nothing in particular leaves the step in flight waiting; one about that step frees it', async () => {
    const { w, frame } = await boot()
    frame()
    expect(steps(w)).toHaveLength(1)
    const [first] = steps(w)
    // Not the step's answer: a rejected scenario, a pick's failure, an older step's error.
    w.send({ type: 'error', message: 'Scenario rejected (keeping "x"): …' })
    w.send({ type: 'error', message: 'pick failed', re: { type: 'pick', seq: 1 } })
    w.send({ type: 'error', message: 'old step', re: { type: 'step', seq: first.seq - 1 } })
    frame()
    expect(steps(w)).toHaveLength(1) // still one in flight: nothing else was sent
    w.send({ type: 'error', message: 'this step failed', re: { type: 'step', seq: first.seq } })
    frame()
    expect(steps(w)).toHaveLength(2)
    // A snapshot answering an older request does not free the newer one either.
    w.send({ type: 'error', message: 'x', re: { type: 'step', seq: first.seq } })
    frame()
    expect(steps(w)).toHaveLength(2)
  })

  it('a failed pick resolves to null ("no pick"), and only that pick; a newer pick replaces an older one with null', async () => {
    const { sim, w } = await boot()
    const a = sim.pickSatellite(0, [0, 0, 0], [1, 0, 0], 1e-3)
    const b = sim.pickSatellite(0, [0, 0, 0], [1, 0, 0], 1e-3)
    await expect(a).resolves.toBeNull() // replaced by b
    const picks = w.posted.flatMap((m) => (m.type === 'pick' ? [m] : []))
    expect(picks).toHaveLength(2)
    let settled = false
    void b.then(() => (settled = true))
    // The worker fails the older pick: b is still awaited.
    w.send({ type: 'error', message: 'old pick', re: { type: 'pick', seq: picks[0].seq } })
    await Promise.resolve()
    expect(settled).toBe(false)
    w.send({ type: 'error', message: 'nearestSatelliteOnRay: bad ray', re: { type: 'pick', seq: picks[1].seq } })
    await expect(b).resolves.toBeNull()
  })

  it('a pick awaited when the worker crashes settles with null', async () => {
    const { sim, w } = await boot()
    const p = sim.pickSatellite(0, [0, 0, 0], [1, 0, 0], 1e-3)
    w.fail('boom')
    await expect(p).resolves.toBeNull()
  })
})

describe('simulation bridge: a crashed worker', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('is reported once with a notice (however many error events it fires) and restarted with the scenario in force', async () => {
    const { w, useUi, useScenario, sim } = await boot()
    expect(useScenario.getState().apply({ horizon: { endYear: 2077 } })).toBe(true)
    const before = useUi.getState().noticeLog.length
    w.fail('out of memory')
    w.fail('out of memory') // queued events of the same failure
    w.onmessageerror?.(new Event('messageerror'))
    expect(w.terminated).toBe(true)
    expect(sim.useSim.getState().ready).toBe(false)
    const said = useUi
      .getState()
      .noticeLog.slice(before)
      .map((n) => n.text)
    expect(said).toEqual(['The simulation worker stopped: out of memory; restarting it with your scenario.'])
    vi.advanceTimersByTime(1000)
    expect(FakeWorker.all).toHaveLength(2)
    const init = FakeWorker.all[1].posted[0]
    expect(init.type).toBe('init')
    expect(init.type === 'init' && init.scenario.horizon.endYear).toBe(2077)
    // Messages from the dead worker are ignored.
    w.send({ type: 'ready' })
    expect(sim.useSim.getState().ready).toBe(false)
    FakeWorker.all[1].send({ type: 'ready' })
    expect(sim.useSim.getState().ready).toBe(true)
  })
})

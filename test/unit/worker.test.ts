/** The worker's message handler (src/worker/host.ts), called directly in Node. */
import { describe, expect, it } from 'vitest'
import type { WorkerToMain } from '../../src/worker/protocol'
import { createWorkerHost } from '../../src/worker/host'
import { defaultScenario } from '../../src/sim/scenario/validate'

function harness() {
  const posted: WorkerToMain[] = []
  const host = createWorkerHost((msg) => posted.push(msg), () => 0)
  return { host, posted }
}

describe('worker host', () => {
  it('answers init with ready and a step with a snapshot echoing seq', () => {
    const { host, posted } = harness()
    host.handle({ type: 'init', scenario: defaultScenario() })
    expect(posted.some((m) => m.type === 'ready')).toBe(true)
    const tMs = Date.UTC(2030, 5, 21, 12)
    posted.length = 0
    host.handle({ type: 'step', seq: 1, tMs })
    const snap = posted.find((m) => m.type === 'snapshot')
    expect(snap, JSON.stringify(posted)).toBeDefined()
    if (snap?.type !== 'snapshot') return
    expect(snap.snapshot.seq).toBe(1)
    expect(snap.snapshot.tMs).toBe(tMs)
    expect(snap.snapshot.bodies.moonDistanceKm).toBeGreaterThan(356000)
    expect(snap.snapshot.bodies.moonDistanceKm).toBeLessThan(407000)
    expect(snap.snapshot.bodies.sunDistanceKm / 149597870.7).toBeCloseTo(1.016, 2)
    expect(posted.some((m) => m.type === 'error')).toBe(false)
  })

  it('echoes each step seq in order', () => {
    const { host, posted } = harness()
    host.handle({ type: 'init', scenario: defaultScenario() })
    for (const seq of [2, 3, 7]) host.handle({ type: 'step', seq, tMs: Date.UTC(2031, 0, seq) })
    const seqs = posted.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot.seq] : []))
    expect(seqs).toEqual([2, 3, 7])
  })

  it('posts an error for a step before init', () => {
    const { host, posted } = harness()
    host.handle({ type: 'step', seq: 1, tMs: Date.UTC(2030, 0, 1) })
    expect(posted.some((m) => m.type === 'snapshot')).toBe(false)
    const err = posted.find((m) => m.type === 'error')
    expect(err).toBeDefined()
    if (err?.type === 'error') expect(err.message).toMatch(/init/)
  })
})

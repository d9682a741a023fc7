/** The simulation worker's message handler (src/worker/constellation/host.ts), called directly in Node. */
import { describe, expect, it } from 'vitest'
import { createWorkerHost } from '../../src/worker/constellation/host'
import type { Snapshot, WorkerToMain } from '../../src/worker/constellation/protocol'
import { ELEMENT_STRIDE, positionEqjExact } from '../../src/sim/constellation/orbits'
import { vec3 } from '../../src/sim/vec'
import type { Scenario } from '../../src/sim/scenario/schema'
import { defaultScenario, validateScenario } from '../../src/sim/scenario/validate'
import { PRESETS, presetScenario } from '../../src/sim/scenario/presets'
import { yearlyRows } from '../../src/sim/story/yearly'

/**
 * A host whose worker finishes its queued turns (the preparation in slices, operations/prepare.ts)
 * after each message, as an idle worker does before the next one arrives.
 */
function harness() {
  const posted: WorkerToMain[] = []
  const queue: (() => void)[] = []
  const inner = createWorkerHost(
    (msg) => posted.push(msg),
    () => 0,
    (fn) => queue.push(fn),
  )
  const host = {
    state: inner.state,
    handle(msg: Parameters<typeof inner.handle>[0]) {
      inner.handle(msg)
      for (let fn = queue.shift(); fn; fn = queue.shift()) fn()
    },
  }
  return { host, posted }
}

const snapshots = (posted: WorkerToMain[]): Snapshot[] => posted.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []))
const errors = (posted: WorkerToMain[]): string[] => posted.flatMap((m) => (m.type === 'error' ? [m.message] : []))

function scenarioWith(overrides: Record<string, Record<string, unknown>>): Scenario {
  const r = validateScenario(overrides, defaultScenario())
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join(' '))
  return r.scenario
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
    expect(snapshots(posted).map((s) => s.seq)).toEqual([2, 3, 7])
  })

  it('sends the constellation, its series and the base layout once per scenario, tagged with one generation', () => {
    const { host, posted } = harness()
    host.handle({ type: 'init', scenario: defaultScenario() })
    const once = posted.filter((m) => m.type === 'constellation-reset' || m.type === 'series' || m.type === 'base-layout')
    expect(once.map((m) => m.type).sort()).toEqual(['base-layout', 'constellation-reset', 'series'])
    const gens = new Set(once.map((m) => ('generation' in m ? m.generation : -1)))
    expect([...gens]).toEqual([1])
    posted.length = 0
    host.handle({ type: 'scenario', scenario: scenarioWith({ horizon: { endYear: 2070 } }) })
    const reset = posted.find((m) => m.type === 'constellation-reset')
    expect(reset?.type === 'constellation-reset' && reset.generation).toBe(2)
    const layout = posted.find((m) => m.type === 'base-layout')
    expect(layout?.type === 'base-layout' && layout.layout.horizonEndMs).toBe(Date.UTC(2070, 0, 1))
  })

  it('sends satellites appended in order within the capacity, and picks the one on the ray', () => {
    const { host, posted } = harness()
    host.handle({ type: 'init', scenario: defaultScenario() })
    const tMs = Date.UTC(2028, 6, 1)
    host.handle({ type: 'step', seq: 1, tMs })
    const reset = posted.find((m) => m.type === 'constellation-reset')
    if (reset?.type !== 'constellation-reset') throw new Error('no constellation-reset')
    let next = 0
    for (const m of posted) {
      if (m.type !== 'satellites') continue
      expect(m.start).toBe(next)
      next += m.elements.length / ELEMENT_STRIDE
    }
    expect(next).toBe(host.state.count)
    expect(next).toBeGreaterThan(0)
    expect(next).toBeLessThanOrEqual(reset.capacity)
    // A ray from 2 Earth radii outside satellite 0 straight at it picks satellite 0.
    const p = positionEqjExact(host.state.elements, 0, reset.shells, tMs, vec3())
    const o: [number, number, number] = [p.x * 3, p.y * 3, p.z * 3]
    host.handle({ type: 'pick', seq: 9, tMs, rayOriginKm: o, rayDir: [p.x - o[0], p.y - o[1], p.z - o[2]], maxAngleRad: 1e-4 })
    const pick = posted.find((m) => m.type === 'pick')
    expect(pick?.type === 'pick' && pick.seq).toBe(9)
    expect(pick?.type === 'pick' && pick.satellite?.index).toBe(0)
  })
})

describe('worker host with a forced satellite count (URL sats=N)', () => {
  it('sends N satellites at once and reports them whatever the date; a ray that misses picks nothing', () => {
    const { host, posted } = harness()
    host.handle({ type: 'init', scenario: defaultScenario(), options: { forcedSatellites: 1000 } })
    const reset = posted.find((m) => m.type === 'constellation-reset')
    expect(reset?.type === 'constellation-reset' && reset.capacity).toBe(1000)
    const sent = posted.reduce((n, m) => n + (m.type === 'satellites' ? m.elements.length / ELEMENT_STRIDE : 0), 0)
    expect(sent).toBe(1000)
    host.handle({ type: 'step', seq: 1, tMs: Date.UTC(2026, 0, 2) })
    const [snap] = snapshots(posted)
    expect(snap.constellation?.satellites).toBe(1000)
    expect(snap.constellation?.orbitalComputeW).toBe(1000 * defaultScenario().constellation.computePowerKw * 1e3)
    expect(snap.generated).toBe(1000)
    // From 10 Earth radii, looking away from the Earth: nothing there.
    host.handle({ type: 'pick', seq: 3, tMs: Date.UTC(2026, 0, 2), rayOriginKm: [63781, 0, 0], rayDir: [1, 0, 0], maxAngleRad: 0.01 })
    const pick = posted.find((m) => m.type === 'pick')
    expect(pick?.type === 'pick' && pick.seq).toBe(3)
    expect(pick?.type === 'pick' && pick.satellite).toBeNull()
  })
})

describe('worker host robustness', () => {
  it('ignores an unknown message type (no throw, nothing posted)', () => {
    const { host, posted } = harness()
    host.handle({ type: 'init', scenario: defaultScenario() })
    posted.length = 0
    expect(() => host.handle(JSON.parse('{"type":"teleport","seq":1}'))).not.toThrow()
    expect(() => host.handle(JSON.parse('null'))).not.toThrow()
    expect(() => host.handle(JSON.parse('42'))).not.toThrow()
    expect(posted).toEqual([])
  })

  it('posts an error for a step before init', () => {
    const { host, posted } = harness()
    host.handle({ type: 'step', seq: 1, tMs: Date.UTC(2030, 0, 1) })
    expect(snapshots(posted)).toEqual([])
    expect(errors(posted).join()).toMatch(/before init/)
  })

  it('rejects a malformed scenario with the problem named, keeps the last good one and answers steps from it', () => {
    const { host, posted } = harness()
    host.handle({ type: 'init', scenario: scenarioWith({ horizon: { endYear: 2070 } }) })
    const good = host.state.scenario
    const generation = host.state.generation
    posted.length = 0
    // Out of range, wrong type, not an object, and a failed cross-field check.
    const bad: [unknown, RegExp][] = [
      [{ ...defaultScenario(), horizon: { startYear: 2026, endYear: 2500 } }, /horizon\.endYear.*between 2001 and 2200.*2500/],
      [{ ...defaultScenario(), constellation: { ...defaultScenario().constellation, satelliteMassT: 'heavy' } }, /constellation\.satelliteMassT/],
      ['not a scenario', /must be a JSON object/],
      [null, /must be a JSON object/],
      [scenarioWithSharesOff(), /Shell shares/],
    ]
    for (const [scenario, why] of bad) {
      posted.length = 0
      host.handle(JSON.parse(JSON.stringify({ type: 'scenario', scenario })))
      const e = errors(posted)
      expect(e.length, JSON.stringify(scenario)).toBe(1)
      expect(e[0]).toMatch(/^Scenario rejected \(keeping "/)
      expect(e[0]).toMatch(why)
      expect(posted.some((m) => m.type === 'constellation-reset' || m.type === 'base-layout')).toBe(false)
      expect(host.state.scenario).toBe(good)
      expect(host.state.generation).toBe(generation)
    }
    posted.length = 0
    host.handle({ type: 'step', seq: 5, tMs: Date.UTC(2065, 0, 1) })
    expect(errors(posted)).toEqual([])
    const [snap] = snapshots(posted)
    expect(snap.seq).toBe(5)
    expect(snap.constellation?.satellites).toBeGreaterThan(0)
    expect(snap.base).not.toBeNull()
  })

  it('an init with a malformed scenario says so, is still ready, and steps error until a good scenario arrives', () => {
    const { host, posted } = harness()
    host.handle(JSON.parse('{"type":"init","scenario":{"horizon":{"endYear":"soon"}}}'))
    expect(errors(posted).join()).toMatch(/no scenario is in force yet.*horizon\.endYear/)
    expect(posted.some((m) => m.type === 'ready')).toBe(true)
    posted.length = 0
    host.handle({ type: 'step', seq: 1, tMs: Date.UTC(2030, 0, 1) })
    expect(snapshots(posted)).toEqual([])
    expect(errors(posted)).toHaveLength(1)
    host.handle({ type: 'scenario', scenario: defaultScenario() })
    posted.length = 0
    host.handle({ type: 'step', seq: 2, tMs: Date.UTC(2030, 0, 1) })
    expect(snapshots(posted).map((s) => s.seq)).toEqual([2])
  })

  it('an error names the request it answers (step or pick, by seq); one about no request names none', () => {
    const { host, posted } = harness()
    host.handle({ type: 'step', seq: 4, tMs: Date.UTC(2030, 0, 1) }) // before init
    host.handle({ type: 'init', scenario: defaultScenario() })
    host.handle({ type: 'step', seq: 5, tMs: NaN })
    // A pick whose ray is not numbers throws inside the operation: the host answers that pick.
    host.handle(JSON.parse('{"type":"pick","seq":6,"tMs":1900000000000,"rayOriginKm":null,"rayDir":null,"maxAngleRad":0.01}'))
    host.handle({ type: 'scenario', scenario: JSON.parse('{"horizon":{"endYear":"soon"}}') })
    const e = posted.flatMap((m) => (m.type === 'error' ? [m.re ?? null] : []))
    expect(e).toEqual([{ type: 'step', seq: 4 }, { type: 'step', seq: 5 }, { type: 'pick', seq: 6 }, null])
  })

  it('answers a step with a non-finite time with an error, not a snapshot', () => {
    const { host, posted } = harness()
    host.handle({ type: 'init', scenario: defaultScenario() })
    posted.length = 0
    host.handle({ type: 'step', seq: 1, tMs: NaN })
    expect(snapshots(posted)).toEqual([])
    expect(errors(posted).join()).toMatch(/tMs/)
  })
})

function scenarioWithSharesOff(): unknown {
  const s = defaultScenario()
  s.constellation.shells[0].sharePct += 5
  return s
}

describe('worker host at the horizon the schema allows', () => {
  it('horizon.endYear 2200 (the schema maximum): init and steps at 2030, 2100, 2199 stay within 30 s and 300 MB', () => {
    const { host, posted } = harness()
    const scenario = scenarioWith({ horizon: { endYear: 2200 } })
    const mem = () => {
      const m = process.memoryUsage()
      return m.heapUsed + m.arrayBuffers
    }
    const m0 = mem()
    const t0 = performance.now()
    host.handle({ type: 'init', scenario })
    const tInit = performance.now() - t0
    const seqs = [2030, 2100, 2199]
    for (const y of seqs) host.handle({ type: 'step', seq: y, tMs: Date.UTC(y, 0, 1) })
    const tAll = performance.now() - t0
    const dMemMB = (mem() - m0) / 1e6
    console.log(`horizon 2200: init ${tInit.toFixed(0)} ms, init + 3 steps ${tAll.toFixed(0)} ms, heap + array buffers +${dMemMB.toFixed(0)} MB`)
    expect(errors(posted)).toEqual([])
    const snaps = snapshots(posted)
    expect(snaps.map((s) => s.seq)).toEqual(seqs)
    for (const s of snaps) {
      expect(s.constellation?.satellites).toBeGreaterThan(0)
      expect(s.base?.state).toBeDefined()
    }
    const series = posted.find((m) => m.type === 'series')
    // One yearly row per year of the horizon, first to last (src/sim/story/yearly.ts).
    expect(series?.type === 'series' && series.rows.map((r) => r.year)).toEqual(
      Array.from({ length: 2200 - scenario.horizon.startYear }, (_, i) => scenario.horizon.startYear + i),
    )
    expect(posted.some((m) => m.type === 'base-layout')).toBe(true)
    expect(tAll).toBeLessThan(30_000)
    expect(dMemMB).toBeLessThan(300)
  })
})

describe('worker host: what-if comparison and timings', () => {
  /** A host whose deferred work runs only when the test drains the queue (the worker's event loop, by hand). */
  function queued() {
    const posted: WorkerToMain[] = []
    const queue: (() => void)[] = []
    const host = createWorkerHost(
      (msg) => posted.push(msg),
      () => performance.now(),
      (fn) => queue.push(fn),
    )
    const drain = () => {
      for (let fn = queue.shift(); fn; fn = queue.shift()) fn()
    }
    return { host, posted, queue, drain }
  }
  const short = () => scenarioWith({ horizon: { endYear: 2034 } })
  const conservative = () => {
    const s = presetScenario(PRESETS[PRESETS.length - 1].id)
    if (!s) throw new Error('no preset')
    return s
  }
  const compareSeries = (posted: WorkerToMain[]) => posted.flatMap((m) => (m.type === 'compare-series' ? [m] : []))

  it('posts the compared scenario rows over the horizon in force, equal to yearlyRows in one call', () => {
    const { host, posted, drain } = queued()
    host.handle({ type: 'init', scenario: short() })
    const b = conservative()
    host.handle({ type: 'compare', id: 'b', scenario: b })
    expect(compareSeries(posted)).toEqual([]) // nothing computed inside the message itself
    drain()
    const [c] = compareSeries(posted)
    expect(c?.id).toBe('b')
    // The horizon ends on 1 January 2034, where the 2033 row stands.
    expect(c?.rows.map((r) => r.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033])
    // Computed a few years per turn, the rows are those of one call over the same years.
    expect(c?.rows).toEqual(yearlyRows(b, 2026, 2033))
    expect(errors(posted)).toEqual([])
  })

  it('answers steps while the comparison is being computed, and a new scenario restarts it', () => {
    const { host, posted, queue, drain } = queued()
    host.handle({ type: 'init', scenario: short() })
    drain() // the scenario's own preparation (prepare.ts)
    host.handle({ type: 'compare', id: 'b', scenario: conservative() })
    expect(queue.length).toBe(1)
    // A step that arrives while the comparison is pending is answered at once, before its rows.
    host.handle({ type: 'step', seq: 1, tMs: Date.UTC(2030, 0, 1) })
    expect(posted.findIndex((m) => m.type === 'snapshot')).toBeGreaterThanOrEqual(0)
    expect(compareSeries(posted)).toEqual([])
    host.handle({ type: 'scenario', scenario: scenarioWith({ horizon: { endYear: 2030 } }) })
    drain()
    const all = compareSeries(posted)
    // The job started for the old horizon was dropped: one answer, for the new horizon and generation.
    expect(all.map((c) => [c.generation, c.rows.length])).toEqual([[2, 4]])
    posted.length = 0
    host.handle({ type: 'compare', id: '', scenario: null })
    host.handle({ type: 'scenario', scenario: short() })
    drain()
    expect(compareSeries(posted)).toEqual([])
  })

  it('rejects an invalid comparison scenario with an error and keeps the worker up', () => {
    const { host, posted, drain } = queued()
    host.handle({ type: 'init', scenario: short() })
    const bad: Scenario = { ...short(), horizon: { startYear: 2026, endYear: 2020 } }
    host.handle({ type: 'compare', id: 'bad', scenario: bad })
    drain()
    expect(errors(posted).join(' ')).toMatch(/Comparison scenario rejected.*horizon\.endYear/)
    host.handle({ type: 'step', seq: 2, tMs: Date.UTC(2030, 0, 1) })
    expect(snapshots(posted).map((s) => s.seq)).toEqual([2])
  })

  it('times every message type and each turn of the comparison (figures in the log)', () => {
    const { host, posted, queue } = queued()
    host.handle({ type: 'init', scenario: short() })
    for (let fn = queue.shift(); fn; fn = queue.shift()) fn() // the scenario's own preparation (prepare.ts)
    let seq = 0
    const stepAt = () => host.handle({ type: 'step', seq: ++seq, tMs: Date.UTC(2027, 0, 1) + seq * 3600e3 })
    for (let i = 0; i < 30; i++) stepAt()
    host.handle({ type: 'timings' })
    const before = [...posted].reverse().find((m) => m.type === 'timings')
    host.handle({ type: 'compare', id: 'b', scenario: conservative() })
    // The worker's loop by hand: a step between turns of the comparison, as when the main thread asks ~30 times a second.
    let turns = 0
    for (let fn = queue.shift(); fn; fn = queue.shift(), turns++) {
      fn()
      stepAt()
    }
    host.handle({ type: 'timings' })
    const after = [...posted].reverse().find((m) => m.type === 'timings')
    if (before?.type !== 'timings' || after?.type !== 'timings') throw new Error('no timings')
    const t0 = before.timings.step
    const slice = after.timings['compare-slice']
    expect(t0.count).toBe(30)
    expect(slice.count).toBe(turns)
    expect(compareSeries(posted).length).toBe(1)
    const during = after.timings.step.count - t0.count
    expect(during).toBe(turns)
    console.log(
      `steps alone: mean ${(t0.totalMs / t0.count).toFixed(2)} ms, max ${t0.maxMs.toFixed(2)} ms; ` +
        `comparison 2026–2034 in ${slice.count} turns, mean ${(slice.totalMs / slice.count).toFixed(1)} ms, longest ${slice.maxMs.toFixed(1)} ms; ` +
        `${during} steps between turns, mean ${((after.timings.step.totalMs - t0.totalMs) / Math.max(1, during)).toFixed(2)} ms`,
    )
  })
})

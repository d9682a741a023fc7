/**
 * A scenario edit at the schema's farthest horizon (2200) prepares the launch sequence, the base
 * and the yearly rows a slice per worker turn (src/worker/constellation/operations/prepare.ts):
 * no turn does more than MAX_TURN_UNITS of work (a model of this machine's microseconds, counted,
 * not timed), steps are answered between slices, and what arrives equals the one-piece result.
 */
import { describe, expect, it } from 'vitest'
import { buildForcedCount, ConstellationBuilder } from '../../src/sim/constellation/launches'
import { ELEMENT_STRIDE } from '../../src/sim/constellation/orbits'
import { presetScenario } from '../../src/sim/scenario/presets'
import type { Scenario } from '../../src/sim/scenario/schema'
import { defaultScenario, validateScenario } from '../../src/sim/scenario/validate'
import { yearlyRows } from '../../src/sim/story/yearly'
import { createWorkerHost } from '../../src/worker/constellation/host'
import { MAX_TURN_UNITS, SLICE_UNITS } from '../../src/worker/constellation/operations/prepare'
import { LOOKAHEAD_MS } from '../../src/worker/constellation/operations/satellites'
import type { WorkerToMain } from '../../src/worker/constellation/protocol'

const at2200 = (base: Scenario): Scenario => {
  const r = validateScenario({ horizon: { endYear: 2200 } }, base)
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join(' '))
  return r.scenario
}
const seed = () => presetScenario('seed') ?? defaultScenario()

/**
 * A worker and the main thread by hand: the worker runs one queued turn at a time; between turns
 * the main thread sends a step whenever none is in flight (as the bridge does, ~30 times a second),
 * `stepAt(k)` giving the k-th step's instant.
 */
function run(now: () => number) {
  const posted: WorkerToMain[] = []
  const queue: (() => void)[] = []
  const answers = new Set<number>()
  const host = createWorkerHost(
    (m) => {
      posted.push(m)
      if (m.type === 'snapshot') answers.add(m.snapshot.seq)
      if (m.type === 'error' && m.re?.type === 'step') answers.add(m.re.seq)
    },
    now,
    (fn) => queue.push(fn),
  )
  let seq = 0
  let inFlight = -1
  const answered = () => answers.has(inFlight)
  /** Every turn's duration by now(), ms (wall-clock figures). */
  const durations: number[] = []
  const timed = (f: () => void) => {
    const t0 = now()
    f()
    durations.push(now() - t0)
  }
  /** Runs turns until the worker is idle; returns how many. */
  const loop = (stepAt: (k: number) => number, maxTurns = 100_000) => {
    let turns = 0
    for (; turns < maxTurns; turns++) {
      if (inFlight < 0 || answered()) {
        inFlight = ++seq
        timed(() => host.handle({ type: 'step', seq, tMs: stepAt(seq) }))
      }
      const fn = queue.shift()
      if (!fn) break
      timed(fn)
    }
    return turns
  }
  const drain = () => {
    for (let fn = queue.shift(); fn; fn = queue.shift()) fn()
  }
  return { host, posted, loop, drain, durations, lastSeq: () => seq }
}

describe('a scenario edit at horizon 2200 is prepared in slices', () => {
  it('no turn does more than MAX_TURN_UNITS of work; steps are answered between slices; the rows equal one call and the satellites the one-piece builder', () => {
    const w = run(() => 0) // no clock: only the work units bound a slice
    w.host.handle({ type: 'init', scenario: defaultScenario() })
    w.drain()
    const hour = 3600e3
    const t2030 = Date.UTC(2030, 0, 1)
    w.loop((k) => t2030 + k * hour, 3)
    w.host.state.work = {}
    w.posted.length = 0
    // The edit: the seed preset at the schema's farthest horizon (1.3 million launches to 2200).
    const s = at2200(seed())
    w.host.handle({ type: 'scenario', scenario: s })
    const turns = w.loop((k) => t2030 + k * hour)
    const work = w.host.state.work
    const largest = Object.entries(work).map(([kind, t]) => `${kind} ${t.count}× max ${t.maxUnits.toFixed(0)}`)
    console.log(`edit to 2200: ${turns} turns; work units per kind of turn: ${largest.join(', ')}`)
    for (const [kind, t] of Object.entries(work)) expect(t.maxUnits, kind).toBeLessThanOrEqual(MAX_TURN_UNITS)
    // The work was done, in many turns, not skipped: the whole sequence to 2200 is a few hundred thousand units.
    const total = Object.values(work).reduce((a, t) => a + t.totalUnits, 0)
    expect(total).toBeGreaterThan(40 * SLICE_UNITS)
    expect(work.work.count).toBeGreaterThan(40)
    // Steps went on during the preparation: more than one answered before the rows arrived.
    const seriesAt = w.posted.findIndex((m) => m.type === 'series')
    expect(seriesAt).toBeGreaterThan(0)
    const snapsBefore = w.posted.slice(0, seriesAt).filter((m) => m.type === 'snapshot').length
    expect(snapsBefore).toBeGreaterThan(10)
    expect(w.posted.filter((m) => m.type === 'base-layout')).toHaveLength(1)
    // The rows: one per year to 2199, equal to one call of yearlyRows (the CLI's).
    const series = w.posted[seriesAt]
    expect(series.type === 'series' && series.generation).toBe(2)
    expect(series.type === 'series' && series.rows).toEqual(yearlyRows(at2200(seed()), 2026, 2199))
    // The satellites posted in batches are the one-piece builder's, from the window's first satellite.
    const reset = [...w.posted].reverse().find((m) => m.type === 'constellation-reset')
    if (reset?.type !== 'constellation-reset') throw new Error('no reset')
    const after = w.posted.slice(w.posted.indexOf(reset) + 1).flatMap((m) => (m.type === 'satellites' ? [m] : []))
    expect(after.length).toBeGreaterThan(1) // in batches
    const got = new Float32Array(after.reduce((n, m) => n + m.elements.length, 0))
    let o = 0
    for (const m of after) {
      expect(m.start * ELEMENT_STRIDE).toBe(o)
      got.set(m.elements, o)
      o += m.elements.length
    }
    const b = new ConstellationBuilder(s)
    b.rewindTo(reset.firstIndex)
    const want = b.advanceTo(t2030 + w.lastSeq() * hour + LOOKAHEAD_MS).elements
    expect(got.length).toBeGreaterThan(500_000 * ELEMENT_STRIDE)
    expect(got.length).toBe(want.length)
    let differ = -1
    for (let i = 0; i < got.length && differ < 0; i++) if (got[i] !== want[i]) differ = i
    expect(differ).toBe(-1)
  })

  it('a step far ahead waits for the preparation (no turn over the bound) and is answered for its instant', () => {
    const w = run(() => 0)
    w.host.handle({ type: 'init', scenario: at2200(seed()) })
    const t = Date.UTC(2150, 6, 1)
    const turns = w.loop(() => t)
    const snap = w.posted.find((m) => m.type === 'snapshot')
    expect(snap?.type === 'snapshot' && snap.snapshot.tMs).toBe(t)
    expect(snap?.type === 'snapshot' && snap.snapshot.constellation?.satellites).toBeGreaterThan(0)
    for (const [kind, tally] of Object.entries(w.host.state.work)) expect(tally.maxUnits, kind).toBeLessThanOrEqual(MAX_TURN_UNITS)
    expect(turns).toBeGreaterThan(40)
  })

  it('a preparation that throws is reported as the waiting step’s error (so the main thread asks again), and the worker stays up', () => {
    const w = run(() => 0)
    w.host.handle({ type: 'init', scenario: at2200(seed()) })
    const sched = w.host.state.builder?.schedule
    if (!sched) throw new Error('no schedule')
    sched.extendTo = () => {
      throw new Error('boom')
    }
    w.host.handle({ type: 'step', seq: 7, tMs: Date.UTC(2150, 0, 1) })
    w.drain()
    const e = w.posted.flatMap((m) => (m.type === 'error' ? [m] : []))
    expect(e).toHaveLength(1)
    expect(e[0].message).toMatch(/Preparing the scenario failed: boom/)
    expect(e[0].re).toEqual({ type: 'step', seq: 7 })
    expect(w.host.state.prep).toBeNull()
    // Once the cause is gone, the next step is answered (the worker did not stop).
    Reflect.deleteProperty(sched, 'extendTo')
    w.host.handle({ type: 'step', seq: 8, tMs: Date.UTC(2026, 0, 2) })
    expect(w.posted.some((m) => m.type === 'snapshot' && m.snapshot.seq === 8)).toBe(true)
  })

  it('a forced count of a million (URL sats=N) is posted in batches within the bound, and the first step reports all of them', () => {
    const w = run(() => 0)
    const n = 1_000_000
    w.host.handle({ type: 'init', scenario: defaultScenario(), options: { forcedSatellites: n } })
    const t = Date.UTC(2030, 0, 1)
    w.loop(() => t)
    for (const [kind, tally] of Object.entries(w.host.state.work)) expect(tally.maxUnits, kind).toBeLessThanOrEqual(MAX_TURN_UNITS)
    const batches = w.posted.flatMap((m) => (m.type === 'satellites' ? [m] : []))
    expect(batches.length).toBeGreaterThan(10)
    // No snapshot before the last batch: the figures describe every satellite drawn.
    const firstSnap = w.posted.findIndex((m) => m.type === 'snapshot')
    const lastBatch = w.posted.lastIndexOf(batches[batches.length - 1])
    expect(firstSnap).toBeGreaterThan(lastBatch)
    const snap = w.posted[firstSnap]
    expect(snap.type === 'snapshot' && snap.snapshot.constellation?.satellites).toBe(n)
    // The batches together equal the one-piece forced build (its exact path: filled in float64 by
    // one call over a schedule of its own, not by the slices' forcedRange).
    const want = buildForcedCount(defaultScenario(), n, { exact: true })
    const got = new Float32Array(n * ELEMENT_STRIDE)
    for (const m of batches) got.set(m.elements, m.start * ELEMENT_STRIDE)
    expect(batches.reduce((a, m) => a + m.elements.length, 0)).toBe(want.elements.length)
    let differ = -1
    for (let i = 0; i < got.length && differ < 0; i++) if (got[i] !== want.elements[i]) differ = i
    expect(differ).toBe(-1)
  })

  it('wall clock (figures in the log): the longest turn of each kind after an edit at 2200', () => {
    const w = run(() => performance.now())
    w.host.handle({ type: 'init', scenario: defaultScenario() })
    w.drain()
    const t2030 = Date.UTC(2030, 0, 1)
    w.loop((k) => t2030 + k * 3600e3, 3)
    w.host.state.timings = {}
    w.host.state.work = {}
    w.durations.length = 0
    const t0 = performance.now()
    w.host.handle({ type: 'scenario', scenario: at2200(seed()) })
    const turns = w.loop((k) => t2030 + k * 3600e3)
    const ms = performance.now() - t0
    const d = [...w.durations].sort((a, b) => a - b)
    const q = (f: number) => d[Math.min(d.length - 1, Math.floor(f * d.length))].toFixed(1)
    console.log(
      `every turn after the edit (steps and work): ${d.length}, median ${q(0.5)} ms, 90th ${q(0.9)} ms, max ${q(1)} ms; over 20 ms: ${d.filter((x) => x > 20).length}`,
    )
    const tm = w.host.state.timings
    const fig = Object.entries(tm).map(([k, t]) => `${k} ${t.count}× mean ${(t.totalMs / t.count).toFixed(1)} max ${t.maxMs.toFixed(1)} ms`)
    const units = Object.values(w.host.state.work).reduce((a, t) => a + t.totalUnits, 0)
    console.log(`edit to 2200 (wall clock): ${turns} turns in ${ms.toFixed(0)} ms (${units.toFixed(0)} units); ${fig.join('; ')}`)
    expect(w.posted.some((m) => m.type === 'series')).toBe(true)
  })
})

/**
 * The constellation after the cap: design life and retirement (SOURCES §7), replacement at the
 * cadence's pace, later generations, and the URL `sats=N` figures that describe the satellites drawn.
 */
import { describe, expect, it } from 'vitest'
import { buildForcedCount } from '../../src/sim/constellation/launches'
import { countDeployedAt, ELEMENT_STRIDE } from '../../src/sim/constellation/orbits'
import { createWorkerHost } from '../../src/worker/constellation/host'
import type { WorkerToMain } from '../../src/worker/constellation/protocol'
import { constellationMetricsAt, EARTH_DATA_CENTRES_W, metricsForForcedCount, scheduleFor } from '../../src/sim/constellation/metrics'
import { generationsOf, LaunchSchedule } from '../../src/sim/constellation/schedule'
import { PRESETS, presetScenario } from '../../src/sim/scenario/presets'
import type { Scenario } from '../../src/sim/scenario/schema'
import { defaultScenario, validateScenario } from '../../src/sim/scenario/validate'
import { yearlyRows } from '../../src/sim/story/yearly'

const Y = (y: number) => Date.UTC(y, 0, 1)

function withC(c: Record<string, unknown>): Scenario {
  const r = validateScenario({ constellation: c }, defaultScenario())
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join(' '))
  return r.scenario
}

describe('design life, replacement and generations', () => {
  it('keeps the satellites in orbit at or under the cap every month to 2100, for every preset and a small cap', () => {
    const scenarios = [...PRESETS.map((p) => presetScenario(p.id) as Scenario), withC({ maxSatellites: 5_000, designLifeYears: 2 })]
    for (const s of scenarios) {
      const cap = s.constellation.maxSatellites
      let reached = false
      for (let y = 2026; y < 2100; y++)
        for (let m = 0; m < 12; m += 3) {
          const sats = constellationMetricsAt(s, Date.UTC(y, m, 1)).satellites
          expect(sats).toBeLessThanOrEqual(cap)
          expect(sats).toBeGreaterThanOrEqual(0)
          if (sats === cap) reached = true
        }
      if (s.name === 'Seed claims') expect(reached).toBe(true)
    }
  })

  it('retires every satellite by the end of its design life (no satellite older than the life is in orbit)', () => {
    const s = withC({ maxSatellites: 20_000, designLifeYears: 3 })
    const sched = scheduleFor(s)
    sched.extendTo(Y(2045))
    const life = sched.lifeMs
    for (const l of sched.launches) {
      expect(l.retireMs).toBeLessThanOrEqual(l.deployMs + life + 1)
      expect(l.retireMs).toBeGreaterThanOrEqual(l.deployMs)
    }
    // Retirement times never decrease along the sequence (the metrics' binary search relies on it).
    for (let k = 1; k < sched.launches.length; k++) expect(sched.launches[k].retireMs).toBeGreaterThanOrEqual(sched.launches[k - 1].retireMs)
    const m = constellationMetricsAt(s, Y(2045))
    expect(m.retiredSatellites).toBeGreaterThan(0)
  })

  it('seed: launches go on every year 2030–2060 after the cap, and compute in orbit keeps rising to 2050 with heavier buses', () => {
    const rows = yearlyRows(defaultScenario(), 2026, 2060)
    const byYear = new Map(rows.map((r) => [r.year, r]))
    for (let y = 2030; y <= 2060; y++) {
      const r = byYear.get(y)
      expect(r?.launchesInYear, `launches in ${y}`).toBeGreaterThan(0)
      expect(r?.orbitalComputeAddedW, `compute added in ${y}`).toBeGreaterThan(0)
    }
    const w = (y: number) => byYear.get(y)?.orbitalComputeW ?? 0
    expect(w(2029)).toBe(1e11)
    expect(w(2035)).toBeGreaterThan(w(2030))
    expect(w(2050)).toBeGreaterThan(w(2040))
    // Sustained: ~200,000 satellites a year (the cap once per 5-year life, SOURCES §7) at the newest bus.
    expect(byYear.get(2055)?.orbitalComputeAddedW).toBeGreaterThan(100e9)
    // Never more flights than the cadence allows (8,766 a year, SOURCES §2).
    for (const r of rows) expect(r.launchesInYear).toBeLessThanOrEqual(8767)
  })

  it('a generation applies from its launch year: satellites launched before keep their mass and power', () => {
    const s = defaultScenario()
    const sched = scheduleFor(s)
    sched.extendTo(Y(2046))
    const gens = generationsOf(s.constellation)
    expect(gens.map((g) => g.year)).toEqual([-Infinity, 2030, 2033, 2045])
    for (let k = 0; k < sched.launches.length; k += 97) {
      const l = sched.launches[k]
      const y = new Date(l.tMs).getUTCFullYear()
      const g = gens[l.generation]
      expect(g.year).toBeLessThanOrEqual(y)
      if (l.generation + 1 < gens.length) expect(gens[l.generation + 1].year).toBeGreaterThan(y)
      expect(l.computeW).toBeCloseTo(l.satellites * g.powerW, 3)
      expect(l.massT).toBeCloseTo(l.satellites * g.massT, 6)
    }
  })

  it('the cap is a parameter: a raised cap lets launches grow the fleet', () => {
    const a = constellationMetricsAt(withC({ maxSatellites: 1_000_000 }), Y(2040)).satellites
    const b = constellationMetricsAt(
      withC({ maxSatellites: 2_000_000, shells: defaultScenario().constellation.shells.map((x) => ({ ...x, targetCount: x.targetCount * 2 })) }),
      Y(2040),
    ).satellites
    expect(b).toBeGreaterThan(a)
    expect(b).toBeLessThanOrEqual(2_000_000)
  })

  it('is deterministic and append-only: extending in small steps gives the same sequence as one big step', () => {
    const a = new LaunchSchedule(defaultScenario().constellation)
    a.extendTo(Y(2036))
    const b = new LaunchSchedule(defaultScenario().constellation)
    for (let y = 2026; y <= 2036; y += 0.25) b.extendTo(Date.UTC(Math.floor(y), Math.round((y % 1) * 12), 1))
    expect(b.launches.length).toBe(a.launches.length)
    expect(b.launches.map((l) => [l.tMs, l.satellites, l.generation, l.retireMs])).toEqual(
      a.launches.map((l) => [l.tMs, l.satellites, l.generation, l.retireMs]),
    )
  })
})

describe('URL sats=N: the figures describe the N satellites drawn', () => {
  it('100,000 satellites: launches, mass, compute and the data-centre share all follow from the same satellites', () => {
    const s = defaultScenario()
    const n = 100_000
    const f = buildForcedCount(s, n)
    expect(f.count).toBe(n)
    expect(f.generations.length).toBe(n)
    const sched = new LaunchSchedule(s.constellation)
    sched.extendToSatellites(n)
    const m = metricsForForcedCount(constellationMetricsAt(s, Y(2026)), n, sched, s.constellation)
    expect(m.satellites).toBe(n)
    expect(m.orbitalComputeW).toBe(n * 100e3) // first generation: 100 kW each (SOURCES §1)
    expect(m.dataCentreRatio).toBeCloseTo((n * 100e3) / EARTH_DATA_CENTRES_W, 12)
    expect(m.massToOrbitT).toBeCloseTo(n * 1, 6)
    // The flights that carried them: 2,323 + 14,950 + 66,735 in 2026–2028 at 100–170 t, the rest at ~200 t.
    const k = m.launches
    expect(sched.cumSatellites[k - 1]).toBeGreaterThanOrEqual(n)
    expect(k === 1 || sched.cumSatellites[k - 2] < n).toBe(true)
    expect(m.launches).toBeGreaterThan(400)
  })
})

describe('generation checks', () => {
  it('refuses a generation too heavy for the smallest compute payload, naming its field', () => {
    const r = validateScenario({ constellation: { generations: [{ year: 2040, satelliteMassT: 120, computePowerKw: 500 }] } }, defaultScenario())
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('constellation.generations[0].satelliteMassT')
  })
})

describe('the worker draws the satellites in orbit: a window of the sequence that follows retirements', () => {
  it('after the cap, replacements are posted (newer generations), at most the cap plus a margin is held, and going back restores the first fill', () => {
    const posted: WorkerToMain[] = []
    const queue: (() => void)[] = []
    const worker = createWorkerHost(
      (m) => posted.push(m),
      () => 0,
      (fn) => queue.push(fn),
    )
    // The worker finishes its queued turns (the scenario's preparation in slices) after each message.
    const host = {
      handle(m: Parameters<typeof worker.handle>[0]) {
        worker.handle(m)
        for (let fn = queue.shift(); fn; fn = queue.shift()) fn()
      },
    }
    const s = defaultScenario()
    host.handle({ type: 'init', scenario: s })
    const held = () => {
      // Replays what the main thread keeps (src/state/constellation.ts): the last reset, then appends
      // from 0 (into typed arrays: concatenating millions of numbers per call took most of 30 s).
      let last = -1
      let resets = 0
      posted.forEach((m, i) => {
        if (m.type === 'constellation-reset') {
          last = i
          resets++
        }
      })
      const parts = posted.slice(last + 1).flatMap((m) => (m.type === 'satellites' ? [m] : []))
      const els = new Float32Array(parts.reduce((n, m) => n + m.elements.length, 0))
      const gens = new Uint8Array(els.length / ELEMENT_STRIDE)
      let at = 0
      for (const m of parts) {
        expect(m.start).toBe(at)
        els.set(m.elements, at * ELEMENT_STRIDE)
        gens.set(m.generations, at)
        at += m.elements.length / ELEMENT_STRIDE
      }
      return { els, gens, resets }
    }
    const drawnAt = (tMs: number) => {
      const h = held()
      return countDeployedAt(h.els, h.els.length / ELEMENT_STRIDE, tMs)
    }
    host.handle({ type: 'step', seq: 1, tMs: Y(2030) })
    expect(drawnAt(Y(2030))).toBe(1_000_000)
    expect(held().resets).toBe(1)
    const t = Date.UTC(2040, 6, 1)
    host.handle({ type: 'step', seq: 2, tMs: t })
    const h = held()
    expect(h.resets).toBe(2)
    const inOrbit = constellationMetricsAt(s, t).satellites
    // The window starts at the first satellite still in orbit.
    const resets = posted.flatMap((m) => (m.type === 'constellation-reset' ? [m] : []))
    expect(resets.at(-1)?.firstIndex).toBe(constellationMetricsAt(s, t).retiredSatellites)
    const drawn = drawnAt(t)
    // Drawn: the satellites in orbit, plus at most 5 % of the cap retired since the window began.
    expect(drawn).toBeGreaterThanOrEqual(inOrbit)
    expect(drawn).toBeLessThanOrEqual(inOrbit + 0.05 * s.constellation.maxSatellites)
    expect(h.gens.some((g) => g >= 2)).toBe(true) // the 5 t generation of 2033 is drawn
    expect(h.els.length / ELEMENT_STRIDE).toBeLessThanOrEqual(1_300_000)
    host.handle({ type: 'step', seq: 3, tMs: Y(2029) })
    expect(held().resets).toBe(3)
    expect(Array.from(held().gens.slice(0, 10))).toEqual(Array(10).fill(0))
    expect(drawnAt(Y(2029))).toBe(constellationMetricsAt(s, Y(2029)).satellites)
  })
})

/** Moon Base Alpha's cargo landings one by one (src/sim/base/landings.ts), against the growth model. */
import { describe, expect, it } from 'vitest'
import { baseStateAt, layoutCapacity, type BaseScenario } from '../../src/sim/base'
import {
  APPROACH_M,
  APPROACH_S,
  DESCENT_S,
  DWELL_S,
  LUNAR_G_M_S2,
  landingTimeMs,
  landingTimesBetween,
  shipStateAt,
  visitsBetween,
} from '../../src/sim/base/landings'
import { presetScenario } from '../../src/sim/scenario/presets'
import { defaultScenario } from '../../src/sim/scenario/validate'

const Y = (y: number, m = 0) => Date.UTC(y, m, 1)
const withBase = (base: Partial<BaseScenario['base']>): BaseScenario => {
  const s = defaultScenario() as BaseScenario
  return { ...s, base: { ...s.base, ...base } }
}
const scenarios: [string, BaseScenario][] = [
  ['default', defaultScenario()],
  ['conservative', presetScenario('conservative')!],
  // Rates that do not divide a year, a knot mid-year and a first landing mid-year.
  [
    'odd rates',
    withBase({
      firstLandingYear: 2031.25,
      cargoLandings: [
        [2031, 3],
        [2033.7, 7],
        [2037.3, 0],
        [2038, 41],
        [2046, 333],
      ],
    }),
  ],
]

describe.each(scenarios)('cargo landings one by one: %s', (_name, sc) => {
  it('lists, each year, as many landings as the growth model counts (same source of truth)', () => {
    for (let y = 2026; y < 2060; y++) {
      const a = Y(y),
        b = Y(y + 1)
      const ls = landingTimesBetween(sc, a, b)
      expect(ls.length, `${y}`).toBe(baseStateAt(sc, b).cargoLandings - baseStateAt(sc, a).cargoLandings)
    }
  })

  it('agrees with the growth count over arbitrary intervals, months and days', () => {
    for (const [a, b] of [
      [Y(2032, 3), Y(2032, 4)],
      [Y(2038, 1), Y(2038, 2)],
      [Y(2045, 6) + 12345.5, Y(2045, 6) + 9 * 86400e3],
      [Y(2055, 0), Y(2055, 0) + 86400e3],
    ]) {
      const n = landingTimesBetween(sc, a, b).length
      expect(n).toBe(baseStateAt(sc, b).cargoLandings - baseStateAt(sc, a).cargoLandings)
    }
  })

  it('gives sorted times inside the interval, numbered consecutively, at the instant the count reaches n', () => {
    const a = Y(2030),
      b = Y(2060)
    const ls = landingTimesBetween(sc, a, b)
    expect(ls.length).toBe(baseStateAt(sc, b).cargoLandings)
    ls.forEach((l, i) => {
      expect(l.tMs).toBeGreaterThanOrEqual(a)
      expect(l.tMs).toBeLessThan(b)
      expect(l.index).toBe(i)
      if (i > 0) expect(l.tMs).toBeGreaterThan(ls[i - 1].tMs)
      // Growth counts this landing from its instant on, not a millisecond before.
      expect(baseStateAt(sc, l.tMs).cargoLandings).toBe(l.index + 1)
      expect(baseStateAt(sc, l.tMs - 1).cargoLandings).toBe(l.index)
    })
  })

  it('uses pads built by then, round-robin', () => {
    const ls = landingTimesBetween(sc, Y(2030), Y(2060))
    const slots = layoutCapacity(sc).landingPad
    for (const l of ls) {
      const built = baseStateAt(sc, l.tMs).structures.landingPad
      expect(l.pad).toBeGreaterThanOrEqual(0)
      expect(l.pad).toBeLessThan(Math.max(1, Math.min(slots, built)))
    }
    // Several pads take turns once there are several.
    const late = ls.filter((l) => l.tMs > Y(2051))
    if (late.length > 10 && baseStateAt(sc, Y(2051)).structures.landingPad > 1) expect(new Set(late.map((l) => l.pad)).size).toBeGreaterThan(1)
  })

  it('visits keep a pad to one ship at a time', () => {
    const vs = visitsBetween(sc, Y(2040), Y(2060))
    const byPad = new Map<number, number>()
    for (const v of vs) {
      expect(v.startMs).toBe(v.tMs - DESCENT_S * 1000)
      expect(v.liftoffMs - v.tMs).toBeLessThanOrEqual(DWELL_S * 1000)
      expect(v.liftoffMs).toBeGreaterThanOrEqual(v.tMs)
      const prevEnd = byPad.get(v.pad)
      if (prevEnd !== undefined && v.liftoffMs > v.tMs) expect(v.startMs).toBeGreaterThanOrEqual(prevEnd)
      byPad.set(v.pad, v.endMs)
    }
  })
})

describe('the default schedule', () => {
  const sc = defaultScenario()
  it('lands 2 a year from 2032, evenly spaced, and 100 a year from 2050', () => {
    const ls = landingTimesBetween(sc, Y(2032), Y(2033))
    expect(ls.length).toBe(2)
    // The n-th landing at I = n: mid-year and the year's end (a few ms early: growth's 1e-9 tolerance).
    expect(Math.abs(ls[0].tMs - (Y(2032) + Y(2033)) / 2)).toBeLessThan(1000)
    expect(Math.abs(ls[1].tMs - Y(2033))).toBeLessThan(1000)
    expect(landingTimesBetween(sc, Y(2050), Y(2051)).length).toBe(100)
    expect(landingTimeMs(sc.base, 1)).toBe(ls[0].tMs)
  })
  it('lists nothing before the first landing or in an empty interval', () => {
    expect(landingTimesBetween(sc, Y(2026), Y(2032))).toEqual([])
    expect(landingTimesBetween(sc, Y(2040), Y(2040))).toEqual([])
    expect(landingTimesBetween(sc, Y(2041), Y(2040))).toEqual([])
  })
  it('stops when the rate drops to zero for good', () => {
    const stop = withBase({
      cargoLandings: [
        [2032, 4],
        [2035, 0],
      ],
    })
    expect(landingTimesBetween(stop, Y(2030), Y(2060)).length).toBe(12)
    expect(landingTimeMs(stop.base, 13)).toBeNaN()
  })
})

describe('a ship visit', () => {
  const sc = defaultScenario()
  const v = visitsBetween(sc, Y(2045), Y(2045, 1))[0]
  it('descends the last 2 km in 90 s at constant deceleration, engine on, and stops at the pad', () => {
    const at = (s: number) => shipStateAt(v, v.tMs + s * 1000)!
    expect(at(-APPROACH_S).altitudeM).toBeCloseTo(APPROACH_M, 6)
    expect(at(-APPROACH_S).thrust).toBe(1)
    expect(at(-DESCENT_S).altitudeM).toBeCloseTo(22222, 0)
    // Thrust acceleration g + a stays below ~1.5 lunar g (a gentle, constant-thrust descent).
    const a = at(-10).speedMs - at(-11).speedMs
    expect(a).toBeCloseTo(at(-60).speedMs - at(-61).speedMs, 9)
    expect(a).toBeGreaterThan(0)
    expect(a + LUNAR_G_M_S2).toBeLessThan(1.5 * LUNAR_G_M_S2)
    expect(at(0).altitudeM).toBe(0)
    expect(at(0).speedMs).toBeCloseTo(0, 9)
    expect(at(3600).altitudeM).toBe(0)
    expect(at(3600).thrust).toBe(0)
    expect(shipStateAt(v, v.startMs - 1)).toBeNull()
    expect(shipStateAt(v, v.endMs)).toBeNull()
    expect(shipStateAt(v, v.liftoffMs + 60000)!.altitudeM).toBeGreaterThan(0)
  })
})

/** Launch schedule, builder, metrics and parameters of the constellation (src/sim/constellation). */
import { describe, expect, it } from 'vitest'
import { MS_PER_DAY } from '../../src/sim/constants'
import { buildForcedCount, ConstellationBuilder } from '../../src/sim/constellation/launches'
import { EARTH_DATA_CENTRES_W, constellationMetricsAt, radiatorFluxWM2, sizeSatellite } from '../../src/sim/constellation/metrics'
import { ELEMENT_STRIDE, countDeployedAt, positionEqjGpuLike } from '../../src/sim/constellation/orbits'
import { nearestSatelliteOnRay, rayEarthHitKm, type Triple } from '../../src/sim/constellation/pick'
import { DEPLOY_DELAY_MS, LaunchSchedule, recentLaunches } from '../../src/sim/constellation/schedule'
import { EARTH_RADIUS_KM } from '../../src/sim/constants'
import { vec3 } from '../../src/sim/vec'
import { presetScenario } from '../../src/sim/scenario/presets'
import type { Scenario } from '../../src/sim/scenario/schema'
import { defaultScenario, validateScenario } from '../../src/sim/scenario/validate'

const Y = (y: number) => Date.UTC(y, 0, 1)
type C = Scenario['constellation']
const withC = (patch: Partial<C>): Scenario => {
  const s = defaultScenario()
  s.constellation = { ...s.constellation, ...patch }
  return s
}

describe('launch arithmetic', () => {
  it('hourly × 200 t ≈ 1.75 Mt/yr (SOURCES §2)', () => {
    const s = withC({
      launchCadence: [[2026, 8766]],
      payloadT: [[2026, 200]],
      maxSatellites: 10_000_000,
      shells: defaultScenario().constellation.shells.map((x) => ({ ...x, targetCount: 10_000_000 })),
    })
    const m0 = constellationMetricsAt(s, Y(2027))
    expect(m0.launches).toBe(8766) // the cadence is flights per calendar year
    const m = constellationMetricsAt(s, Y(2028))
    const perYear = m.massToOrbitT - m0.massToOrbitT
    expect(perYear / 1e6).toBeCloseTo(1.75, 2)
  })
  it('the default ramp flies 20, 100 and 365 flights in 2026–2028', () => {
    const s = defaultScenario()
    const a = [Y(2027), Y(2028), Y(2029)].map((t) => constellationMetricsAt(s, t).launches)
    expect(a).toEqual([20, 120, 485])
  })
  it('sites alternate 50/50 and shells follow their shares', () => {
    const sch = new LaunchSchedule(defaultScenario().constellation)
    sch.extendTo(Y(2029))
    const sites = [0, 0]
    for (const L of sch.launches) sites[L.siteIndex]++
    expect(Math.abs(sites[0] - sites[1])).toBeLessThanOrEqual(1)
    const total = sch.satellitesGenerated
    defaultScenario().constellation.shells.forEach((sh, j) => {
      expect(Math.abs(sch.shellCounts[j] / total - sh.sharePct / 100)).toBeLessThan(0.01)
    })
  })
})

describe('ConstellationBuilder', () => {
  it('is deterministic', () => {
    const a = new ConstellationBuilder(defaultScenario()).advanceTo(Y(2029))
    const b = new ConstellationBuilder(defaultScenario()).advanceTo(Y(2029))
    expect(a.count).toBeGreaterThan(50_000)
    expect(Buffer.from(a.elements.buffer).equals(Buffer.from(b.elements.buffer))).toBe(true)
  })
  it('many small steps give exactly what one big step gives', () => {
    const big = new ConstellationBuilder(defaultScenario()).advanceTo(Y(2029) + 40 * MS_PER_DAY)
    const small = new ConstellationBuilder(defaultScenario())
    const parts: Float32Array[] = []
    let launches = 0
    for (let t = Y(2026); t <= Y(2029) + 40 * MS_PER_DAY; t += 3.7 * MS_PER_DAY) {
      const r = small.advanceTo(t)
      parts.push(r.elements)
      launches += r.launches.length
      small.advanceTo(t - 30 * MS_PER_DAY) // going back returns nothing new
    }
    const r = small.advanceTo(Y(2029) + 40 * MS_PER_DAY)
    parts.push(r.elements)
    launches += r.launches.length
    const joined = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
    let o = 0
    for (const p of parts) {
      joined.set(p, o)
      o += p.length
    }
    expect(launches).toBe(big.launches.length)
    expect(Buffer.from(joined.buffer).equals(Buffer.from(big.elements.buffer))).toBe(true)
  })
  it('is sorted by deployDays, deploys after liftoff and countDeployedAt agrees', () => {
    const b = new ConstellationBuilder(defaultScenario())
    const r = b.advanceTo(Y(2028) + 100 * MS_PER_DAY)
    for (let i = 1; i < r.count; i++) expect(r.elements[i * 4 + 3]).toBeGreaterThanOrEqual(r.elements[(i - 1) * 4 + 3])
    const L = b.schedule.launches
    for (const x of L) expect(x.deployMs - x.tMs).toBeCloseTo(DEPLOY_DELAY_MS, -4)
    const k = 200
    expect(countDeployedAt(r.elements, r.count, L[k].deployMs)).toBe(L[k].firstSatellite + L[k].satellites)
    expect(countDeployedAt(r.elements, r.count, L[k].deployMs - 60e3)).toBe(L[k].firstSatellite)
  })
  it('respects the cap and shell targets', () => {
    // The cap bounds the satellites in orbit at once; retired ones are replaced (constellation-life.test.ts).
    const s = withC({ maxSatellites: 12_345 })
    const r = new ConstellationBuilder(s).advanceTo(Y(2028))
    expect(r.count).toBe(12_345)
    expect(constellationMetricsAt(s, Y(2040)).satellites).toBeLessThanOrEqual(12_345)
    const shells = defaultScenario().constellation.shells.map((x, j) => ({ ...x, targetCount: j === 0 ? 500 : x.targetCount }))
    const sch = new LaunchSchedule(withC({ shells }).constellation)
    sch.extendTo(Y(2029))
    expect(sch.shellCounts[0]).toBe(500)
    expect(constellationMetricsAt(defaultScenario(), Y(2030)).satellites).toBe(1_000_000)
  })
  it('elements hold shell, angles in [0, 2π) and float32 days', () => {
    const r = new ConstellationBuilder(defaultScenario()).advanceTo(Y(2027))
    for (let i = 0; i < r.count; i++) {
      const o = i * ELEMENT_STRIDE
      expect(Number.isInteger(r.elements[o])).toBe(true)
      expect(r.elements[o + 1]).toBeGreaterThanOrEqual(0)
      expect(r.elements[o + 2]).toBeLessThanOrEqual(2 * Math.PI + 1e-6)
    }
  })
  it('builds 1,000,000 satellites quickly (measured)', () => {
    const t0 = performance.now()
    const f = buildForcedCount(defaultScenario(), 1_000_000)
    const ms = performance.now() - t0
    console.log(`buildForcedCount(1e6): ${ms.toFixed(0)} ms`)
    expect(f.count).toBe(1_000_000)
    expect(f.elements[3]).toBe(0)
    expect(f.elements[(f.count - 1) * 4 + 3]).toBe(0)
    expect(ms).toBeLessThan(5000) // generous bound for slow CI; the benchmark figure is ~50 ms
  })
})

describe('metrics and sizing', () => {
  it('reach 100 GW with a million 100-kW satellites, ≈ 2.1 × Earth data centres', () => {
    // 1 January 2030: the first generation fills the cap; the second flies from 2030 (constellation-life.test.ts).
    const m = constellationMetricsAt(defaultScenario(), Y(2030))
    expect(m.satellites).toBe(1_000_000)
    expect(m.orbitalComputeW).toBe(1e11)
    expect(m.dataCentreRatio).toBeCloseTo(1e11 / EARTH_DATA_CENTRES_W, 9)
    expect(m.massToOrbitT).toBe(1_000_000)
  })
  it('radiator: 633 W/m² net two-sided at 293 K, ε 0.92 (SOURCES §1); array 334 m² for 100 kW at 22 %', () => {
    const c = defaultScenario().constellation
    expect(radiatorFluxWM2(c)).toBeCloseTo(633, 6)
    const z = sizeSatellite(c)
    expect(z.arrayAreaM2).toBeCloseTo(1e5 / (0.22 * 1360.8), 6)
    expect(z.radiatorAreaM2).toBeCloseTo(1e5 / 633, 6)
    expect(z.wingLengthM * z.wingWidthM * 2).toBeCloseTo(z.arrayAreaM2, 6)
    expect(z.busEdgeM).toBeGreaterThan(1)
  })
  it('nothing before the first launch; the conservative preset is slower and weaker', () => {
    expect(constellationMetricsAt(defaultScenario(), Y(2026)).launches).toBe(0)
    const c = presetScenario('conservative')!
    const a = constellationMetricsAt(c, Y(2031))
    const b = constellationMetricsAt(defaultScenario(), Y(2031))
    expect(a.orbitalComputeW).toBeLessThan(b.orbitalComputeW / 4)
  })
})

describe('parameters', () => {
  it('rejects shares that do not add up to 100 %', () => {
    const d = defaultScenario()
    const shells = d.constellation.shells.map((x) => ({ ...x, sharePct: 10 }))
    const r = validateScenario({ constellation: { shells } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0].path).toBe('constellation.shells')
    const r2 = validateScenario({ constellation: { sites: [{ site: 'starbase', latDeg: 26, lonDeg: -97, sharePct: 60 }] } })
    expect(r2.ok).toBe(false)
  })
  it('rejects more than 16 shells and out-of-range altitudes', () => {
    const one = defaultScenario().constellation.shells[0]
    expect(validateScenario({ constellation: { shells: Array.from({ length: 17 }, () => ({ ...one, sharePct: 100 / 17 })) } }).ok).toBe(false)
    expect(validateScenario({ constellation: { shells: [{ ...one, altitudeKm: 2500, sharePct: 100 }] } }).ok).toBe(false)
    expect(validateScenario({ constellation: { shells: [{ ...one, sharePct: 100 }] } }).ok).toBe(true)
  })
})

describe('picking and recent launches', () => {
  const tMs = Y(2027) + 45 * MS_PER_DAY
  const b = new ConstellationBuilder(defaultScenario())
  const r = b.advanceTo(tMs)
  const shells = b.schedule.rates

  it('a ray from outside straight at a satellite picks it; the same ray from behind the Earth does not', () => {
    expect(r.count).toBeGreaterThan(100)
    for (const i of [0, 17, r.count - 1]) {
      const p = positionEqjGpuLike(r.elements, i, shells, tMs, vec3())
      const near: Triple = [p.x * 2, p.y * 2, p.z * 2]
      expect(nearestSatelliteOnRay(r.elements, r.count, shells, tMs, near, [-p.x, -p.y, -p.z], 1e-6)).toBe(i)
      // From the far side, through the Earth, with satellite i alone (no other on the line): hidden.
      const alone = r.elements.slice(i * ELEMENT_STRIDE, (i + 1) * ELEMENT_STRIDE)
      const far: Triple = [-p.x * 3, -p.y * 3, -p.z * 3]
      expect(nearestSatelliteOnRay(alone, 1, shells, tMs, near, [-p.x, -p.y, -p.z], 1e-6)).toBe(0)
      expect(nearestSatelliteOnRay(alone, 1, shells, tMs, far, [p.x, p.y, p.z], 1e-6)).toBe(-1)
      // Pointing away: nothing in front.
      expect(nearestSatelliteOnRay(r.elements, r.count, shells, tMs, near, [p.x, p.y, p.z], 1e-6)).toBe(-1)
    }
  })

  it('finds where a ray meets the Earth', () => {
    expect(rayEarthHitKm([3 * EARTH_RADIUS_KM, 0, 0], -1, 0, 0)).toBeCloseTo(2 * EARTH_RADIUS_KM, 6)
    expect(rayEarthHitKm([3 * EARTH_RADIUS_KM, 0, 0], 1, 0, 0)).toBe(Infinity)
    expect(rayEarthHitKm([3 * EARTH_RADIUS_KM, 2 * EARTH_RADIUS_KM, 0], -1, 0, 0)).toBe(Infinity)
  })

  it('recent launches: the last day up to t, oldest first, at most max, same as a linear scan', () => {
    const L = b.schedule.launches
    for (const t of [Y(2026), Y(2027) + 0.3 * MS_PER_DAY, tMs, tMs - 12.5 * MS_PER_DAY]) {
      const scan = L.filter((e) => e.tMs <= t && t - e.tMs <= MS_PER_DAY)
      expect(recentLaunches(L, t, MS_PER_DAY, 1000)).toEqual(scan)
      expect(recentLaunches(L, t, MS_PER_DAY, 2)).toEqual(scan.slice(-2))
    }
  })
})

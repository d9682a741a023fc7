/** Orbit formulas (src/sim/constellation/orbits.ts) against vis-viva, J2 and the Sun. */
import { describe, expect, it } from 'vitest'
import { DEG, MS_PER_DAY, SSO_NODAL_RATE_DEG_PER_DAY } from '../../src/sim/constants'
import {
  CONSTELLATION_EPOCH_MS,
  ELEMENT_STRIDE,
  circularSpeedMs,
  nodalDriftDegPerDay,
  orbitalPeriodS,
  planeNormal,
  positionEqjExact,
  positionEqjGpuLike,
  reduceShellAngles,
  reducedAngle,
  shellRates,
  ssoInclinationDeg,
  writeShellUniforms,
} from '../../src/sim/constellation/orbits'
import { sunGeocentricKm } from '../../src/sim/ephemeris'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { buildForcedCount, ConstellationBuilder } from '../../src/sim/constellation/launches'
import { sunRaAtEpoch } from '../../src/sim/constellation/schedule'
import { dot, norm, vec3, wrapTwoPi } from '../../src/sim/vec'

const YEAR_MS = 365.25 * MS_PER_DAY

describe('circular orbits', () => {
  it('650 km: period 97.7 min and 7.53 km/s (SOURCES §1)', () => {
    expect(orbitalPeriodS(650) / 60).toBeCloseTo(97.7, 1)
    expect(circularSpeedMs(650) / 1000).toBeCloseTo(7.53, 2)
  })
  it('SSO inclination at 650 km ≈ 97.99° (SOURCES §1)', () => {
    expect(Math.abs(ssoInclinationDeg(650) - 97.99)).toBeLessThan(0.05)
    expect(ssoInclinationDeg(2000)).toBeGreaterThan(ssoInclinationDeg(650))
  })
  it('SSO nodal drift = 0.9856°/day within 0.5 %, and a 30° shell precesses westward', () => {
    for (const alt of [500, 650, 1000, 2000]) {
      const d = nodalDriftDegPerDay(alt, ssoInclinationDeg(alt))
      expect(Math.abs(d / 0.9856 - 1)).toBeLessThan(0.005)
      expect(d).toBeCloseTo(SSO_NODAL_RATE_DEG_PER_DAY, 9)
    }
    // 550 km, 30°: about −6.3°/day (J2 closed form).
    expect(nodalDriftDegPerDay(550, 30)).toBeLessThan(-6)
    expect(nodalDriftDegPerDay(550, 30)).toBeGreaterThan(-6.6)
  })
  it('careful angle reduction matches a naive float64 product near the epoch and stays in [0, 2π)', () => {
    const r = shellRates({ altitudeKm: 650, inclinationMode: 'sso', inclinationDeg: 0 })
    for (const dt of [0, 1, 3600.5, 86400 * 17.25, -5000]) {
      expect(reducedAngle(r.uRate, dt)).toBeCloseTo(wrapTwoPi(r.uRate * dt), 9)
    }
    const a = { raanOffset: 0, uOffset: 0 }
    reduceShellAngles(r, CONSTELLATION_EPOCH_MS + 30 * YEAR_MS, a)
    expect(a.uOffset).toBeGreaterThanOrEqual(0)
    expect(a.uOffset).toBeLessThan(2 * Math.PI)
  })
})

describe('dawn–dusk SSO stays on the terminator', () => {
  it("the plane normal's right ascension tracks the Sun's within a few degrees over a year", () => {
    const r = shellRates({ altitudeKm: 650, inclinationMode: 'sso', inclinationDeg: 0 })
    const raan0 = sunRaAtEpoch() + 90 * DEG // ascending node at 18:00 local time
    const n = vec3()
    const sun = vec3()
    let worstRa = 0
    let worst3d = 0
    for (let d = 0; d <= 365; d += 5) {
      const t = CONSTELLATION_EPOCH_MS + d * MS_PER_DAY
      planeNormal(raan0 + r.raanRate * (d * 86400), r.inclinationRad, n)
      sunGeocentricKm(t, sun)
      const dRa = Math.abs(((Math.atan2(n.y, n.x) - Math.atan2(sun.y, sun.x) + 3 * Math.PI) % (2 * Math.PI)) - Math.PI) / DEG
      worstRa = Math.max(worstRa, dRa)
      worst3d = Math.max(worst3d, Math.acos(dot(n, sun) / norm(sun)) / DEG)
    }
    // The Sun's RA departs from the mean Sun's by the equation of time (≤ 16.5 min ≈ 4.1°).
    expect(worstRa).toBeLessThan(6)
    // In 3D the Sun's declination (±23.4°) adds to the normal's −8°: never beyond ~32°, and the plane stays sunlit.
    expect(worst3d).toBeLessThan(33)
  })
})

describe('GPU-like (float32) positions match the float64 reference', () => {
  const s = defaultScenario()
  const b = new ConstellationBuilder(s, { exact: true })
  const r = b.advanceTo(Date.UTC(2029, 6, 1))
  const rates = b.schedule.rates
  it.each([0, 1, 5, 10, 20, 30])('within 1 km %d years after the epoch', (years) => {
    const t = CONSTELLATION_EPOCH_MS + years * YEAR_MS + 12345.678e3
    const a = vec3()
    const e = vec3()
    let worst = 0
    const step = Math.max(1, Math.floor(r.count / 2000))
    for (let i = 0; i < r.count; i += step) {
      positionEqjGpuLike(r.elements, i, rates, t, a)
      positionEqjExact(r.exact!, i, rates, t, e)
      worst = Math.max(worst, Math.hypot(a.x - e.x, a.y - e.y, a.z - e.z))
    }
    expect(worst).toBeLessThan(1)
    expect(Math.hypot(e.x, e.y, e.z)).toBeCloseTo(rates[Math.round(r.exact![(r.count - 1) * ELEMENT_STRIDE])].radiusKm, 6)
  })
  it('writeShellUniforms gives the angles the GPU-like path uses', () => {
    const geom = new Float32Array(64)
    const ang = new Float32Array(64)
    const t = CONSTELLATION_EPOCH_MS + 30 * YEAR_MS
    writeShellUniforms(rates, t, geom, ang)
    const a = { raanOffset: 0, uOffset: 0 }
    reduceShellAngles(rates[2], t, a)
    expect(ang[8]).toBe(Math.fround(a.raanOffset))
    expect(ang[9]).toBe(Math.fround(a.uOffset))
    expect(geom[8]).toBe(Math.fround(rates[2].radiusKm))
  })
  it('forced counts place satellites on their shells', () => {
    const f = buildForcedCount(s, 1000, { exact: true })
    const e = vec3()
    positionEqjExact(f.exact!, 999, rates, CONSTELLATION_EPOCH_MS, e)
    expect(norm(e)).toBeGreaterThan(6378 + 500)
  })
})

import { describe, expect, it } from 'vitest'
import { Dopri5 } from '../../src/sim/massDriver/integrator'
import { MOON_TABLE, secondsSinceJ2000, twoBodyEnergy, twoBodyForces } from '../../src/sim/massDriver/forces'
import { launchState, simulateShot, L2_CATCH_RADIUS_KM, L2_CATCH_SPEED_KMS } from '../../src/sim/massDriver/shot'
import { MOON_GM_KM3_S2, MOON_RADIUS_KM } from '../../src/sim/constants'
import { vec3 } from '../../src/sim/vec'

const T0 = Date.UTC(2035, 0, 1)
const DAY = 86400

/** Moon-only field (fixed Moon, two-body): a vertical shot from the muzzle, followed for `days`. */
function verticalMoonOnly(speedMs: number, days: number) {
  const y = launchState(T0, { exitSpeedMs: speedMs, azimuthDeg: 0, elevationDeg: 90 })
  const m = vec3(),
    v = vec3()
  MOON_TABLE.at(secondsSinceJ2000(T0), m, v)
  const y0 = [y[0] - m.x, y[1] - m.y, y[2] - m.z, y[3] - v.x, y[4] - v.y, y[5] - v.z]
  const s = new Dopri5(6, twoBodyForces(MOON_GM_KM3_S2), { rtol: 1e-10, atol: 1e-9 })
  s.init(0, y0, days * DAY)
  let impactDays: number | null = null,
    maxR = 0
  while (s.step(days * DAY)) {
    const r = Math.hypot(s.y[0], s.y[1], s.y[2])
    maxR = Math.max(maxR, r)
    if (r < MOON_RADIUS_KM) {
      impactDays = s.t / DAY
      break
    }
  }
  return { impactDays, maxR, energy: twoBodyEnergy(y0, MOON_GM_KM3_S2) }
}

describe('Moon-only field at the thresholds of the issue (escape 2.38 km/s, SOURCES §3)', () => {
  it('2.37 km/s straight up climbs ~470,000 km and falls back (≈ 120 days)', () => {
    const r = verticalMoonOnly(2370, 200)
    expect(r.energy).toBeLessThan(0)
    // Radial orbit: apoapsis μ/|ε| from the Moon's centre.
    expect(r.maxR / (MOON_GM_KM3_S2 / -r.energy)).toBeCloseTo(1, 3)
    expect(r.impactDays).not.toBeNull()
    expect(r.impactDays!).toBeGreaterThan(100)
    expect(r.impactDays!).toBeLessThan(140)
  })
  it('2.39 km/s straight up never comes back', () => {
    const r = verticalMoonOnly(2390, 200)
    expect(r.energy).toBeGreaterThan(0)
    expect(r.impactDays).toBeNull()
    expect(r.maxR).toBeGreaterThan(2e6)
  })
})

describe('simulateShot outcomes (Sun, Earth and Moon)', () => {
  it("'l2': a catcher at Earth–Moon L2 catches 2.34 km/s aimed north at 40° elevation within 3 days", () => {
    const aim = { exitSpeedMs: 2340, azimuthDeg: 0, elevationDeg: 40 }
    const r = simulateShot(T0, { ...aim, target: 'l2' }, { days: 20 })
    expect(r.outcome).toBe('l2')
    expect(r.l2Closest.distanceKm).toBeLessThan(L2_CATCH_RADIUS_KM)
    expect(r.l2Closest.relSpeedKmS).toBeLessThan(L2_CATCH_SPEED_KMS)
    expect(r.l2Closest.timeDays).toBeLessThan(3)
    expect(r.endMs - r.launchMs).toBeCloseTo(r.l2Closest.timeDays * DAY * 1000, -3)
    // Without a catcher the same shot drifts on in the Earth–Moon system.
    const free = simulateShot(T0, { ...aim, target: 'heliocentric' }, { days: 20 })
    expect(free.outcome).toBe('earth-orbit')
  })

  it("'lunar-orbit': 2.36 km/s at azimuth 60° is still bound to the Moon after 30 days (a temporary capture)", () => {
    const r = simulateShot(T0, { exitSpeedMs: 2360, azimuthDeg: 60, elevationDeg: 0 }, { days: 30 })
    expect(r.outcome).toBe('lunar-orbit')
    // Earth's pull frees it later: by 60 days it orbits the Earth.
    expect(simulateShot(T0, { exitSpeedMs: 2360, azimuthDeg: 60, elevationDeg: 0 }, { days: 60 }).outcome).toBe('earth-orbit')
  })

  it('2.5 km/s prograde (47°, the default) leaves the Earth–Moon system for every launch date through a month', () => {
    for (let d = 0; d < 28; d += 3.5) {
      const r = simulateShot(T0 + d * DAY * 1000, { exitSpeedMs: 2500, azimuthDeg: 47, elevationDeg: 0 })
      expect(r.outcome).toBe('heliocentric')
      expect(r.escapeTimeDays!).toBeGreaterThan(5)
      expect(r.escapeTimeDays!).toBeLessThan(40)
      expect(r.heliocentric!.aAu).toBeGreaterThan(0.8)
      expect(r.heliocentric!.aAu).toBeLessThan(1.3)
    }
  })

  it('2.41 km/s prograde (the patched-conic threshold, SOURCES §4) never falls back; whether it escapes depends on the date', () => {
    const a = simulateShot(T0, { exitSpeedMs: 2410, azimuthDeg: 47, elevationDeg: 0 })
    const b = simulateShot(Date.UTC(2040, 0, 1), { exitSpeedMs: 2410, azimuthDeg: 47, elevationDeg: 0 })
    expect(a.outcome).toBe('heliocentric')
    expect(b.outcome).toBe('earth-orbit')
    expect(b.maxEarthDistanceKm).toBeGreaterThan(400000)
  })
})

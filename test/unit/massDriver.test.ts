import { describe, expect, it } from 'vitest'
import { Dopri5 } from '../../src/sim/massDriver/integrator'
import { MOON_TABLE, secondsSinceJ2000, twoBodyEnergy, twoBodyForces } from '../../src/sim/massDriver/forces'
import { heliocentricElements, launchState, progradeAzimuthDeg, simulateShot, EARTH_HILL_RADIUS_KM, MOON_SOI_KM } from '../../src/sim/massDriver/shot'
import { meanPowerW, trackFigures } from '../../src/sim/massDriver/track'
import { defaultMassDriverParams, massDriverSchema } from '../../src/sim/massDriver/params'
import { G0_M_S2, MOON_GM_KM3_S2, MOON_RADIUS_KM } from '../../src/sim/constants'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { presetScenario } from '../../src/sim/scenario/presets'
import { vec3 } from '../../src/sim/vec'

const T0 = Date.UTC(2035, 0, 1)
const DAY = 86400

/** Selenocentric launch state (the Moon fixed, inertial): the muzzle state minus the Moon's. */
function selenocentric(tMs: number, speedMs: number, azimuthDeg: number, elevationDeg: number): number[] {
  const y = launchState(tMs, { exitSpeedMs: speedMs, azimuthDeg, elevationDeg })
  const m = vec3(),
    v = vec3()
  MOON_TABLE.at(secondsSinceJ2000(tMs), m, v)
  return [y[0] - m.x, y[1] - m.y, y[2] - m.z, y[3] - v.x, y[4] - v.y, y[5] - v.z]
}

/** Moon-only field, 30 days: did it hit the surface, and the final distance and energy. */
function moonOnly(speedMs: number, elevationDeg: number) {
  const s = new Dopri5(6, twoBodyForces(MOON_GM_KM3_S2), { rtol: 1e-10, atol: 1e-9 })
  const y0 = selenocentric(T0, speedMs, 47, elevationDeg)
  s.init(0, y0, 30 * DAY)
  let impact = false
  while (s.step(30 * DAY)) {
    if (Math.hypot(s.y[0], s.y[1], s.y[2]) < MOON_RADIUS_KM) {
      impact = true
      break
    }
  }
  return { impact, r: Math.hypot(s.y[0], s.y[1], s.y[2]), energy: twoBodyEnergy(s.y, MOON_GM_KM3_S2), e0: twoBodyEnergy(y0, MOON_GM_KM3_S2) }
}

describe('mass-driver track physics (SOURCES §4)', () => {
  it('L = v²/2a, time v/a, energy ½mv², powers exact', () => {
    const f = trackFigures({ exitSpeedMs: 2400, accelerationG: 100, payloadKg: 1000, efficiency: 0.6 })
    const a = 100 * G0_M_S2
    expect(f.lengthM).toBe((2400 * 2400) / (2 * a))
    expect(f.timeOnTrackS).toBe(2400 / a)
    expect(f.energyPerShotJ).toBe(0.5 * 1000 * 2400 * 2400)
    expect(f.peakPowerW).toBe((1000 * a * 2400) / 0.6)
    expect(f.lengthM / 1000).toBeCloseTo(2.94, 2) // SOURCES §4: 2.9 km at 100 g
    expect(trackFigures({ exitSpeedMs: 2400, accelerationG: 30, payloadKg: 1, efficiency: 1 }).lengthM / 1000).toBeCloseTo(9.8, 1)
    // SOURCES §4: 1 TW/yr ≈ 1 GW of muzzle power at 2.5 km/s with one 1-t shot every 3.2 s (≈ 1,125/h).
    expect(meanPowerW({ exitSpeedMs: 2500, accelerationG: 100, payloadKg: 1000, efficiency: 1 }, 3600 / 3.2) / 1e9).toBeCloseTo(0.98, 2)
  })

  it('the schema defaults validate and the group is in the scenario and the conservative preset', () => {
    const s = defaultScenario() as unknown as { massDriver: { exitSpeedMs: number } }
    expect(s.massDriver.exitSpeedMs).toBe(2500)
    const c = presetScenario('conservative') as unknown as { massDriver: { accelerationG: number } }
    expect(c.massDriver.accelerationG).toBe(30)
    expect(defaultMassDriverParams().azimuthDeg).toBe(massDriverSchema.azimuthDeg.default)
  })
})

describe('launch state on the rotating, orbiting Moon', () => {
  it('starts at the muzzle with the exit speed relative to the ground', () => {
    const rel = selenocentric(T0, 2410, 47, 0)
    expect(Math.hypot(rel[0], rel[1], rel[2])).toBeCloseTo(MOON_RADIUS_KM + 1.9, 3) // BASE_SITE ridge height
    // ω × r is only ~0.04 m/s this close to the pole (r⊥ ≈ 17 km); relative speed ≈ exit speed.
    expect(Math.abs(Math.hypot(rel[3], rel[4], rel[5]) - 2.41)).toBeLessThan(1e-4)
    // Horizontal: velocity ⟂ radius.
    expect(Math.abs(rel[0] * rel[3] + rel[1] * rel[4] + rel[2] * rel[5])).toBeLessThan(1e-3 * 1739 * 2.41)
  })

  it('the default azimuth 47° is within 5° of prograde through a month', () => {
    for (let d = 0; d < 28; d += 3) expect(Math.abs(progradeAzimuthDeg(T0 + d * DAY * 1000) - 47)).toBeLessThan(5)
  })
})

describe('Moon-only field (escape 2.38 km/s, SOURCES §3)', () => {
  it('2.36 km/s does not escape: it falls back', () => {
    const r = moonOnly(2360, 45)
    expect(r.e0).toBeLessThan(0)
    expect(r.impact).toBe(true)
  })
  it('2.40 km/s escapes: positive energy, far away after 30 days', () => {
    const r = moonOnly(2400, 0)
    expect(r.e0).toBeGreaterThan(0)
    expect(r.impact).toBe(false)
    expect(r.r).toBeGreaterThan(500000)
    expect(Math.abs(r.energy / r.e0 - 1)).toBeLessThan(1e-6)
  })
  it('the threshold lies between 2.37 and 2.39 km/s', () => {
    expect(twoBodyEnergy(selenocentric(T0, 2370, 47, 0), MOON_GM_KM3_S2)).toBeLessThan(0)
    expect(twoBodyEnergy(selenocentric(T0, 2390, 47, 0), MOON_GM_KM3_S2)).toBeGreaterThan(0)
  })
})

describe('simulateShot: Sun, Earth and Moon', () => {
  it('1.5 km/s falls back onto the Moon within minutes', () => {
    const r = simulateShot(T0, { exitSpeedMs: 1500, azimuthDeg: 90, elevationDeg: 0 })
    expect(r.outcome).toBe('impact')
    expect(r.impact?.body).toBe('moon')
    expect(r.impact!.timeDays * 1440).toBeLessThan(10)
    expect(r.escapeTimeDays).toBeNull()
    expect(r.heliocentric).toBeNull()
  })

  it('2.5 km/s at azimuth 90° (the CLI example) escapes to a heliocentric orbit near 1 AU', () => {
    const r = simulateShot(T0, { exitSpeedMs: 2500, azimuthDeg: 90, elevationDeg: 0 }, { days: 60 })
    expect(r.outcome).toBe('heliocentric')
    expect(r.escapeTimeDays).toBeGreaterThan(5)
    expect(r.escapeTimeDays).toBeLessThan(40)
    expect(r.maxEarthDistanceKm).toBeGreaterThan(EARTH_HILL_RADIUS_KM)
    const h = r.heliocentric!
    expect(h.aAu).toBeGreaterThan(0.85)
    expect(h.aAu).toBeLessThan(1.15)
    expect(h.iDeg).toBeLessThan(5)
    expect(h.perihelionAu).toBeLessThan(h.aphelionAu!)
    expect(r.samples.tMs.length).toBeLessThanOrEqual(501)
    expect(r.samples.posKm.length).toBe(3 * r.samples.tMs.length)
  })

  it('3.3 km/s prograde escapes faster (Mars-transfer energy, SOURCES §4)', () => {
    const r = simulateShot(T0, { exitSpeedMs: 3300, azimuthDeg: 47, elevationDeg: 0 })
    expect(r.outcome).toBe('heliocentric')
    expect(r.escapeTimeDays).toBeLessThan(10)
    expect(r.heliocentric!.e).toBeGreaterThan(0.05)
  })

  it('2.3 km/s (below lunar escape) never leaves the Earth–Moon system; 2.35 km/s stays bound', () => {
    const a = simulateShot(T0, { exitSpeedMs: 2300, azimuthDeg: 47, elevationDeg: 0 })
    expect(['impact', 'lunar-orbit']).toContain(a.outcome)
    const b = simulateShot(T0, { exitSpeedMs: 2350, azimuthDeg: 300, elevationDeg: 9 }, { days: 20 })
    expect(['lunar-orbit', 'earth-orbit', 'impact']).toContain(b.outcome)
    expect(b.maxEarthDistanceKm).toBeLessThan(EARTH_HILL_RADIUS_KM)
    expect(MOON_SOI_KM).toBeGreaterThan(66000)
  })

  it('is deterministic', () => {
    const p = { exitSpeedMs: 2410, azimuthDeg: 47, elevationDeg: 0 }
    const a = simulateShot(T0, p, { days: 30 })
    const b = simulateShot(T0, p, { days: 30 })
    expect(Array.from(a.endState)).toEqual(Array.from(b.endState))
    expect(Array.from(a.samples.posKm)).toEqual(Array.from(b.samples.posKm))
  })

  it('heliocentric elements of the geocentre are Earth’s (a ≈ 1 AU, e ≈ 0.0167, i ≈ 0)', () => {
    const h = heliocentricElements(T0, [0, 0, 0, 0, 0, 0])
    expect(h.aAu).toBeCloseTo(1, 1)
    expect(h.e).toBeGreaterThan(0.01)
    expect(h.e).toBeLessThan(0.025) // Earth–Moon wobble on top of 0.0167
    expect(h.iDeg).toBeLessThan(0.01)
  })
})

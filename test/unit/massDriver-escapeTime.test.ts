/**
 * The escape instant of a shot (issue 10): located on the integrator's dense output, within a
 * minute of a fine fixed-step reference (classical RK4 at 20 s in the same force field, the
 * crossing interpolated linearly between steps). Before, escape was tested only at step ends,
 * 0.5–1 day apart far from Earth, and reported up to 1.8 days late.
 */
import { describe, expect, it } from 'vitest'
import { EARTH_GM_KM3_S2, SECONDS_PER_DAY } from '../../src/sim/constants'
import { CACHED_BODIES, ephemerisForces, secondsSinceJ2000 } from '../../src/sim/massDriver/forces'
import { EARTH_HILL_RADIUS_KM, launchState, simulateShot } from '../../src/sim/massDriver/shot'

const f = ephemerisForces(CACHED_BODIES)

/** Escape condition g(y) > 0 ⇔ past the Hill radius with positive geocentric energy; returns r − R_H, or −1 when bound. */
function margin(y: Float64Array): number {
  const r = Math.hypot(y[0], y[1], y[2])
  const en = 0.5 * (y[3] ** 2 + y[4] ** 2 + y[5] ** 2) - EARTH_GM_KM3_S2 / r
  return en > 0 ? r - EARTH_HILL_RADIUS_KM : -1
}

/** Fixed-step RK4 reference: the first escape time, days after launch, or null within `days`. */
function referenceEscapeDays(tMs: number, aim: Parameters<typeof launchState>[1], days: number, h = 20): number | null {
  const t0 = secondsSinceJ2000(tMs)
  let y = launchState(tMs, aim)
  const k1 = new Float64Array(6),
    k2 = new Float64Array(6),
    k3 = new Float64Array(6),
    k4 = new Float64Array(6),
    tmp = new Float64Array(6)
  let t = t0
  let gPrev = margin(y)
  while (t < t0 + days * SECONDS_PER_DAY) {
    f(t, y, k1)
    for (let i = 0; i < 6; i++) tmp[i] = y[i] + 0.5 * h * k1[i]
    f(t + 0.5 * h, tmp, k2)
    for (let i = 0; i < 6; i++) tmp[i] = y[i] + 0.5 * h * k2[i]
    f(t + 0.5 * h, tmp, k3)
    for (let i = 0; i < 6; i++) tmp[i] = y[i] + h * k3[i]
    f(t + h, tmp, k4)
    const next = new Float64Array(6)
    for (let i = 0; i < 6; i++) next[i] = y[i] + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i])
    const g = margin(next)
    if (g > 0) {
      // Linear interpolation of r − R_H across the step (bound before: gPrev ≤ 0).
      const frac = gPrev < 0 && gPrev !== -1 ? -gPrev / (g - gPrev) : 1
      return (t + frac * h - t0) / SECONDS_PER_DAY
    }
    gPrev = g
    y = next
    t += h
  }
  return null
}

describe('escape time on the dense output (within a minute of a fine fixed-step reference)', () => {
  const cases: [string, number, number, number][] = [
    ['2.5 km/s at 47°, Jan 2040', Date.UTC(2040, 0, 15), 2500, 47],
    ['3.0 km/s at 47°, Jul 2045', Date.UTC(2045, 6, 1), 3000, 47],
    ['2.5 km/s at 90°, Jan 2035 (the CLI example)', Date.UTC(2035, 0, 1), 2500, 90],
  ]
  it.each(cases)('%s', (_name, tMs, v, az) => {
    const aim = { exitSpeedMs: v, azimuthDeg: az, elevationDeg: 0, target: 'heliocentric' as const }
    const r = simulateShot(tMs, aim, { days: 60 })
    const ref = referenceEscapeDays(tMs, aim, 60)
    expect(ref).not.toBeNull()
    expect(r.escapeTimeDays).not.toBeNull()
    const errS = Math.abs((r.escapeTimeDays as number) - (ref as number)) * SECONDS_PER_DAY
    console.log(`${_name}: escape ${r.escapeTimeDays?.toFixed(5)} d, reference ${ref?.toFixed(5)} d, |Δ| ${errS.toFixed(3)} s`)
    expect(errS).toBeLessThan(60)
  })
})

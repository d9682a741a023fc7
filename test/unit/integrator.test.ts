import { describe, expect, it } from 'vitest'
import { Dopri5, integrate } from '../../src/sim/massDriver/integrator'
import { CR3BP_MU, cr3bpForces, jacobiConstant, twoBodyEnergy, twoBodyForces } from '../../src/sim/massDriver/forces'
import { elementsFromState, meanMotion, positionFromElements } from '../../src/sim/kepler'
import { MOON_GM_KM3_S2, MOON_RADIUS_KM } from '../../src/sim/constants'

const MU = MOON_GM_KM3_S2 // SOURCES §3
const DAY = 86400

/** An inclined eccentric lunar orbit: periapsis 2,000 km from the centre, e = 0.6. */
function ellipse(): number[] {
  const rp = 2000,
    e = 0.6
  const vp = Math.sqrt((MU * (1 + e)) / rp)
  const c = Math.cos(0.5),
    s = Math.sin(0.5)
  return [rp, 0, 0, 0, vp * c, vp * s]
}

describe('Dormand–Prince 5(4)', () => {
  it('conserves two-body energy to 1e-6 relative over 30 days', () => {
    const y0 = ellipse()
    const e0 = twoBodyEnergy(y0, MU)
    const s = new Dopri5(6, twoBodyForces(MU), { rtol: 1e-10, atol: 1e-10 })
    s.init(0, y0, 30 * DAY)
    let worst = 0
    while (s.step(30 * DAY)) worst = Math.max(worst, Math.abs(twoBodyEnergy(s.y, MU) / e0 - 1))
    expect(worst).toBeLessThan(1e-6)
    expect(s.t).toBe(30 * DAY)
  })

  it('conserves the CR3BP Jacobi constant to 1e-6 relative over 30 days (rotating frame)', () => {
    // A lunar orbit 10,000 km from the Moon's centre (dimensionless: L = 384,400 km, SOURCES §3).
    const L = 384400
    const n = Math.sqrt((398600.4418 + MU) / L ** 3) // rad/s, SOURCES §3/§6 GMs
    const d = 10000 / L
    const vCirc = Math.sqrt(CR3BP_MU / d) // circular about the Moon, inertial → rotating: minus ω × r
    const y0 = [1 - CR3BP_MU + d, 0, 0, 0, vCirc - d, 0]
    const c0 = jacobiConstant(y0)
    const tEnd = 30 * DAY * n
    const s = new Dopri5(6, cr3bpForces(), { rtol: 1e-11, atol: 1e-13 })
    s.init(0, y0, tEnd)
    let worst = 0,
      minMoon = Infinity
    while (s.step(tEnd)) {
      worst = Math.max(worst, Math.abs(jacobiConstant(s.y) / c0 - 1))
      minMoon = Math.min(minMoon, Math.hypot(s.y[0] - 1 + CR3BP_MU, s.y[1], s.y[2]) * L)
    }
    expect(minMoon).toBeGreaterThan(MOON_RADIUS_KM)
    expect(worst).toBeLessThan(1e-6)
  })

  it('holds its tolerance: rtol 1e-8 against a reference at 100× tighter, and against Kepler', () => {
    const y0 = ellipse()
    const T = 10 * DAY
    const f = twoBodyForces(MU)
    const loose = integrate(f, 0, y0, T, { rtol: 1e-8, atol: 1e-8 })
    const ref = integrate(f, 0, y0, T, { rtol: 1e-10, atol: 1e-10 })
    const el = elementsFromState(y0.slice(0, 3), y0.slice(3), MU)
    const exact = [0, 0, 0]
    positionFromElements(el, el.M + meanMotion(el.a, MU) * T, exact)
    const errLoose = Math.hypot(loose.y[0] - ref.y[0], loose.y[1] - ref.y[1], loose.y[2] - ref.y[2])
    const errRef = Math.hypot(ref.y[0] - exact[0], ref.y[1] - exact[1], ref.y[2] - exact[2])
    const orbits = T / ((2 * Math.PI) / meanMotion(el.a, MU))
    // Global error ≲ tolerance × size × number of revolutions (local control accumulates per orbit).
    const scale = el.a * orbits
    // Along-track (phase) error grows ~ linearly with revolutions on this e = 0.6 orbit: measured
    // errLoose/scale ≈ 1.1e-6 and errRef/scale ≈ 1e-8 — both ≈ 100 × rtol, the factor stays fixed.
    expect(errLoose / scale).toBeLessThan(1e-8 * 300)
    expect(errRef / scale).toBeLessThan(1e-10 * 300)
    expect(errLoose / errRef).toBeGreaterThan(20) // error scales with the tolerance
    expect(errRef).toBeLessThan(errLoose) // tighter tolerance is closer to the truth
    expect(loose.nRejected).toBeLessThan(loose.nAccepted) // the controller rarely rejects
  })

  it('holds its tolerance per step: local error of each accepted step ≤ atol + rtol |y| (vs a 100× tighter run)', () => {
    const f = twoBodyForces(MU)
    const rtol = 1e-8,
      atol = 1e-8
    const s = new Dopri5(6, f, { rtol, atol })
    s.init(0, ellipse(), 3 * DAY)
    let worst = 0,
      steps = 0
    while (s.step(3 * DAY)) {
      const ref = integrate(f, s.tPrev, s.yPrev, s.t, { rtol: rtol / 100, atol: atol / 100 })
      let e2 = 0
      for (let i = 0; i < 6; i++) e2 += ((s.y[i] - ref.y[i]) / (atol + rtol * Math.max(Math.abs(s.y[i]), Math.abs(s.yPrev[i])))) ** 2
      worst = Math.max(worst, Math.sqrt(e2 / 6))
      steps++
    }
    expect(steps).toBeGreaterThan(20)
    expect(worst).toBeLessThan(1)
  })

  it('dense output matches the step ends and interpolates to 4th order', () => {
    const s = new Dopri5(6, twoBodyForces(MU), { rtol: 1e-10, atol: 1e-10 })
    const y0 = ellipse()
    s.init(0, y0, DAY)
    s.step(DAY)
    const out = new Float64Array(6)
    s.dense(s.t, out)
    for (let i = 0; i < 6; i++) expect(out[i]).toBeCloseTo(s.y[i], 9)
    s.dense(s.tPrev, out)
    for (let i = 0; i < 6; i++) expect(out[i]).toBeCloseTo(y0[i], 9)
    const tm = 0.5 * (s.tPrev + s.t)
    s.dense(tm, out)
    const direct = integrate(twoBodyForces(MU), 0, y0, tm, { rtol: 1e-12, atol: 1e-12 })
    expect(Math.hypot(out[0] - direct.y[0], out[1] - direct.y[1], out[2] - direct.y[2])).toBeLessThan(1e-4) // km
  })

  it('integrates backwards and is deterministic', () => {
    const f = twoBodyForces(MU)
    const fwd = integrate(f, 0, ellipse(), DAY, { rtol: 1e-11, atol: 1e-11 })
    const back = integrate(f, DAY, fwd.y, 0, { rtol: 1e-11, atol: 1e-11 })
    const y0 = ellipse()
    expect(Math.hypot(back.y[0] - y0[0], back.y[1] - y0[1], back.y[2] - y0[2])).toBeLessThan(1e-3)
    const again = integrate(f, 0, ellipse(), DAY, { rtol: 1e-11, atol: 1e-11 })
    expect(Array.from(again.y)).toEqual(Array.from(fwd.y))
  })
})

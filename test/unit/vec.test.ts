/** src/sim/vec.ts: cross, Rodrigues' rotation and the angle wrap, written once for the whole core. */
import { describe, expect, it } from 'vitest'
import { cross, dot, norm, normalizeVec, rotateAboutAxis, vec3, wrapTwoPi } from '../../src/sim/vec'

describe('vec', () => {
  it('cross: right-handed, orthogonal to both, |a × b| = |a||b| sin θ, and out may alias an input', () => {
    expect(cross(vec3(), vec3(1, 0, 0), vec3(0, 1, 0))).toEqual(vec3(0, 0, 1))
    expect(cross(vec3(), vec3(0, 1, 0), vec3(1, 0, 0))).toEqual(vec3(0, 0, -1))
    const a = vec3(3, -2, 5),
      b = vec3(-1, 4, 2)
    const c = cross(vec3(), a, b)
    expect(c).toEqual(vec3(-2 * 2 - 5 * 4, 5 * -1 - 3 * 2, 3 * 4 - -2 * -1))
    expect(dot(c, a)).toBe(0)
    expect(dot(c, b)).toBe(0)
    const cosT = dot(a, b) / (norm(a) * norm(b))
    expect(norm(c)).toBeCloseTo(norm(a) * norm(b) * Math.sqrt(1 - cosT * cosT), 12)
    const alias = vec3(3, -2, 5)
    expect(cross(alias, alias, b)).toEqual(c)
  })

  it('rotateAboutAxis: a quarter turn about z, the axis itself fixed, lengths kept, and the inverse undoes it', () => {
    const q = rotateAboutAxis(vec3(), vec3(1, 0, 0), vec3(0, 0, 1), 0, 1)
    expect(q.x).toBeCloseTo(0, 15)
    expect(q.y).toBeCloseTo(1, 15)
    expect(q.z).toBeCloseTo(0, 15)
    const k = normalizeVec(vec3(), vec3(1, 2, -2))
    const onAxis = rotateAboutAxis(vec3(), vec3(2, 4, -4), k, Math.cos(1.1), Math.sin(1.1))
    expect(onAxis.x).toBeCloseTo(2, 13)
    expect(onAxis.y).toBeCloseTo(4, 13)
    expect(onAxis.z).toBeCloseTo(-4, 13)
    const p = vec3(0.3, -7, 2.5)
    const r = rotateAboutAxis(vec3(), p, k, Math.cos(2.2), Math.sin(2.2))
    expect(norm(r)).toBeCloseTo(norm(p), 12)
    expect(dot(r, k)).toBeCloseTo(dot(p, k), 12) // the component along the axis is kept
    const back = rotateAboutAxis(r, r, k, Math.cos(2.2), -Math.sin(2.2)) // out aliases p
    expect(back.x).toBeCloseTo(p.x, 12)
    expect(back.y).toBeCloseTo(p.y, 12)
    expect(back.z).toBeCloseTo(p.z, 12)
  })

  it('wrapTwoPi: [0, 2π) for any finite angle, exact for angles already in range', () => {
    const TWO_PI = 2 * Math.PI
    const cases = [0, 1, -1, TWO_PI, -TWO_PI, 7 * Math.PI, -7 * Math.PI, 1e6, -1e6, -1e-17, TWO_PI - 1e-15]
    for (const x of cases) {
      const w = wrapTwoPi(x)
      expect(w).toBeGreaterThanOrEqual(0)
      expect(w).toBeLessThan(TWO_PI)
      expect(Math.cos(w)).toBeCloseTo(Math.cos(x), 9)
      expect(Math.sin(w)).toBeCloseTo(Math.sin(x), 9)
    }
    expect(cases.length).toBe(11)
    expect(wrapTwoPi(1.25)).toBe(1.25)
    expect(wrapTwoPi(-1)).toBe(TWO_PI - 1)
  })
})

import { describe, expect, it } from 'vitest'
import { AU_KM, EARTH_RADIUS_KM } from '../../src/sim/constants'
import { lambertPhase, sunlitFraction } from '../../src/sim/eclipse'

const SUN = { x: AU_KM, y: 0, z: 0 }
const R = EARTH_RADIUS_KM + 550
/** A satellite on a 550 km orbit in the Sun's plane, `deg` round from the subsolar point. */
const at = (deg: number) => ({ x: R * Math.cos((deg * Math.PI) / 180), y: R * Math.sin((deg * Math.PI) / 180), z: 0 })
/** Where the Sun's centre sits on the Earth's limb as the satellite sees it: 180° − asin(R⊕ / r). */
const LIMB = 180 - (Math.asin(EARTH_RADIUS_KM / R) * 180) / Math.PI

describe('the Earth’s shadow (conical model)', () => {
  it('a satellite behind the Earth on the anti-Sun line is in the umbra; one on the Sun side is lit', () => {
    expect(sunlitFraction(at(180), SUN)).toBe(0)
    expect(sunlitFraction(at(0), SUN)).toBe(1)
    // Over the terminator (90°) the Sun is on the horizon but well clear of the limb.
    expect(sunlitFraction(at(90), SUN)).toBe(1)
    // Just past the shadow cylinder's edge either way.
    expect(sunlitFraction(at(LIMB + 1), SUN)).toBe(0)
    expect(sunlitFraction(at(LIMB - 1), SUN)).toBe(1)
  })

  it('the penumbra is partial and the light falls smoothly across it (the Sun’s 0.53° disc setting behind the limb)', () => {
    const mid = sunlitFraction(at(LIMB), SUN)
    expect(mid).toBeGreaterThan(0.45)
    expect(mid).toBeLessThan(0.55)
    let last = 1
    const seen: number[] = []
    for (let k = -30; k <= 30; k++) {
      const f = sunlitFraction(at(LIMB + k * 0.01), SUN)
      expect(f).toBeLessThanOrEqual(last + 1e-12)
      expect(last - f).toBeLessThan(0.1) // no step: at most a tenth of the light per 0.01°
      last = f
      seen.push(f)
    }
    expect(seen[0]).toBe(1)
    expect(seen[seen.length - 1]).toBe(0)
    expect(seen.filter((f) => f > 0 && f < 1).length).toBeGreaterThan(40) // ±0.27°: most of the sweep is penumbra
  })

  it('agrees with a cylinder far from its edge, whatever the frame', () => {
    const sun = { x: 0.3 * AU_KM, y: -0.5 * AU_KM, z: 0.8 * AU_KM }
    const u = Math.hypot(sun.x, sun.y, sun.z)
    for (let i = 0; i < 200; i++) {
      const th = i * 0.7,
        ph = i * 1.3
      const sat = { x: 7000 * Math.cos(th) * Math.cos(ph), y: 7000 * Math.sin(th) * Math.cos(ph), z: 7000 * Math.sin(ph) }
      const along = (sat.x * sun.x + sat.y * sun.y + sat.z * sun.z) / u
      const off = Math.sqrt(Math.max(0, 7000 * 7000 - along * along))
      const f = sunlitFraction(sat, sun)
      if (along > 0 || off > EARTH_RADIUS_KM + 50) expect(f).toBe(1)
      else if (off < EARTH_RADIUS_KM - 50) expect(f).toBe(0)
    }
  })

  it('at the Moon’s distance the Earth still hides the Sun behind it; inside the Earth it is dark', () => {
    expect(sunlitFraction({ x: -384400, y: 0, z: 0 }, SUN)).toBe(0)
    expect(sunlitFraction({ x: -384400, y: 20000, z: 0 }, SUN)).toBe(1)
    expect(sunlitFraction({ x: 1000, y: 0, z: 0 }, SUN)).toBe(0)
  })
})

describe('earthshine (a Lambert sphere’s phase)', () => {
  it('is full over the subsolar point, 1/π over the terminator, none over the antisolar point, and falls between', () => {
    expect(lambertPhase(1)).toBeCloseTo(1, 12)
    expect(lambertPhase(0)).toBeCloseTo(1 / Math.PI, 12)
    expect(lambertPhase(-1)).toBeCloseTo(0, 12)
    let last = 1
    for (let c = 1; c >= -1; c -= 0.05) {
      const p = lambertPhase(c)
      expect(p).toBeLessThanOrEqual(last + 1e-12)
      last = p
    }
  })
})

import { describe, expect, it } from 'vitest'
import { HUMANITY_POWER_W, KARDASHEV_LANDMARKS, fractionOfSun, kardashevIndex, kardashevReading, powerOfKardashev } from '../../src/sim/kardashev'
import { SUN_LUMINOSITY_W } from '../../src/sim/constants'

describe('Kardashev gauge (SOURCES §5)', () => {
  it('humanity 19.6 TW → 0.729 and L☉ → 2.06', () => {
    expect(Math.abs(kardashevIndex(19.6e12) - 0.729)).toBeLessThan(0.005)
    expect(Math.abs(kardashevIndex(SUN_LUMINOSITY_W) - 2.06)).toBeLessThan(0.005)
    expect(kardashevIndex(1e16)).toBe(1)
    expect(powerOfKardashev(kardashevIndex(3e20))).toBeCloseTo(3e20, -8)
  })
  it('landmarks: a millionth 1.46, a thousandth 1.76, 3 % 1.91, Earth’s sunlight 1.12', () => {
    const k = (id: string) => KARDASHEV_LANDMARKS.find((l) => l.id === id)!.k
    expect(Math.abs(k('millionth-sun') - 1.46)).toBeLessThan(0.005)
    expect(Math.abs(k('thousandth-sun') - 1.76)).toBeLessThan(0.005)
    expect(Math.abs(k('few-percent-sun') - 1.91)).toBeLessThan(0.005)
    expect(Math.abs(k('earth-sunlight') - 1.12)).toBeLessThan(0.005)
    expect(Math.abs(k('terawatt-year') - 0.6)).toBeLessThan(1e-12)
    for (let i = 1; i < KARDASHEV_LANDMARKS.length; i++) expect(KARDASHEV_LANDMARKS[i].powerW).toBeGreaterThan(KARDASHEV_LANDMARKS[i - 1].powerW)
  })
  it('reading adds the scenario to humanity’s baseline', () => {
    expect(kardashevReading(0).k).toBeCloseTo(kardashevIndex(HUMANITY_POWER_W), 12)
    const r = kardashevReading(0.03 * SUN_LUMINOSITY_W)
    expect(r.fractionOfSun).toBeCloseTo(0.03, 6)
    expect(fractionOfSun(SUN_LUMINOSITY_W)).toBe(1)
  })
})

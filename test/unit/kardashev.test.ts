import { describe, expect, it } from 'vitest'
import {
  HUMANITY_POWER_W,
  KARDASHEV_LANDMARKS,
  formatKardashev,
  fractionOfSun,
  kardashevDecimals,
  kardashevIndex,
  kardashevReading,
  logGaugePosition,
  powerOfKardashev,
} from '../../src/sim/kardashev'
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
  it('issue 10 landmarks: data centres 47 GW, 1 TW, humanity, Earth’s sunlight, 1 % and 3 % of the Sun, each sourced', () => {
    const byId = new Map(KARDASHEV_LANDMARKS.map((l) => [l.id, l]))
    expect(byId.get('data-centres')?.powerW).toBe(47e9)
    expect(byId.get('percent-sun')?.powerW).toBeCloseTo(3.828e24, -20)
    expect(Math.abs((byId.get('percent-sun')?.k ?? 0) - 1.858)).toBeLessThan(0.001)
    for (const id of ['terawatt-year', 'humanity', 'earth-sunlight', 'few-percent-sun']) expect(byId.has(id)).toBe(true)
    for (const l of KARDASHEV_LANDMARKS) expect(l.source).toMatch(/SOURCES §\d/)
  })
  it('prints K with the digits that change', () => {
    const today = kardashevIndex(HUMANITY_POWER_W)
    const plusTw = kardashevIndex(HUMANITY_POWER_W + 1e12)
    expect(kardashevDecimals(today, plusTw)).toBe(3)
    expect(formatKardashev(today, plusTw)).not.toBe(formatKardashev(plusTw, today))
    const plus10Gw = kardashevIndex(HUMANITY_POWER_W + 1e10)
    expect(formatKardashev(plus10Gw, today)).not.toBe(formatKardashev(today, plus10Gw))
    expect(kardashevDecimals(0.5, 1.5)).toBe(2)
  })
  it('places powers on a log gauge from 47 GW to L☉', () => {
    expect(logGaugePosition(47e9)).toBe(0)
    expect(logGaugePosition(SUN_LUMINOSITY_W)).toBe(1)
    expect(logGaugePosition(1e12)).toBeGreaterThan(logGaugePosition(47e9))
    expect(logGaugePosition(0)).toBe(0)
  })
})

/** Strict UTC instant parsing and the year helpers of src/sim/time.ts. */
import { describe, expect, it } from 'vitest'
import { fractionalYear, msFromFractionalYear, parseIsoUtc, toIsoUtc } from '../../src/sim/time'

describe('parseIsoUtc', () => {
  const good: [string, number][] = [
    ['2030-06-21T12:00:00Z', Date.UTC(2030, 5, 21, 12)],
    ['2030-06-21T12:00Z', Date.UTC(2030, 5, 21, 12)],
    ['2030-06-21', Date.UTC(2030, 5, 21)],
    ['2030-06-21T12:00:00', Date.UTC(2030, 5, 21, 12)],
    ['2030-06-21 12:00:00Z', Date.UTC(2030, 5, 21, 12)],
    ['2030-06-21T12:00:00.250Z', Date.UTC(2030, 5, 21, 12, 0, 0, 250)],
    ['2030-06-21T12:00:00.5Z', Date.UTC(2030, 5, 21, 12, 0, 0, 500)],
    ['2030-06-21T14:00:00+02:00', Date.UTC(2030, 5, 21, 12)],
    ['2030-06-21T07:30:00-04:30', Date.UTC(2030, 5, 21, 12)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
    ['  2030-01-01T00:00:00Z  ', Date.UTC(2030, 0, 1)],
  ]
  for (const [text, ms] of good) {
    it(`accepts ${JSON.stringify(text)}`, () => expect(parseIsoUtc(text)).toBe(ms))
  }

  const bad = [
    '2030-02-31',
    '2030-13-01',
    '2030-00-10',
    '2030-04-31T00:00Z',
    '2029-02-29',
    '2030-06-21T24:00:00Z',
    '2030-06-21T12:60:00Z',
    '2030-06-21T12:00:60Z',
    '2030-06-21T12:00:00+25:00',
    '',
    '   ',
    'yesterday',
    'now',
    '2030',
    '2030-6-21',
    '21/06/2030',
    '2030-06-21T12',
    '2030-06-21T12:00:00ZZ',
    '1893456000000',
  ]
  for (const text of bad) {
    it(`rejects ${JSON.stringify(text)}`, () => expect(parseIsoUtc(text)).toBeNull())
  }
  it('reads years 0–99 as written, not as 1900–1999 (Date.UTC would)', () => {
    const year50 = new Date(0)
    year50.setUTCFullYear(50, 0, 1)
    expect(parseIsoUtc('0050-01-01')).toBe(year50.getTime())
    expect(new Date(parseIsoUtc('0099-12-31T23:59:59Z')!).getUTCFullYear()).toBe(99)
    expect(parseIsoUtc('0099-02-29')).toBeNull() // 99 is not a leap year (1999 neither, but 0096 is)
    expect(parseIsoUtc('0096-02-29')).not.toBeNull()
  })
})

describe('toIsoUtc and fractional years', () => {
  it('round-trips through parseIsoUtc to the second', () => {
    const ms = Date.UTC(2030, 5, 21, 7, 31, 13)
    expect(toIsoUtc(ms)).toBe('2030-06-21T07:31:13Z')
    expect(parseIsoUtc(toIsoUtc(ms))).toBe(ms)
    // Whole seconds across leap days, year ends and two centuries survive the round trip exactly.
    for (let k = 0; k < 500; k++) {
      const sec = Date.UTC(1990, 0, 1) / 1000 + Math.floor(k * 7_919_993.7) // deterministic spread to ~2115
      expect(parseIsoUtc(toIsoUtc(sec * 1000))).toBe(sec * 1000)
    }
    expect(toIsoUtc(Date.UTC(2030, 0, 1, 0, 0, 0, 400))).toBe('2030-01-01T00:00:00Z') // rounds to the second
  })

  it('fractionalYear is exact at year boundaries and inverts msFromFractionalYear', () => {
    expect(fractionalYear(Date.UTC(2030, 0, 1))).toBe(2030)
    expect(fractionalYear(Date.UTC(2028, 6, 2))).toBeCloseTo(2028 + 183 / 366, 12)
    for (const y of [2026, 2030.5, 2047.123456]) expect(fractionalYear(msFromFractionalYear(y))).toBeCloseTo(y, 9)
  })
})

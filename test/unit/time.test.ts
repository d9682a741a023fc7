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
})

describe('toIsoUtc and fractional years', () => {
  it('round-trips through parseIsoUtc to the second', () => {
    const ms = Date.UTC(2030, 5, 21, 7, 31, 13)
    expect(toIsoUtc(ms)).toBe('2030-06-21T07:31:13Z')
    expect(parseIsoUtc(toIsoUtc(ms))).toBe(ms)
  })

  it('fractionalYear is exact at year boundaries and inverts msFromFractionalYear', () => {
    expect(fractionalYear(Date.UTC(2030, 0, 1))).toBe(2030)
    expect(fractionalYear(Date.UTC(2028, 6, 2))).toBeCloseTo(2028 + 183 / 366, 12)
    for (const y of [2026, 2030.5, 2047.123456]) expect(fractionalYear(msFromFractionalYear(y))).toBeCloseTo(y, 9)
  })
})

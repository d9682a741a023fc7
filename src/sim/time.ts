/**
 * Sim time is an absolute instant: UTC milliseconds since 1970-01-01 (a float64), as in Date.
 * These helpers convert it for ephemerides and parse user input strictly.
 */
import { MS_PER_DAY } from './constants'

/** J2000.0 epoch (2000-01-01T12:00:00 UTC, as used by astronomy-engine's `ut`). */
export const J2000_MS = Date.UTC(2000, 0, 1, 12, 0, 0)

/** Days since J2000 in UT: the numeric time astronomy-engine accepts. */
export const utDaysSinceJ2000 = (tMs: number): number => (tMs - J2000_MS) / MS_PER_DAY

/** Start of a calendar year, UTC ms. */
export const yearStartMs = (year: number): number => Date.UTC(year, 0, 1)

/** Fractional calendar year of an instant (2030.5 is mid-2030), exact per year length. */
export function fractionalYear(tMs: number): number {
  const y = new Date(tMs).getUTCFullYear()
  const a = Date.UTC(y, 0, 1)
  const b = Date.UTC(y + 1, 0, 1)
  return y + (tMs - a) / (b - a)
}

/** Inverse of fractionalYear. */
export function msFromFractionalYear(year: number): number {
  const y = Math.floor(year)
  const a = Date.UTC(y, 0, 1)
  const b = Date.UTC(y + 1, 0, 1)
  return a + (year - y) * (b - a)
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z|[+-]\d{2}:\d{2})?$/

/**
 * Strict ISO-8601 parse of a UTC instant ("2030-06-21T12:00:00Z", "2030-06-21", with or without
 * seconds or an offset). Returns null for anything else, including impossible dates like 2030-02-31;
 * a bare date or time without an offset is read as UTC.
 */
export function parseIsoUtc(text: string): number | null {
  const m = ISO_RE.exec(text.trim())
  if (!m) return null
  const [, ys, mos, ds, hs = '0', mis = '0', ss = '0', msStr = '0', tz] = m
  const y = +ys,
    mo = +mos,
    d = +ds,
    h = +hs,
    mi = +mis,
    s = +ss
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null
  // Not Date.UTC: it maps years 0–99 to 1900–1999 ("0050-01-01" would become 1950).
  const date = new Date(0)
  date.setUTCFullYear(y, mo - 1, d)
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null // 2030-02-31 rolls over
  date.setUTCHours(h, mi, s, +msStr.padEnd(3, '0'))
  let t = date.getTime()
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1
    const [oh, om] = tz.slice(1).split(':').map(Number)
    if (oh > 23 || om > 59) return null
    t -= sign * (oh * 60 + om) * 60000
  }
  return t
}

/** ISO-8601 UTC text with seconds, no milliseconds: 2030-06-21T12:00:00Z. */
/** The UTC calendar day of tMs, YYYY-MM-DD. */
export const isoDay = (tMs: number): string => new Date(tMs).toISOString().slice(0, 10)

export const toIsoUtc = (tMs: number): string => new Date(Math.round(tMs / 1000) * 1000).toISOString().replace('.000Z', 'Z')

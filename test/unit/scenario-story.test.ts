/** The main thread's reading of the yearly rows (src/state/story.ts): which row an instant falls in, and where it sits on the charts' x axis. */
import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { yearlyRows } from '../../src/sim/story/yearly'
import { fractionalYear, rowAt, rowOfYear, rowStarts, rowX, useStory } from '../../src/state/story'

describe('story rows on the main thread', () => {
  const rows = yearlyRows(defaultScenario(), 2026, 2030)
  const starts = rowStarts(rows)

  it('each row stands at 1 January after its year, where the charts put it', () => {
    expect([...starts]).toEqual([2027, 2028, 2029, 2030, 2031].map((y) => Date.UTC(y, 0, 1)))
    expect(rows.map(rowX)).toEqual([2027, 2028, 2029, 2030, 2031])
  })

  it('the row of the calendar year an instant lies in (its flows), clamped to the horizon', () => {
    expect(rowOfYear(starts, Date.UTC(2026, 5, 1))).toBe(0)
    expect(rowOfYear(starts, Date.UTC(2027, 0, 1))).toBe(1) // 1 January 2027 opens 2027
    expect(rowOfYear(starts, Date.UTC(2028, 11, 31, 23))).toBe(2)
    expect(rowOfYear(starts, Date.UTC(2040, 0, 1))).toBe(4)
  })

  it('interpolation between year ends: index and fraction', () => {
    const out = { i: -1, f: -1 }
    expect(rowAt(starts, Date.UTC(2026, 0, 1), out)).toEqual({ i: 0, f: 0 })
    rowAt(starts, Date.UTC(2028, 6, 2, 12), out)
    expect(out.i).toBe(1)
    expect(out.f).toBeCloseTo(0.5, 2)
    expect(rowAt(starts, Date.UTC(2099, 0, 1), out)).toEqual({ i: 4, f: 0 })
  })

  it('fractional calendar years, leap years included', () => {
    expect(fractionalYear(Date.UTC(2030, 0, 1))).toBe(2030)
    expect(fractionalYear(Date.UTC(2028, 6, 2))).toBeCloseTo(2028 + 183 / 366, 9)
    expect(fractionalYear(Date.UTC(2199, 11, 31, 23, 59))).toBeLessThan(2200)
    expect(fractionalYear(Date.UTC(1969, 6, 1))).toBeCloseTo(1969 + 181 / 365, 9)
  })

  it('a comparison by preset, pinned as it is, or none', () => {
    const s = defaultScenario()
    useStory.getState().setComparison('pinned', s)
    const c = useStory.getState().comparison
    expect(c?.id).toBe('pinned')
    expect(c?.scenario).toEqual(s)
    expect(c?.scenario).not.toBe(s) // a copy: later edits do not move it
    useStory.getState().setComparison('no-such-preset')
    expect(useStory.getState().comparison?.id).toBe('pinned')
    useStory.getState().setComparison(null)
    expect(useStory.getState().comparison).toBeNull()
  })
})

/** Number formatting on screen (src/ui/format.ts). */
import { describe, expect, it } from 'vitest'
import { clockTime, clockUnitS, sci, si } from '../../src/ui/format'

describe('format', () => {
  it('sci writes powers of ten with superscripts and keeps plain numbers plain', () => {
    expect(sci(5.1534e-14)).toBe('5.15 × 10⁻¹⁴')
    expect(sci(3.828e26)).toBe('3.83 × 10²⁶')
    expect(sci(0.0512)).toBe('0.0512')
    expect(sci(0)).toBe('0')
    expect(sci(NaN)).toBe('–')
  })
  it('the clock shows the finest unit that ticks at most 4 times a second at the warp', () => {
    const rows: [number, boolean, number][] = [
      [1, true, 1],
      [4, true, 1],
      [-4, true, 1],
      [10, true, 60],
      [60, true, 60],
      [240, true, 60],
      [600, true, 3600],
      [3600, true, 3600],
      [86400, true, 86400],
      [1e7, true, 86400],
      [1e7, false, 1],
    ]
    for (const [warp, playing, unit] of rows) expect(clockUnitS(warp, playing), `warp ${warp}`).toBe(unit)
    const t = Date.UTC(2031, 2, 4, 5, 6, 7)
    expect([1, 60, 3600, 86400].map((u) => clockTime(t, u))).toEqual(['05:06:07 UTC', '05:06 UTC', '05 h UTC', 'UTC'])
  })
  it('si picks the prefix', () => {
    expect(si(1.0e11, 'W')).toBe('100 GW')
    expect(si(19.6e12, 'W')).toBe('19.6 TW')
  })
})

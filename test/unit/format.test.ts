/** Number formatting on screen (src/ui/format.ts). */
import { describe, expect, it } from 'vitest'
import { sci, si } from '../../src/ui/format'

describe('format', () => {
  it('sci writes powers of ten with superscripts and keeps plain numbers plain', () => {
    expect(sci(5.1534e-14)).toBe('5.15 × 10⁻¹⁴')
    expect(sci(3.828e26)).toBe('3.83 × 10²⁶')
    expect(sci(0.0512)).toBe('0.0512')
    expect(sci(0)).toBe('0')
    expect(sci(NaN)).toBe('–')
  })
  it('si picks the prefix', () => {
    expect(si(1.0e11, 'W')).toBe('100 GW')
    expect(si(19.6e12, 'W')).toBe('19.6 TW')
  })
})

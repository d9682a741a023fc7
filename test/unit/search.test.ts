import { describe, expect, it } from 'vitest'
import { upperBound, upperBoundBy } from '../../src/sim/search'

describe('upperBound', () => {
  const a = [1, 2, 2, 2, 5, 8]
  it('counts the values ≤ x, against a linear scan', () => {
    for (const x of [-1, 0, 1, 1.5, 2, 3, 5, 7.9, 8, 100]) expect(upperBound(a, x)).toBe(a.filter((v) => v <= x).length)
  })
  it('reads one field of an interleaved array and honours n', () => {
    const inter = Float64Array.from([0, 10, 1, 20, 2, 30, 3, 40])
    expect(upperBound(inter, 25, 4, 2, 1)).toBe(2)
    expect(upperBound(inter, 25, 1, 2, 1)).toBe(1)
    expect(upperBound(inter, 5, 0, 2, 1)).toBe(0)
  })
  it('works over objects by key', () => {
    const items = a.map((t) => ({ t }))
    expect(upperBoundBy(items, 2, (i) => i.t)).toBe(4)
    expect(upperBoundBy(items, 0, (i) => i.t)).toBe(0)
    expect(upperBoundBy(items, 9, (i) => i.t)).toBe(6)
  })
})

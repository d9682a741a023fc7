import { describe, expect, it } from 'vitest'
import { trajectoryViewFade } from '../../src/scene/deepSpace/Trajectories'

describe('trajectory lines are drawn where their legend is', () => {
  it('none at the base, none in near Earth or Moon views, all from the legend distance out', () => {
    expect(trajectoryViewFade('base', 5e6)).toBe(0)
    expect(trajectoryViewFade('earth', 40000)).toBe(0)
    expect(trajectoryViewFade('moon', 1.2e5)).toBe(0)
    expect(trajectoryViewFade('earth', 2e5)).toBe(1)
    expect(trajectoryViewFade('earth', 2.4e6)).toBe(1)
    expect(trajectoryViewFade('sun', 3e8)).toBe(1)
  })
  it('fades in smoothly between', () => {
    const a = trajectoryViewFade('earth', 1.4e5)
    const b = trajectoryViewFade('earth', 1.6e5)
    const c = trajectoryViewFade('earth', 1.8e5)
    expect(a).toBeGreaterThan(0)
    expect(a).toBeLessThan(b)
    expect(b).toBeCloseTo(0.5, 6)
    expect(b).toBeLessThan(c)
    expect(c).toBeLessThan(1)
  })
})

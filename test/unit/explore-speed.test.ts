/** Explore mode's speed over the ground (src/scene/base/Explore.tsx exploreSpeed): walking, running, hovering, the caps. */
import { describe, expect, it } from 'vitest'
import { EYE_M, exploreSpeed, HOVER_MAX_M_S, HOVER_RUN_MAX_M_S, RUN_FACTOR, WALK_M_S } from '../../src/scene/base/Explore'

describe('exploreSpeed', () => {
  it('walks at 1.5 m/s on foot and runs at 6 m/s with Shift', () => {
    expect(WALK_M_S).toBe(1.5)
    expect(RUN_FACTOR).toBe(4)
    expect(exploreSpeed(EYE_M, false)).toBe(1.5)
    expect(exploreSpeed(EYE_M, true)).toBe(6)
  })

  it('keeps the walking pace just above the ground', () => {
    expect(exploreSpeed(EYE_M + 0.5, false)).toBe(WALK_M_S)
    expect(exploreSpeed(EYE_M + 0.9, false)).toBe(WALK_M_S)
    expect(exploreSpeed(EYE_M + 2, false)).toBeCloseTo(3, 12)
  })

  it('hovers at 1.5 m/s per metre above walking height', () => {
    expect(exploreSpeed(EYE_M + 10, false)).toBeCloseTo(15, 12)
    expect(exploreSpeed(EYE_M + 20, true)).toBeCloseTo(120, 12)
  })

  it('caps hovering at 50 m/s, and at 200 m/s with Shift, however high', () => {
    expect(HOVER_MAX_M_S).toBe(50)
    expect(HOVER_RUN_MAX_M_S).toBe(200)
    for (const alt of [40, 100, 1000, 4000, 1e6]) {
      expect(exploreSpeed(alt, false)).toBe(50)
      expect(exploreSpeed(alt, true)).toBe(200)
    }
  })

  it('never slows as the eye rises, and Shift is never slower', () => {
    let prev = 0
    for (let alt = EYE_M; alt <= 4000; alt *= 1.1) {
      const v = exploreSpeed(alt, false)
      expect(v).toBeGreaterThanOrEqual(prev)
      expect(exploreSpeed(alt, true)).toBeGreaterThanOrEqual(v)
      prev = v
    }
  })
})

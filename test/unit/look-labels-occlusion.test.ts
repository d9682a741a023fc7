/** Labels hidden behind the bodies they are behind: the line-of-sight test against a body's sphere (src/scene/labels/occlusion.ts). */
import { describe, expect, it } from 'vitest'
import { behindSphere, occluded, type Occluder } from '../../src/scene/labels/occlusion'
import { AU_KM, EARTH_RADIUS_KM, MOON_RADIUS_KM, SUN_RADIUS_KM } from '../../src/sim/constants'

const p = (x: number, y = 0, z = 0) => ({ x, y, z })

describe('behindSphere', () => {
  const eye = p(0),
    centre = p(10)
  it('hides a point straight behind the sphere, not one in front of it or beside it', () => {
    expect(behindSphere(eye, p(20), centre, 1)).toBe(true)
    expect(behindSphere(eye, p(5), centre, 1)).toBe(false)
    expect(behindSphere(eye, p(20, 3), centre, 1)).toBe(false)
  })
  it('grazing: a line of sight just inside the limb is hidden, just outside is not', () => {
    // The ray to (20, y) passes the centre at a distance 10·y/√(400 + y²).
    expect(behindSphere(eye, p(20, 2.0), centre, 1)).toBe(true) // passes at 0.995
    expect(behindSphere(eye, p(20, 2.1), centre, 1)).toBe(false) // passes at 1.04
  })
  it('a point behind the eye, or a sphere behind the eye, hides nothing', () => {
    expect(behindSphere(eye, p(-20), centre, 1)).toBe(false)
    expect(behindSphere(p(20), p(30), centre, 1)).toBe(false)
  })
  it('the sphere never hides a point on or inside it, nor anything from an eye inside it', () => {
    expect(behindSphere(eye, p(10), centre, 1)).toBe(false)
    expect(behindSphere(eye, p(10.5, 0.5), centre, 1)).toBe(false)
    expect(behindSphere(p(10.2), p(30), centre, 1)).toBe(false)
  })
  it('a point just past the far surface is hidden (the ray meets the near surface first)', () => {
    expect(behindSphere(eye, p(11.01), centre, 1)).toBe(true)
  })
  it('degenerate: the point at the eye', () => {
    expect(behindSphere(eye, eye, centre, 1)).toBe(false)
  })
})

describe('occluded: the Sun, the Earth and the Moon', () => {
  // Scene km, the Earth at the origin.
  const sun = p(AU_KM),
    moon = p(0, 0, 384400)
  const bodies: Occluder[] = [
    { centre: sun, radius: SUN_RADIUS_KM },
    { centre: p(0), radius: EARTH_RADIUS_KM },
    { centre: moon, radius: MOON_RADIUS_KM },
  ]
  it('a planet behind the Sun’s disc (superior conjunction seen from far out) is hidden; one off the disc is not', () => {
    const eye = p(-5 * AU_KM, 0, 1000)
    expect(occluded(eye, p(AU_KM + 0.7 * AU_KM, 0, 1000), bodies)).toBe(true)
    expect(occluded(eye, p(AU_KM + 0.7 * AU_KM, 0, 0.05 * AU_KM), bodies)).toBe(false)
  })
  it('the Moon behind the Earth in the Earth–Moon view is hidden, and shows again once past the limb', () => {
    const eye = p(0, 0, -1.1e6)
    expect(occluded(eye, moon, bodies, 2)).toBe(true)
    // Past the Earth's limb as seen from 1.1 million km: the Moon 20,000 km aside is clear.
    expect(occluded(eye, p(20000, 0, 384400), bodies, 2)).toBe(false)
  })
  it('a body does not hide its own label (skip), even with the eye looking through its centre', () => {
    const eye = p(0, 0, -1.1e6)
    expect(occluded(eye, p(0), bodies, 1)).toBe(false)
    // But the Earth's label, seen from behind the Moon, is hidden by the Moon.
    expect(occluded(p(0, 0, 1.1e6), p(0), bodies, 1)).toBe(true)
  })
})

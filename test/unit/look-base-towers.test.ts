import { describe, expect, it } from 'vitest'
import { towerAngle } from '../../src/scene/base/Structures'

describe('solar towers face the Sun', () => {
  it("turns the panel normal (+z) to the Sun's horizontal direction for every azimuth", () => {
    for (const deg of [0, 21, 90, 144, 180, 250, 359]) {
      // The Sun's local direction (x east, y up, −z north) at azimuth deg, 1° up, as MoonBase reads it.
      const a = (deg * Math.PI) / 180
      const sun = { x: Math.sin(a) * Math.cos(0.017), z: -Math.cos(a) * Math.cos(0.017) }
      const azimuth = Math.atan2(sun.x, -sun.z)
      const th = towerAngle(azimuth)
      const c = Math.cos(th),
        s = Math.sin(th)
      // The normal (0, 0, 1) turned as Structures turns the model's vertices.
      const nx = c * 0 + s * 1,
        nz = -s * 0 + c * 1
      const h = Math.hypot(sun.x, sun.z)
      expect(nx, `${deg}°`).toBeCloseTo(sun.x / h, 9)
      expect(nz, `${deg}°`).toBeCloseTo(sun.z / h, 9)
    }
  })
})

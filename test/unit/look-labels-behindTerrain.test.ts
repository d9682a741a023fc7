/** Base labels hide behind the terrain: behindTerrain (src/scene/base/Labels.tsx) samples the drawn ground along the line of sight. */
import { describe, expect, it } from 'vitest'
import * as THREE from 'three'
import { behindTerrain } from '../../src/scene/base/Labels'
import { groundM } from '../../src/scene/base/terrainPatches'

/** A ridge in the drawn terrain: two points (x east, n north, m) with ground that rises ≥ 40 m above both between them. */
function findRidge(): { a: [number, number]; b: [number, number] } {
  for (let x = -6000; x <= 6000; x += 500)
    for (let n = -6000; n <= 6000; n += 500)
      for (const [dx, dn] of [
        [1500, 0],
        [0, 1500],
      ]) {
        const ga = groundM(x / 1000, n / 1000),
          gb = groundM((x + 2 * dx) / 1000, (n + 2 * dn) / 1000),
          gm = groundM((x + dx) / 1000, (n + dn) / 1000)
        if (gm > Math.max(ga, gb) + 40)
          return {
            a: [x, n],
            b: [x + 2 * dx, n + 2 * dn],
          }
      }
  throw new Error('no ridge found')
}

describe('behindTerrain', () => {
  // Scene-local metres: x east, y up, z = −north.
  const at = (x: number, n: number, above: number) => new THREE.Vector3(x, groundM(x / 1000, n / 1000) + above, -n)
  const { a, b } = findRidge()
  it('a point across a ridge, seen from the ground, is behind the terrain', () => {
    const eye = at(a[0], a[1], 2),
      p = at(b[0], b[1], 2)
    expect(behindTerrain(eye, p.x, p.y, p.z)).toBe(true)
  })
  it('the same point seen from high above the ridge is not', () => {
    const eye = at(a[0], a[1], 3000),
      p = at(b[0], b[1], 2)
    expect(behindTerrain(eye, p.x, p.y, p.z)).toBe(false)
  })
  it('a point a few metres off in open ground, from the ground beside it, is not', () => {
    const eye = at(a[0], a[1], 30),
      p = at(a[0] + 40, a[1], 30)
    expect(behindTerrain(eye, p.x, p.y, p.z)).toBe(false)
  })
  it('an eye 1 km underground cannot see a point on the surface above it', () => {
    const p = at(a[0], a[1], 5),
      eye = new THREE.Vector3(p.x, p.y - 1000, p.z)
    expect(behindTerrain(eye, p.x, p.y, p.z)).toBe(true)
  })
})

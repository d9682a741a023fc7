/**
 * Picking: the deployed satellite nearest a ray (a click), not hidden behind the Earth.
 * Frame: geocentric EQJ, km, as orbits.ts; positions are the GPU-like float32 replay, so the
 * satellite picked is the one drawn under the cursor.
 */
import { EARTH_RADIUS_KM } from '../constants'
import { vec3, type Vec3 } from '../vec'
import { countDeployedAt, positionEqjGpuLike, type ShellOrbit } from './orbits'

export type Triple = [number, number, number]

const p: Vec3 = vec3()

/** Distance along a unit ray from o to the Earth's surface, km; Infinity if it misses (or starts inside). */
export function rayEarthHitKm(o: Triple, dx: number, dy: number, dz: number): number {
  const b = o[0] * dx + o[1] * dy + o[2] * dz
  const c = o[0] * o[0] + o[1] * o[1] + o[2] * o[2] - EARTH_RADIUS_KM * EARTH_RADIUS_KM
  const disc = b * b - c
  if (disc <= 0) return Infinity
  const t = -b - Math.sqrt(disc)
  return t > 0 ? t : Infinity
}

/**
 * Index of the satellite deployed at tMs that lies within maxAngleRad of the ray (origin o,
 * direction d, any length) and nearest its axis, in front of the origin and before the Earth;
 * −1 if none. O(deployed satellites).
 */
export function nearestSatelliteOnRay(
  elements: Float32Array,
  count: number,
  shells: readonly ShellOrbit[],
  tMs: number,
  o: Triple,
  d: Triple,
  maxAngleRad: number,
): number {
  const n = countDeployedAt(elements, count, tMs)
  const dl = Math.hypot(d[0], d[1], d[2])
  const dx = d[0] / dl,
    dy = d[1] / dl,
    dz = d[2] / dl
  const hitEarth = rayEarthHitKm(o, dx, dy, dz)
  let best = -1,
    bestCos = Math.cos(maxAngleRad)
  for (let i = 0; i < n; i++) {
    positionEqjGpuLike(elements, i, shells, tMs, p)
    const rx = p.x - o[0],
      ry = p.y - o[1],
      rz = p.z - o[2]
    const along = rx * dx + ry * dy + rz * dz
    if (along <= 0 || along > hitEarth) continue
    const cos = along / Math.hypot(rx, ry, rz)
    if (cos > bestCos) {
      bestCos = cos
      best = i
    }
  }
  return best
}

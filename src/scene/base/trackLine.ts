/**
 * The mass driver's track as drawn: its centre line in the base's local frame, metres (x east,
 * y up, z south, like the structures' group), every 25 m from the breech to the muzzle along the
 * launch azimuth, riding the drawn ground (smoothed over ~150 m) plus 2 m. The track structure
 * (Structures.tsx) and the sled and its payloads (src/scene/deepSpace/Sled.tsx) both use it, so the
 * bucket runs on the rails and payloads leave from the muzzle that is drawn.
 */
import * as THREE from 'three'
import type { BaseLayoutData } from '../../sim/base/snapshot'
import { groundM } from './terrainPatches'

export const TRACK_RAIL_HEIGHT_M = 2

export function trackCentreLine(layout: BaseLayoutData): THREE.Vector3[] {
  const k = layout.kinds.massDriver
  if (k.count === 0) return []
  const d = { xM: k.xM[0], yM: k.yM[0], headingRad: k.headingRad[0], lengthM: k.lengthM[0] }
  const n = Math.max(2, Math.ceil(d.lengthM / 25) + 1)
  const sx = Math.sin(d.headingRad),
    sy = Math.cos(d.headingRad)
  const raw = Array.from({ length: n }, (_, i) => {
    const s = (i / (n - 1)) * d.lengthM
    return groundM((d.xM + sx * s) / 1000, (d.yM + sy * s) / 1000)
  })
  return raw.map((_, i) => {
    let sum = 0,
      c = 0
    for (let k = Math.max(0, i - 3); k <= Math.min(n - 1, i + 3); k++, c++) sum += Math.max(raw[k], raw[i] - 1)
    const s = (i / (n - 1)) * d.lengthM
    return new THREE.Vector3(d.xM + sx * s, Math.max(raw[i], sum / c) + TRACK_RAIL_HEIGHT_M, -(d.yM + sy * s))
  })
}

/**
 * Ground heights under the laid-out structures, from the drawn terrain (its triangles depend on
 * the render quality, so the worker's layout does not carry them): computed once per layout
 * object, only when the base scene is built (its terrain is generated then anyway).
 */
import { STRUCTURE_KINDS, type StructureKind } from '../../sim/base/growth'
import type { BaseLayoutData } from '../../sim/base/snapshot'
import { groundM } from './terrainPatches'

const cache = new WeakMap<BaseLayoutData, Record<StructureKind, Float64Array>>()

/** Ground height (ENU up, m) under each laid-out structure, per kind, index-aligned with the layout. */
export function groundUnder(layout: BaseLayoutData): Record<StructureKind, Float64Array> {
  let g = cache.get(layout)
  if (g) return g
  g = {} as Record<StructureKind, Float64Array>
  for (const kind of STRUCTURE_KINDS) {
    const k = layout.kinds[kind]
    const h = new Float64Array(k.count)
    for (let i = 0; i < k.count; i++) h[i] = groundM(k.xM[i] / 1000, k.yM[i] / 1000)
    g[kind] = h
  }
  cache.set(layout, g)
  return g
}

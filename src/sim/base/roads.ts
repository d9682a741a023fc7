/**
 * The base's roads: sintered tracks from the habitats (the origin) to the first landing pad and on
 * from pad to pad along the crest, to the first factory and on to the mass driver's breech, to the
 * storage yard, and out to the first mining rig. Straight legs between those points (the terrain on
 * the ridge is gentle), each open from the time both of its ends stand. Pure: from the layout only.
 */
import type { StructureKind } from './growth'
import type { BaseLayoutData } from './snapshot'

export interface RoadLeg {
  /** Ends, local ENU metres (x east, y north). */
  ax: number
  ay: number
  bx: number
  by: number
  /** Opened when both ends stand, UTC ms. */
  builtAtMs: number
}

const cache = new WeakMap<BaseLayoutData, RoadLeg[]>()

/** The road legs of a layout, ordered by opening time (cached per layout object). */
export function roadLegs(layout: BaseLayoutData): RoadLeg[] {
  const hit = cache.get(layout)
  if (hit) return hit
  const k = layout.kinds
  const at = (kind: StructureKind, i: number) => (k[kind].count > i ? { x: k[kind].xM[i], y: k[kind].yM[i], t: k[kind].builtAtMs[i] } : null)
  const hub = at('habitat', 0)
  const legs: RoadLeg[] = []
  const leg = (a: { x: number; y: number; t: number } | null, b: { x: number; y: number; t: number } | null) => {
    if (a && b && Math.hypot(b.x - a.x, b.y - a.y) > 30) legs.push({ ax: a.x, ay: a.y, bx: b.x, by: b.y, builtAtMs: Math.max(a.t, b.t) })
  }
  if (hub) {
    let prev = hub
    for (let i = 0; i < Math.min(k.landingPad.count, 12); i++) {
      const p = at('landingPad', i)
      leg(prev, p)
      if (p) prev = p
    }
    const f = at('factory', 0)
    leg(hub, f)
    leg(f ?? hub, at('massDriver', 0))
    leg(hub, at('storage', 0))
    leg(hub, at('miningRig', 0))
  }
  legs.sort((a, b) => a.builtAtMs - b.builtAtMs)
  cache.set(layout, legs)
  return legs
}

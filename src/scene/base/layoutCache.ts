/**
 * The base's full layout for the scenario's horizon, computed once per scenario: slots never move
 * and each structure has a build time, so at any sim time the structures standing are, per kind,
 * the first n with builtAtMs ≤ t (src/sim/base/layout.ts). Time then costs a binary search, not a
 * layout. Positions are local metres (x east, y north); z (up) comes from the drawn terrain.
 */
import { baseStateAt, STRUCTURE_KINDS, type BaseScenario, type StructureKind } from '../../sim/base/growth'
import { structureLayout, type PlacedStructure } from '../../sim/base/layout'
import { RIDGE_POLYLINE, SHACKLETON_LOCAL } from '../../sim/base/terrain'
import { groundM } from './terrainPatches'

export interface KindLayout {
  items: PlacedStructure[]
  /** Ground height under each item, m (ENU up). */
  groundM: Float64Array
  /** Build times, ascending. */
  builtAtMs: Float64Array
}

export type BaseLayout = Record<StructureKind, KindLayout>

let cached: { scenario: unknown; endMs: number; layout: BaseLayout } | null = null

export function fullLayout(scenario: BaseScenario, horizonEndMs: number): BaseLayout {
  if (cached && cached.scenario === scenario && cached.endMs === horizonEndMs) return cached.layout
  const placed = structureLayout(baseStateAt(scenario, horizonEndMs), scenario)
  const layout = {} as BaseLayout
  for (const kind of STRUCTURE_KINDS) {
    const items = placed.filter((p) => p.kind === kind).sort((a, b) => a.builtAtMs - b.builtAtMs)
    layout[kind] = {
      items,
      groundM: Float64Array.from(items, (p) => groundM(p.xM / 1000, p.yM / 1000)),
      builtAtMs: Float64Array.from(items, (p) => p.builtAtMs),
    }
  }
  cached = { scenario, endMs: horizonEndMs, layout }
  return layout
}

/** How many of a kind stand at tMs (first index whose build time is after tMs). */
export function standingCount(k: KindLayout, tMs: number): number {
  let lo = 0, hi = k.builtAtMs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (k.builtAtMs[mid] <= tMs) lo = mid + 1
    else hi = mid
  }
  return lo
}

export interface Poi {
  id: string
  label: string
  /** Local metres (x east, y north). */
  xM: number
  yM: number
  /** Where to look from, relative to the point (m), and the eye height above ground. */
  viewFromM: [number, number]
  eyeM: number
  kind: StructureKind | null
  /** View pitch, rad (default: toward the point). */
  pitch?: number
}

/** Points of interest: the first structure of a kind, and Shackleton's rim nearest the base. */
export function pointsOfInterest(layout: BaseLayout): Poi[] {
  const first = (kind: StructureKind, label: string, back: number, eye: number): Poi | null => {
    const p = layout[kind].items[0]
    if (!p) return null
    const d = Math.hypot(p.xM, p.yM) || 1
    const [bx, by] = kind === 'habitat' ? [0.6, -0.8] : [p.xM / d, p.yM / d]
    return { id: kind, label, xM: p.xM, yM: p.yM, viewFromM: [-bx * back, -by * back], eyeM: eye, kind }
  }
  // The mass driver: stand beside the last few hundred metres of the track, looking along it past
  // the muzzle, where the bucket arrives at full speed and the payloads leave.
  const driverPoi = (): Poi | null => {
    const d = layout.massDriver.items[0]
    if (!d) return null
    const hx = Math.sin(d.headingRad), hy = Math.cos(d.headingRad)
    const mx = d.xM + hx * d.lengthM, my = d.yM + hy * d.lengthM
    return { id: 'massDriver', label: 'Mass driver', xM: mx, yM: my, viewFromM: [-hx * 700 + hy * 160, -hy * 700 - hx * 160], eyeM: 25, kind: 'massDriver' }
  }
  const rim = RIDGE_POLYLINE[0]
  const toCentre = Math.atan2(SHACKLETON_LOCAL.xKm - rim.xKm, SHACKLETON_LOCAL.yKm - rim.yKm)
  const out: (Poi | null)[] = [
    first('habitat', 'Habitats', 140, 12),
    first('landingPad', 'Landing pads', 260, 30),
    first('factory', 'Factories', 260, 30),
    driverPoi(),
    {
      id: 'shackleton',
      label: 'Shackleton rim',
      xM: (rim.xKm + Math.sin(toCentre) * 0.4) * 1000,
      yM: (rim.yKm + Math.cos(toCentre) * 0.4) * 1000,
      viewFromM: [-Math.sin(toCentre) * 600, -Math.cos(toCentre) * 600],
      eyeM: 1.7,
      kind: null,
      pitch: -0.04,
    },
  ]
  return out.filter((p): p is Poi => p !== null)
}

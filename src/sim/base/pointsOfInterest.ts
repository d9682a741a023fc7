/**
 * The base's points of interest (the panel's jump buttons, the scene's labels, the explore
 * mode's jumps): the first structure of a kind, the mass driver's muzzle, and Shackleton's rim
 * nearest the base. From the layout alone (no ground heights: those are the scene's).
 */
import type { StructureKind } from './growth'
import type { BaseLayoutData } from './snapshot'
import { RIDGE_POLYLINE, SHACKLETON_LOCAL } from './terrain'

export interface Poi {
  id: string
  label: string
  /** Local metres (x east, y north). */
  xM: number
  yM: number
  /** Where to look from, relative to the point (m), and the eye height above ground. */
  viewFromM: [number, number]
  eyeM: number
  /** The kind whose first structure this is (its label shows once one stands), or null. */
  kind: StructureKind | null
  /** View pitch, rad (default: toward the point). */
  pitch?: number
}

const cache = new WeakMap<BaseLayoutData, Poi[]>()

/** Points of interest of a layout (cached per layout object). */
export function pointsOfInterest(layout: BaseLayoutData): Poi[] {
  const hit = cache.get(layout)
  if (hit) return hit
  const first = (kind: StructureKind, label: string, back: number, eye: number): Poi | null => {
    const k = layout.kinds[kind]
    if (k.count === 0) return null
    const x = k.xM[0],
      y = k.yM[0]
    const d = Math.hypot(x, y) || 1
    const [bx, by] = kind === 'habitat' ? [0.6, -0.8] : [x / d, y / d]
    return { id: kind, label, xM: x, yM: y, viewFromM: [-bx * back, -by * back], eyeM: eye, kind }
  }
  // The mass driver: stand beside the last few hundred metres of the track, looking along it past
  // the muzzle, where the bucket arrives at full speed and the payloads leave.
  const driverPoi = (): Poi | null => {
    const d = layout.kinds.massDriver
    if (d.count === 0) return null
    const hx = Math.sin(d.headingRad[0]),
      hy = Math.cos(d.headingRad[0])
    const mx = d.xM[0] + hx * d.lengthM[0],
      my = d.yM[0] + hy * d.lengthM[0]
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
  const pois = out.filter((p): p is Poi => p !== null)
  cache.set(layout, pois)
  return pois
}

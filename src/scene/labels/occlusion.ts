/**
 * Whether a label's anchor is hidden behind a body: the line of sight from the eye to the anchor
 * passes through the body's sphere before it reaches the anchor. Pure (plain {x, y, z} in any one
 * frame and unit, the scene's km), allocation-free, so the label sets can test every anchor against
 * the Sun, the Earth and the Moon each frame. The test is against the true sphere (its disc on
 * screen), not the few-pixel markers drawn over a body when its disc is tiny: in the heliocentric
 * view the Moon's marker lies on the Earth's, and neither hides the other's label.
 */

export interface XYZ {
  x: number
  y: number
  z: number
}

export interface Occluder {
  /** Centre, same frame and unit as the eye and the anchor. */
  centre: XYZ
  radius: number
}

/**
 * True if the segment from eye to point passes through the sphere (centre, radius) before the
 * point. False when the eye or the point is inside the sphere (a body never hides its own centre,
 * and an eye inside a body is not looking past it).
 */
export function behindSphere(eye: XYZ, point: XYZ, centre: XYZ, radius: number): boolean {
  const dx = point.x - eye.x,
    dy = point.y - eye.y,
    dz = point.z - eye.z
  const len = Math.sqrt(dx * dx + dy * dy + dz * dz)
  if (!(len > 0)) return false
  const cx = centre.x - eye.x,
    cy = centre.y - eye.y,
    cz = centre.z - eye.z
  const c2 = cx * cx + cy * cy + cz * cz
  const r2 = radius * radius
  if (c2 <= r2) return false
  const px = point.x - centre.x,
    py = point.y - centre.y,
    pz = point.z - centre.z
  if (px * px + py * py + pz * pz <= r2) return false
  // Along the ray (unit direction), the closest approach to the centre is at tc; the sphere's near
  // surface at tc − half chord. Hidden if the ray meets the sphere ahead of the eye and before the point.
  const tc = (cx * dx + cy * dy + cz * dz) / len
  if (tc <= 0) return false
  const d2 = c2 - tc * tc
  if (d2 >= r2) return false
  return tc - Math.sqrt(r2 - d2) < len
}

/** True if any occluder but the one at index `skip` (the body the label names; −1 for none) hides the point from the eye. */
export function occluded(eye: XYZ, point: XYZ, occluders: readonly Occluder[], skip = -1): boolean {
  for (let i = 0; i < occluders.length; i++) {
    if (i === skip) continue
    const o = occluders[i]
    if (behindSphere(eye, point, o.centre, o.radius)) return true
  }
  return false
}

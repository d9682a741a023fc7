/**
 * The Earth's shadow on a satellite, and the light the Earth sends it back.
 *
 * `sunlitFraction` is the conical shadow model (Montenbruck & Gill, Satellite Orbits, §3.4.2;
 * SOURCES §6): seen from the satellite, the Sun is a disc of angular radius a = asin(R☉ / |s − r|)
 * and the Earth one of b = asin(R⊕ / |r|), their centres c apart. The Sun's visible share is 1 with
 * the discs apart (c ≥ a + b), 0 with the Sun behind the Earth (umbra, c ≤ b − a), and in between
 * (penumbra) one minus the overlap of the two discs over the Sun's, which falls smoothly from 1 to 0
 * while the Sun sets behind the limb: ~8 s on a 550 km orbit. The Earth's atmosphere is ignored.
 *
 * `lambertPhase` is the share of a Lambert sphere's full-face light seen at phase angle α: what the
 * Earth's albedo sends a satellite, relative to over the subsolar point (1 there, 1/π with the
 * terminator beneath, 0 over the antisolar point).
 *
 * Pure: both take geocentric positions in km in any one frame.
 *
 * The constellation's points (scene/earth/Constellation.tsx) dim by a cheaper cylinder test on the
 * GPU: a point and the close-up model of the same satellite darken within a few seconds of each
 * other at 550 km (the umbra's taper and half the penumbra), more on higher shells.
 */
import { EARTH_RADIUS_KM, SUN_RADIUS_KM } from './constants'
import type { Vec3 } from './vec'

/** The share of the Sun's disc a satellite at `sat` sees past the Earth (0 in the umbra, 1 in full sunlight). */
export function sunlitFraction(sat: Vec3, sun: Vec3, earthRadiusKm = EARTH_RADIUS_KM, sunRadiusKm = SUN_RADIUS_KM): number {
  const r = Math.hypot(sat.x, sat.y, sat.z)
  if (r <= earthRadiusKm) return 0
  const dx = sun.x - sat.x,
    dy = sun.y - sat.y,
    dz = sun.z - sat.z
  const d = Math.hypot(dx, dy, dz)
  if (d <= sunRadiusKm) return 1
  const a = Math.asin(sunRadiusKm / d)
  const b = Math.asin(earthRadiusKm / r)
  // Angle between the Sun's centre and the Earth's centre as the satellite sees them.
  const cosC = -(dx * sat.x + dy * sat.y + dz * sat.z) / (d * r)
  const c = Math.acos(Math.max(-1, Math.min(1, cosC)))
  if (c >= a + b) return 1
  if (c <= b - a) return 0
  // The Earth wholly inside the Sun's disc (beyond ~1.4 million km): an annulus of the Sun shows.
  if (c <= a - b) return 1 - (b * b) / (a * a)
  // Overlap of two discs (radii a, b, centres c apart): the chord sits x from the Sun's centre.
  const x = (c * c + a * a - b * b) / (2 * c)
  const y = Math.sqrt(Math.max(0, a * a - x * x))
  const overlap = a * a * Math.acos(Math.max(-1, Math.min(1, x / a))) + b * b * Math.acos(Math.max(-1, Math.min(1, (c - x) / b))) - c * y
  return Math.max(0, Math.min(1, 1 - overlap / (Math.PI * a * a)))
}

/** A Lambert sphere's brightness at phase angle α (cos α given), relative to full phase: (sin α + (π − α) cos α) / π. */
export function lambertPhase(cosAlpha: number): number {
  const c = Math.max(-1, Math.min(1, cosAlpha))
  const alpha = Math.acos(c)
  return Math.max(0, (Math.sin(alpha) + (Math.PI - alpha) * c) / Math.PI)
}

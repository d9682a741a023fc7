/**
 * The satellite close-up's framing, chosen from where the satellite is, where the Earth is and
 * where the Sun is, so that every arrival (the inspector's "Fly to it", a `follow=` link, a tour
 * chapter) shows the satellite lit by the Sun with the Earth's day side as a sphere behind it.
 *
 * The pose lives in the satellite's local frame: "up" is the local vertical (away from the Earth's
 * centre), azimuth is measured about it from the Sun's direction along the local horizontal
 * (positive toward up × sun), elevation above the local horizontal. A camera on the Sun's side
 * (small azimuth), above the satellite (positive elevation), looks down past it at the ground the
 * Sun lights, with the horizon across the top of the frame (the horizon lies 20–25° below the
 * local horizontal at 400–650 km: acos(R / (R + h))).
 *
 * The camera's "up" is the local vertical (the Earth below, its limb level), and it looks a few
 * degrees below the satellite, so the satellite sits above the middle of the frame, clear of a tour
 * caption across the bottom quarter. Once there, the camera turns with the satellite's orbit (the
 * local frame), so the Earth stays below whatever the warp.
 */
import * as THREE from 'three'
import { positionEqjExact } from '../../sim/constellation/orbits'
import { sunlitFraction } from '../../sim/eclipse'
import type { Vec3 } from '../../sim/vec'
import { satellites } from '../../state/constellation'
import { useUi } from '../../state/ui'
import { eqjToScene, frame } from '../frame/frame'
import { bodyPosition } from '../frame/focus'

export interface LocalPose {
  azimuthDeg: number
  elevationDeg: number
}

/** The framing an arrival without a pose of its own gets (the inspector's close-up, a link). */
export const CLOSE_UP: LocalPose = { azimuthDeg: 35, elevationDeg: 28 }
/** How far below the satellite the camera looks, rad: the satellite ~12 % of the height above the middle. */
export const CLOSE_UP_PITCH = (5.5 * Math.PI) / 180

const _p: Vec3 = { x: 0, y: 0, z: 0 }
const _r = new THREE.Vector3()
const _h = new THREE.Vector3()

/** Whether the followed satellite's orbit is in the buffer (until then its place is a stand-in). */
export function satelliteKnown(): boolean {
  const b = useUi.getState().focusSatellite - satellites.firstIndex
  return b >= 0 && b < satellites.count
}

/** The local vertical at the followed satellite (unit, scene axes); +y when it is not known yet. */
export function satelliteUp(out: THREE.Vector3): THREE.Vector3 {
  bodyPosition('satellite', _p)
  eqjToScene(_p, out)
  const l = out.length()
  return l > 1 ? out.multiplyScalar(1 / l) : out.set(0, 1, 0)
}

/** The Sun's elevation above the followed satellite's local horizontal, rad. */
export function sunElevation(): number {
  return Math.asin(Math.max(-1, Math.min(1, frame.sunDir.dot(satelliteUp(_r)))))
}

/**
 * The share of the Sun's disc the followed satellite sees past the Earth: 1 in sunlight, 0 in the
 * umbra, between in the penumbra (the conical model, sim/eclipse.ts). The model's sunlight and the
 * shadow notice both follow it.
 */
export function satelliteSunlit(): number {
  bodyPosition('satellite', _p)
  return sunlitFraction(_p, frame.sun)
}

/** Whether the followed satellite is in the Earth's shadow: less than half the Sun's disc in view. */
export function inEarthShadow(): boolean {
  return satelliteSunlit() < 0.5
}

/** The camera's offset from the satellite (scene axes, km) for a pose in its local frame. */
export function closeUpOffset(pose: LocalPose, distanceKm: number, out: THREE.Vector3): THREE.Vector3 {
  const r = satelliteUp(_r)
  const s = frame.sunDir
  // The Sun's direction along the local horizontal (any horizontal one with the Sun overhead).
  _h.copy(s).addScaledVector(r, -s.dot(r))
  if (_h.lengthSq() < 1e-8) _h.set(0, 1, 0).addScaledVector(r, -r.y)
  if (_h.lengthSq() < 1e-8) _h.set(1, 0, 0).addScaledVector(r, -r.x)
  _h.normalize()
  const az = (pose.azimuthDeg * Math.PI) / 180,
    el = (pose.elevationDeg * Math.PI) / 180
  // side = up × sun-horizontal; offset = horizontal at the azimuth, raised by the elevation.
  out.crossVectors(r, _h).multiplyScalar(Math.cos(el) * Math.sin(az))
  out.addScaledVector(_h, Math.cos(el) * Math.cos(az)).addScaledVector(r, Math.sin(el))
  return out.setLength(distanceKm)
}

/**
 * The framing for an arrival without a pose of its own: CLOSE_UP, looking more steeply down when
 * the Sun is low, so the ground behind the satellite is the lit ground below it rather than the
 * dusk toward the horizon. With the Sun at or below the local horizontal (near the terminator, or
 * in the Earth's shadow) the ground beneath is dark: the camera then looks from the far side
 * toward the Sun, at the sunlit limb, with the satellite against the light.
 */
export function autoCloseUpPose(out: LocalPose): LocalPose {
  const e = (sunElevation() * 180) / Math.PI
  if (e < 5) {
    out.azimuthDeg = 150
    out.elevationDeg = 40
    return out
  }
  out.azimuthDeg = CLOSE_UP.azimuthDeg
  out.elevationDeg = e >= 30 ? CLOSE_UP.elevationDeg : Math.min(48, CLOSE_UP.elevationDeg + (30 - e) * 0.8)
  return out
}

const _q: Vec3 = { x: 0, y: 0, z: 0 }

/**
 * Minutes until the followed satellite leaves the Earth's shadow (its orbit stepped 30 s at a
 * time over up to two hours, the Sun held where it is now); null if it is not in the buffer or
 * does not come out within that.
 */
export function minutesToSunlight(tMs: number): number | null {
  const b = useUi.getState().focusSatellite - satellites.firstIndex
  if (b < 0 || b >= satellites.count) return null
  for (let k = 1; k <= 240; k++) {
    positionEqjExact(satellites.elements, b, satellites.shells, tMs + k * 30000, _q)
    if (sunlitFraction(_q, frame.sun) >= 0.5) return k * 0.5
  }
  return null
}

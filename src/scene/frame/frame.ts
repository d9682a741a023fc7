/**
 * Per-frame world state, computed once per rendered frame for the exact render time, in float64,
 * then handed to three.js relative to the focus origin (ARCHITECTURE.md, scales and precision).
 *
 * Axes: the simulation frame is J2000 equatorial (EQJ), z to the celestial north pole. three.js is
 * y-up, so a vector (x, y, z) in EQJ is drawn at (x, z, −y). Scene units are kilometres.
 */
import * as THREE from 'three'
import { earthFixedMatrix, moonFixedMatrix, moonGeocentricKm, sunGeocentricKm } from '../../sim/ephemeris'
import { vec3, type Vec3 } from '../../sim/vec'

export interface FrameState {
  tMs: number
  sun: Vec3
  moon: Vec3
  earthFixed: Float64Array
  moonFixed: Float64Array
  /** Geocentric EQJ position (km) of the scene origin: the focus, or a point on the way to it. */
  origin: Vec3
  /** Unit vector from the Earth to the Sun, scene axes. */
  sunDir: THREE.Vector3
}

export const frame: FrameState = {
  tMs: NaN,
  sun: vec3(),
  moon: vec3(),
  earthFixed: new Float64Array(9),
  moonFixed: new Float64Array(9),
  origin: vec3(),
  sunDir: new THREE.Vector3(1, 0, 0),
}

/** Evaluates the ephemerides for tMs (skipped when the time has not changed). */
export function updateEphemerides(tMs: number): void {
  if (tMs === frame.tMs) return
  frame.tMs = tMs
  sunGeocentricKm(tMs, frame.sun)
  moonGeocentricKm(tMs, frame.moon)
  earthFixedMatrix(tMs, frame.earthFixed)
  moonFixedMatrix(tMs, frame.moonFixed)
  eqjToScene(frame.sun, frame.sunDir).normalize()
}

export function eqjToScene(v: Vec3, out: THREE.Vector3): THREE.Vector3 {
  return out.set(v.x, v.z, -v.y)
}

/** Scene position of a geocentric EQJ point relative to the current origin (float64 subtraction first). */
export function toScene(v: Vec3, out: THREE.Vector3): THREE.Vector3 {
  const o = frame.origin
  return out.set(v.x - o.x, v.z - o.z, -(v.y - o.y))
}

const _m4 = new THREE.Matrix4()

/**
 * Orientation of a body mesh whose local axes follow three's SphereGeometry texture mapping
 * (longitude 0 at +x, north at +y, 90° E at −z) from a row-major EQJ → body-fixed matrix M:
 * R = S · Mᵀ · Sᵀ with S the EQJ → scene axis map.
 */
export function bodyQuaternion(m: Float64Array, out: THREE.Quaternion): THREE.Quaternion {
  // Rows of M are the body axes in EQJ. Local three axes: x = body x, y = body z (north), z = −body y.
  // Each is mapped to scene axes by S: (x, y, z) → (x, z, −y). They form the columns of R.
  const lxx = m[0],
    lxy = m[2],
    lxz = -m[1]
  const lyx = m[6],
    lyy = m[8],
    lyz = -m[7]
  const lzx = -m[3],
    lzy = -m[5],
    lzz = m[4]
  _m4.set(lxx, lyx, lzx, 0, lxy, lyy, lzy, 0, lxz, lyz, lzz, 0, 0, 0, 0, 1)
  return out.setFromRotationMatrix(_m4)
}

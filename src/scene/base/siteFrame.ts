/**
 * Where the base is in the scene, each frame: the site's geocentric EQJ position and the rotation
 * from the base's local frame to scene axes. Local frame (three.js habit, y up): x east, y up
 * (the sphere's outward normal at the site), z south; units km for the group, metres inside the
 * structures' scaled group. A local ENU point (e, n, u) is drawn at (e, u, −n).
 *
 * From frame.moonFixed (row-major EQJ → Moon-fixed, M): an EQJ vector is Mᵀ · (Moon-fixed), and
 * a scene vector is S · EQJ with S (x, y, z) → (x, z, −y) (frame.ts).
 */
import * as THREE from 'three'
import { BASE_ENU, siteMoonFixedKm } from '../../sim/base/site'
import type { Vec3 } from '../../sim/vec'
import { vec3 } from '../../sim/vec'
import { frame } from '../frame/frame'

const SITE_FIXED = siteMoonFixedKm()
const _m4 = new THREE.Matrix4()
const _e = new THREE.Vector3(),
  _n = new THREE.Vector3(),
  _u = new THREE.Vector3()

/** Moon-fixed vector → scene axes, written into out (uses frame.moonFixed). */
function fixedToScene(v: Vec3, out: THREE.Vector3): THREE.Vector3 {
  const m = frame.moonFixed
  const x = m[0] * v.x + m[3] * v.y + m[6] * v.z
  const y = m[1] * v.x + m[4] * v.y + m[7] * v.z
  const z = m[2] * v.x + m[5] * v.y + m[8] * v.z
  return out.set(x, z, -y)
}

/** The base origin (ground at the site), geocentric EQJ km, for the current frame. */
export function siteGeocentricKm(out: Vec3): Vec3 {
  const m = frame.moonFixed,
    v = SITE_FIXED
  out.x = frame.moon.x + m[0] * v.x + m[3] * v.y + m[6] * v.z
  out.y = frame.moon.y + m[1] * v.x + m[4] * v.y + m[7] * v.z
  out.z = frame.moon.z + m[2] * v.x + m[5] * v.y + m[8] * v.z
  return out
}

/** Rotation local (east, up, south) → scene, for the current frame. */
export function localToSceneQuaternion(out: THREE.Quaternion): THREE.Quaternion {
  fixedToScene(BASE_ENU.east, _e)
  fixedToScene(BASE_ENU.north, _n)
  fixedToScene(BASE_ENU.up, _u)
  _m4.set(_e.x, _u.x, -_n.x, 0, _e.y, _u.y, -_n.y, 0, _e.z, _u.z, -_n.z, 0, 0, 0, 0, 1)
  return out.setFromRotationMatrix(_m4)
}

/** Per-frame base placement, updated by BaseScene (scratch objects, no allocation per frame). */
export const site = {
  geocentric: vec3(),
  /** Scene position of the base origin relative to the focus origin, km. */
  position: new THREE.Vector3(),
  quaternion: new THREE.Quaternion(),
  inverse: new THREE.Quaternion(),
  /** Unit vector toward the Sun (from the Moon) in local axes (x east, y up, z south). */
  sunLocal: new THREE.Vector3(0, 0.01, -1),
  /** Unit vector toward Earth from the site, local axes. */
  earthLocal: new THREE.Vector3(0, 0.05, -1),
  /** Sun azimuth from north through east, rad. */
  sunAzimuth: 0,
}

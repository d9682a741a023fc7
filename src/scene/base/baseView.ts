/** Per-frame view state of the base shared by its components (mutated in useFrame, never React state). */
import * as THREE from 'three'

export const baseView = {
  /** The base is in view (focus is, or is flying to, the base). */
  active: false,
  /** Centre of the shadow box, local km (x east, y up, z south). */
  shadowCentre: new THREE.Vector3(),
  /** Half-size of the shadow box, km. */
  shadowHalfKm: 6,
  /** Camera position in local metres (x east, y up, z south), updated each frame. */
  cameraLocalM: new THREE.Vector3(),
}

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

/**
 * The base's default overview pose, in one place: FOCUS_VIEW.base flies the camera to its
 * distance, BaseCamera turns it to its direction (elevation above the site's horizon, looking
 * along the Earth's azimuth turned by up to turnMaxDeg away from the Sun). The camera orbits the
 * base origin (the hub habitat), so the distance sets how much of the frame the city fills.
 */
export const BASE_VIEW = {
  // 300 m out and 9° up: the habitat rings (within 90 m of the hub in 2045, 180 m in 2050) fill
  // half the width to all of it, the towers stand behind them, the empty regolith in front is
  // the bottom fifth (at 380 m and 12° it was the bottom third), and the Earth (3.5–6° up) sits
  // 12–15° above the centre, clear of the focus bar, at 1280×720's 45° field of view.
  distanceKm: 0.3,
  elevationDeg: 9,
  // The look is turned biasDeg from the Earth's azimuth toward the factories (north-east of the
  // hub, on the left looking toward the Earth), then by up to turnMaxDeg away from the Sun: the
  // Earth stays 5–15° right of centre (x ≈ 750–875 px at 1280: at 20°, 2045-01-01, it sat at
  // x ≈ 960 behind the base panel).
  biasDeg: -10,
  turnMaxDeg: 5,
  /** Looking azimuth when the Earth's is not known (from north through east). */
  fallbackAzimuthDeg: 30,
}

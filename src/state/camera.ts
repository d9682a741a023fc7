/**
 * The camera as the rest of the app sees it, with no three.js here: where it is (written by the
 * scene's CameraRig every frame, read by deep links and the presenter view) and the moves asked of
 * it (tour chapters, deep links), which CameraRig plays on stageTime. Plain objects, not a store:
 * they change every frame.
 *
 * A pose is relative to the focused body (the scene origin), in the scene's axes (y to the
 * celestial north pole): distance, azimuth about that pole measured from the Sun's direction
 * (positive eastward, i.e. counter-clockwise seen from the north), elevation above the equator.
 * Measured from the Sun, a pose shows the same lighting whatever the date.
 */
import type { Focus } from './ui'

export interface CameraPose {
  distanceKm: number
  azimuthDeg: number
  elevationDeg: number
}

export const EASINGS = ['linear', 'in', 'out', 'inOut'] as const
export type Easing = (typeof EASINGS)[number]

/** Easing curves on 0…1 (cubic; `inOut` is smoothstep's cubic cousin, flat at both ends). */
export function ease(e: Easing, x: number): number {
  const t = Math.min(1, Math.max(0, x))
  switch (e) {
    case 'linear':
      return t
    case 'in':
      return t * t * t
    case 'out':
      return 1 - (1 - t) ** 3
    case 'inOut':
      return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2
  }
}

/** The camera now: its offset from the origin (scene axes, km), updated by CameraRig each frame. */
export const cameraView = { x: 0, y: 0, z: 0, ready: false }

export interface CameraMove {
  /** Bumped per request; CameraRig plays a request once. */
  seq: number
  focus: Focus
  /** The pose to end on, or `offset` (an exact scene-axis offset, km, from a deep link). */
  pose: CameraPose | null
  offset: [number, number, number] | null
  durationMs: number
  easing: Easing
}

export const cameraMove: CameraMove = { seq: 0, focus: 'earth', pose: null, offset: null, durationMs: 0, easing: 'inOut' }

/**
 * Asks the camera to fly to `focus` and end exactly on `pose` (or `offset`) after durationMs of
 * stage time (0: at once). The caller then sets the focus (useUi.setFocus / focusOnSatellite), which
 * is what CameraRig reacts to.
 */
export function requestCameraMove(m: Omit<CameraMove, 'seq'>): void {
  Object.assign(cameraMove, m)
  cameraMove.seq++
}

/**
 * A camera pose at Moon Base Alpha in the site's own frame (metres from the base origin, x east,
 * y north; azimuths from north through east), as shots use (src/present/shots.ts): `orbit` is the
 * overview camera round the base origin, `eye` is explore mode's free camera (height above the
 * drawn ground, looking along an azimuth, pitched up or down).
 */
export type BasePose =
  | { mode: 'orbit'; azimuthDeg: number; elevationDeg: number; distanceM: number }
  | { mode: 'eye'; eastM: number; northM: number; heightM: number; azimuthDeg: number; pitchDeg: number }

/** The base pose asked for last (BaseCamera plays each seq once, when the base is in view, and notes it in playedSeq). */
export const basePoseRequest: { seq: number; pose: BasePose | null; playedSeq: number } = { seq: 0, pose: null, playedSeq: 0 }

/** Asks BaseCamera for a pose; null drops one not yet played. */
export function requestBasePose(pose: BasePose | null): void {
  basePoseRequest.pose = pose
  basePoseRequest.seq++
}

/**
 * A view at Moon Base Alpha asked for in the site's own frame (a tour chapter framing the mass
 * driver): the camera's bearing from the base origin, clockwise from local north through east, and
 * its elevation above the local horizontal. While set, the base camera (scene/base/BaseCamera.tsx)
 * swings to it on arrival instead of its default view; null gives the default view back. The tour
 * player sets it (or null) before the focus request of each chapter, and null when the tour ends.
 */
export interface SitePose {
  bearingDeg: number
  elevationDeg: number
}

export const siteView: { pose: SitePose | null } = { pose: null }

export function requestSiteView(pose: SitePose | null): void {
  siteView.pose = pose
}

/** A site pose's unit direction from the base origin in the site's local axes (x east, y up, −z north), as BaseCamera's viewDirection. */
export function siteViewDirection(p: SitePose, out: { x: number; y: number; z: number }): { x: number; y: number; z: number } {
  const az = (p.bearingDeg * Math.PI) / 180,
    el = (p.elevationDeg * Math.PI) / 180
  out.x = Math.sin(az) * Math.cos(el)
  out.y = Math.sin(el)
  out.z = -Math.cos(az) * Math.cos(el)
  return out
}

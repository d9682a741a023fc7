/**
 * The camera's part at the base (overview mode; explore mode is Explore.tsx): on the way in the
 * camera swings to a low view across the city toward the Earth (baseView.ts BASE_VIEW, the one
 * place the default pose is set: its distance is FOCUS_VIEW.base's, its elevation and turn are
 * read here; habitats and factories in front, towers and their long shadows beyond, the Earth low
 * over the horizon when it is up). It looks along the Earth's azimuth turned 10° toward the
 * factories and by up to 5° more away from the Sun, so the Earth stays in frame while the Sun
 * falls as far behind or beside the camera as it can (lit faces, shadows across the frame); from
 * 30° azimuth if the Earth is not known. "Up" turns to
 * the site's vertical (the south pole's up is roughly the scene's down), the orbit stays above
 * the horizon and above the ground, and the shadow box follows the view. A shot's pose in the
 * site frame (state/camera's basePoseRequest: orbit round the origin, or explore mode's eye) is
 * played once the base is in view; a tour chapter's site-frame view (state/camera's siteView)
 * replaces the fresh view as the swing's target.
 */
import { useThree } from '@react-three/fiber'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useEffect, useRef } from 'react'
import * as THREE from 'three'
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib'
import { simTime } from '../../state/clock'
import { explorer, useBase } from '../../state/base'
import { basePoseRequest, siteView, siteViewDirection } from '../../state/camera'
import { useUi } from '../../state/ui'
import { updateEphemerides } from '../frame/frame'
import { flight } from '../frame/focus'
import { BASE_VIEW, baseView } from './baseView'
import { site, localToSceneQuaternion } from './siteFrame'
import { groundM } from './terrainPatches'

/** Fresh view (baseView.ts BASE_VIEW): up from the horizon, looking along the Earth's azimuth turned toward the factories and away from the Sun. */
const VIEW_AZ = (BASE_VIEW.fallbackAzimuthDeg * Math.PI) / 180,
  VIEW_EL = (BASE_VIEW.elevationDeg * Math.PI) / 180,
  TURN_MAX = (BASE_VIEW.turnMaxDeg * Math.PI) / 180,
  BIAS = (BASE_VIEW.biasDeg * Math.PI) / 180
const VIEW_LOCAL = new THREE.Vector3()
const wrap = (a: number) => Math.atan2(Math.sin(a), Math.cos(a))

/**
 * The fresh view's direction from the base origin (local, x east, y up, z south): the camera
 * stands opposite the azimuth it looks along, VIEW_EL up. It looks along the Earth's azimuth turned
 * by BIAS toward the factories, then by up to TURN_MAX (in TURN_MAX/5 steps) to put the Sun's
 * azimuth as far from the view as it can.
 */
export function viewDirection(earthLocal: THREE.Vector3, sunLocal: THREE.Vector3, out: THREE.Vector3): THREE.Vector3 {
  const h = Math.hypot(earthLocal.x, earthLocal.z)
  let look = VIEW_AZ + Math.PI
  if (h > 1e-6) {
    const earth = Math.atan2(earthLocal.x, -earthLocal.z) + BIAS
    const sun = Math.atan2(sunLocal.x, -sunLocal.z)
    let best = -1
    for (let k = 0; k <= 10; k++) {
      // 0, +5°, −5°, +10°, …: ties keep the turn nearest the Earth.
      const turn = (k % 2 ? 1 : -1) * Math.ceil(k / 2) * (TURN_MAX / 5)
      const away = Math.abs(wrap(sun - earth - turn))
      if (away > best + 1e-9) {
        best = away
        look = earth + turn
      }
    }
  }
  const az = look + Math.PI
  return out.set(Math.sin(az) * Math.cos(VIEW_EL), Math.sin(VIEW_EL), -Math.cos(az) * Math.cos(VIEW_EL))
}
/** The swing's target: a tour chapter's site-frame view (state/camera siteView) when it asks for one, else the fresh view. */
function freshDirection(): THREE.Vector3 {
  if (!siteView.pose) return viewDirection(site.earthLocal, site.sunLocal, VIEW_LOCAL)
  siteViewDirection(siteView.pose, VIEW_LOCAL)
  return VIEW_LOCAL
}
/** Frames an eye pose is written for after explore mode is switched on (its own entry effect runs in between). */
const EYE_FRAMES = 5
/** Frames an orbit pose waits after leaving explore mode. */
const EXIT_FRAMES = 3
const DEG = Math.PI / 180
const Y = new THREE.Vector3(0, 1, 0)
const _q = new THREE.Quaternion(),
  _q1 = new THREE.Quaternion(),
  _v = new THREE.Vector3(),
  _up = new THREE.Vector3(),
  _id = new THREE.Quaternion()

export function BaseCamera() {
  const camera = useThree((s) => s.camera)
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null
  const focusRequest = useUi((s) => s.focusRequest)
  const swing = useRef({ from: new THREE.Vector3(), active: false, limited: false })
  /** The base pose request played last, and frames left to hold an eye pose. */
  const posed = useRef({ seq: 0, eyeFrames: 0, exitFrames: 0 })

  // biome-ignore lint/correctness/useExhaustiveDependencies: focusRequest is the trigger (re-run on every focus request), not a value read
  useEffect(() => {
    if (useUi.getState().focus !== 'base') {
      useBase.getState().setExploring(false)
      return
    }
    updateEphemerides(simTime.tMs)
    swing.current.from.copy(camera.position).normalize()
    swing.current.active = true
    if (flight.progress >= 1) {
      // Arrived without a flight (deep link): place the camera now (the frame refines the direction once the Earth's is known).
      // The length is read before the copy: read inside the chain it was the unit vector's, so every
      // deep link to the base stood 1 km out whatever FOCUS_VIEW.base said.
      localToSceneQuaternion(_q)
      const len = camera.position.length()
      camera.position.copy(freshDirection()).applyQuaternion(_q).multiplyScalar(len)
    }
  }, [focusRequest, camera])

  useSceneFrame(() => {
    const toBase = flight.to === 'base'
    // Up: the scene's +y elsewhere, the site's vertical at the base, turned during flights.
    const w = toBase ? flight.progress : flight.from === 'base' ? 1 - flight.progress : 0
    _q1.setFromUnitVectors(Y, _up.set(0, 1, 0).applyQuaternion(site.quaternion))
    camera.up.copy(Y).applyQuaternion(_q.copy(_id).slerp(_q1, w))
    // Keep the orbit above the horizon at the base (set on change only: other foci own it otherwise).
    const limit = toBase && !useBase.getState().exploring
    if (controls && limit !== swing.current.limited) {
      swing.current.limited = limit
      controls.maxPolarAngle = limit ? 1.5 : Math.PI
    }
    if (!toBase || !baseView.active) return
    // A shot's pose, once the flight and the swing are over.
    const req = basePoseRequest
    const p = req.pose
    // An orbit pose from explore mode: leave explore mode first and write the pose a few frames
    // later, once explore mode's frame callback (which writes the eye over the camera while it
    // runs) has seen the change; else the camera stayed at the eye (shots menu: mass driver → night).
    if (p && req.seq !== posed.current.seq && flight.progress >= 1 && p.mode === 'orbit' && useBase.getState().exploring) {
      useBase.getState().setExploring(false)
      posed.current.exitFrames = EXIT_FRAMES
    } else if (posed.current.exitFrames > 0) posed.current.exitFrames--
    else if (p && req.seq !== posed.current.seq && flight.progress >= 1) {
      posed.current.seq = req.seq
      req.playedSeq = req.seq
      swing.current.active = false
      posed.current.eyeFrames = p.mode === 'eye' ? EYE_FRAMES : 0
      if (p.mode === 'orbit') {
        useBase.getState().setExploring(false)
        const az = p.azimuthDeg * DEG,
          el = p.elevationDeg * DEG
        camera.position
          .set(Math.sin(az) * Math.cos(el), Math.sin(el), -Math.cos(az) * Math.cos(el))
          .applyQuaternion(site.quaternion)
          .multiplyScalar(p.distanceM / 1000)
        controls?.update()
      } else useBase.getState().setExploring(true)
    }
    if (p?.mode === 'eye' && posed.current.eyeFrames > 0 && useBase.getState().exploring) {
      // Explore mode's entry effect places the eye beside the habitats: write the pose over it for a few frames.
      posed.current.eyeFrames--
      explorer.x = p.eastM
      explorer.z = -p.northM
      explorer.alt = p.heightM
      explorer.yaw = p.azimuthDeg * DEG
      explorer.pitch = p.pitchDeg * DEG
    }
    if (swing.current.active) {
      _v.copy(freshDirection()).applyQuaternion(site.quaternion)
      const len = camera.position.length()
      _q.setFromUnitVectors(swing.current.from, _v)
      camera.position.copy(swing.current.from).applyQuaternion(_q1.copy(_id).slerp(_q, flight.progress)).multiplyScalar(len)
      if (flight.progress >= 1) swing.current.active = false
    }
    // Camera in local metres; keep it 2 m above the drawn ground.
    const local = baseView.cameraLocalM
    local.copy(camera.position).sub(site.position).applyQuaternion(site.inverse).multiplyScalar(1000)
    const floor = groundM(local.x / 1000, -local.z / 1000) + 2
    if (!useBase.getState().exploring && local.y < floor) {
      local.y = floor
      camera.position.copy(local).multiplyScalar(0.001).applyQuaternion(site.quaternion).add(site.position)
    }
    // Shadow box: around the orbit target (the base origin) out to ~1.3× the view distance.
    if (!useBase.getState().exploring) {
      baseView.shadowCentre.set(0, 0, 0)
      const d = local.length() / 1000
      baseView.shadowHalfKm = Math.min(14, Math.max(0.4, d * 1.3))
    }
  }, -40)
  return null
}

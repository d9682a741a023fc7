/**
 * Orbit/zoom controls (mouse, wheel, touch) around the focus, which is always at the origin, and the
 * camera's part of a fly-to: distance eased in log space from where it was to the new body's view.
 *
 * Tour chapters and deep links ask for a move to an exact pose (src/state/camera.ts): the camera's
 * offset from the origin turns (slerp) and its distance eases in log space over the chapter's stage
 * time, while the origin glides to the new body (focus.ts, same duration and easing). A flight never
 * passes through a body (pushed out of every sphere it would enter), and ends exactly on the pose.
 */
import { OrbitControls } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import { useSceneFrame } from './useSceneFrame'
import { useEffect, useRef } from 'react'
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib'
import { simTime } from '../../state/clock'
import { useUi } from '../../state/ui'
import * as THREE from 'three'
import { frame, toScene, updateEphemerides } from './frame'
import { stageTime } from '../../state/stageTime'
import { cameraMove, cameraView, type CameraPose } from '../../state/camera'
import { EARTH_RADIUS_KM, MOON_RADIUS_KM } from '../../sim/constants'
import { FOCUS_VIEW, flight, startFlight } from './focus'
import { autoCloseUpPose, closeUpOffset, type LocalPose } from '../earth/closeUpPose'

const _side = new THREE.Vector3()
const _to = new THREE.Vector3()
const _dir = new THREE.Vector3()
const _body = new THREE.Vector3()
const _rel = new THREE.Vector3()
const _q = new THREE.Quaternion()
const _qi = new THREE.Quaternion()
const EARTH_GEO = { x: 0, y: 0, z: 0 }
/** The close-up framing an arrival at a satellite without a pose of its own ends on (closeUpPose.ts). */
const AUTO_CLOSE_UP: LocalPose = { azimuthDeg: 0, elevationDeg: 0 }

/** Far enough out to frame the whole Earth–Moon system (Moon at ≤ 406,000 km). */
export const MAX_DISTANCE_KM = 2.5e6
/** With the Sun in focus: far enough to frame Jupiter's orbit (5.2 AU) and the whole swarm. */
export const HELIO_MAX_DISTANCE_KM = 1.8e9

/** A pose's offset from the origin in scene axes (km), for the Sun's direction now. */
export function poseOffset(p: CameraPose, out: THREE.Vector3): THREE.Vector3 {
  const s = frame.sunDir
  const th = Math.atan2(-s.z, s.x) + (p.azimuthDeg * Math.PI) / 180
  const el = (p.elevationDeg * Math.PI) / 180
  return out.set(Math.cos(el) * Math.cos(th), Math.sin(el), -Math.cos(el) * Math.sin(th)).multiplyScalar(p.distanceKm)
}

/** Pushes a scene point out of a body's sphere (centre geocentric EQJ km) with a margin. */
function keepOutside(p: THREE.Vector3, centreGeo: { x: number; y: number; z: number }, radiusKm: number): void {
  toScene(centreGeo, _body)
  _rel.copy(p).sub(_body)
  const d = _rel.length()
  if (d < radiusKm && d > 0) p.copy(_body).add(_rel.setLength(radiusKm))
}

export function CameraRig() {
  const controls = useRef<OrbitControlsImpl>(null)
  const camera = useThree((s) => s.camera)
  const fly = useRef({ fromDist: 0, toDist: 0, active: false, turn: false })
  const fromDir = useRef(new THREE.Vector3())
  const toDir = useRef(new THREE.Vector3())
  /** The pose move being played (tour chapter, deep link): its request's seq, and where it started. */
  const move = useRef({ handled: 0, active: false, from: new THREE.Vector3() })
  const focusRequest = useUi((s) => s.focusRequest)

  useEffect(() => {
    const f = useUi.getState().focus
    const first = focusRequest === 0
    const pending = cameraMove.seq !== move.current.handled
    if (pending) {
      // A tour chapter or a deep link: its own duration and easing, ending on its pose.
      move.current.handled = cameraMove.seq
      startFlight(f, stageTime.ms, false, cameraMove.durationMs, cameraMove.easing)
      move.current.active = true
      move.current.from.copy(camera.position)
      fly.current.active = false
      if (first) updateEphemerides(simTime.tMs)
      const c = controls.current
      if (c) {
        const toDist = cameraMove.pose ? cameraMove.pose.distanceKm : Math.hypot(...(cameraMove.offset ?? [1, 1, 1]))
        c.minDistance = Math.min(FOCUS_VIEW[f].minDistanceKm, toDist * 0.99, camera.position.length() * 0.9)
        c.maxDistance = Math.max(f === 'sun' ? HELIO_MAX_DISTANCE_KM : MAX_DISTANCE_KM, toDist * 1.01, camera.position.length() * 1.1)
      }
      return
    }
    startFlight(f, stageTime.ms, first)
    move.current.active = false
    const dist = camera.position.length()
    // Close to a satellite, swing round to the framing closeUpPose.ts chooses from the satellite's
    // place and the Sun (lit side, the Earth's day side behind), whatever the arrival angle.
    const turn = f === 'satellite' && !first
    fly.current = { fromDist: dist, toDist: FOCUS_VIEW[f].viewDistanceKm, active: !first, turn }
    if (turn) {
      fromDir.current.copy(camera.position).normalize()
      updateEphemerides(simTime.tMs)
      closeUpOffset(autoCloseUpPose(AUTO_CLOSE_UP), 1, toDir.current)
    }
    if (first) {
      // Open on the day side: 50° east of the Sun's direction in the equatorial plane, 18° above it.
      updateEphemerides(simTime.tMs)
      poseOffset({ distanceKm: FOCUS_VIEW[f].viewDistanceKm, azimuthDeg: 50, elevationDeg: 18 }, camera.position)
      // Heliocentric: look down on the ecliptic from 55° above it (ecliptic north is scene (0, cos ε, sin ε)).
      const az = Math.atan2(frame.sunDir.z, frame.sunDir.x) - 0.87
      if (f === 'sun') camera.position.set(0.57 * Math.cos(az), 0.82 * 0.917, 0.82 * 0.398 + 0.57 * Math.sin(az)).setLength(FOCUS_VIEW[f].viewDistanceKm)
    }
    if (controls.current) controls.current.minDistance = Math.min(FOCUS_VIEW[f].minDistanceKm, dist * 0.9)
    if (controls.current && f === 'sun') controls.current.maxDistance = HELIO_MAX_DISTANCE_KM
  }, [focusRequest, camera])

  useSceneFrame(() => {
    const c = controls.current
    if (!c) return
    const f = fly.current
    const m = move.current
    if (m.active) {
      // The pose is evaluated for this frame's Sun direction, so the flight ends exactly on it.
      // At a satellite the pose is in its local frame (closeUpPose.ts), not the Earth's.
      if (cameraMove.pose && flight.to === 'satellite') closeUpOffset(cameraMove.pose, cameraMove.pose.distanceKm, _to)
      else if (cameraMove.pose) poseOffset(cameraMove.pose, _to)
      else if (cameraMove.offset) _to.fromArray(cameraMove.offset)
      const p = flight.progress
      if (p >= 1) {
        // At the base the site's own view sets the direction (BaseCamera); the pose sets the distance.
        if (flight.to === 'base' && cameraMove.pose) camera.position.setLength(cameraMove.pose.distanceKm)
        else camera.position.copy(_to)
        m.active = false
        c.minDistance = Math.min(FOCUS_VIEW[flight.to].minDistanceKm, camera.position.length() * 0.99)
        c.maxDistance = Math.max(flight.to === 'sun' ? HELIO_MAX_DISTANCE_KM : MAX_DISTANCE_KM, camera.position.length() * 1.01)
      } else {
        const d0 = Math.max(1e-6, m.from.length()),
          d1 = Math.max(1e-6, _to.length())
        const d = Math.exp(Math.log(d0) + (Math.log(d1) - Math.log(d0)) * p)
        if (flight.to === 'base' && cameraMove.pose) camera.position.setLength(d)
        else {
          _q.setFromUnitVectors(_dir.copy(m.from).normalize(), _side.copy(_to).normalize())
          camera.position.copy(_dir).applyQuaternion(_qi.identity().slerp(_q, p)).multiplyScalar(d)
        }
        // Never through a body: out of the Earth's and the Moon's spheres (the Moon's only while
        // still far from a base on its surface, where the base's own ground clamp takes over).
        keepOutside(camera.position, EARTH_GEO, EARTH_RADIUS_KM * 1.02)
        if (flight.to !== 'base' || d > 50) keepOutside(camera.position, frame.moon, MOON_RADIUS_KM * 1.02)
      }
    } else if (f.active) {
      const d = Math.exp(Math.log(f.fromDist) + (Math.log(f.toDist) - Math.log(f.fromDist)) * flight.progress)
      if (f.turn) {
        // The framing is chosen again each frame: the satellite's orbit may arrive during the flight,
        // and at a high warp the satellite moves on.
        closeUpOffset(autoCloseUpPose(AUTO_CLOSE_UP), 1, toDir.current)
        camera.position.copy(fromDir.current).lerp(toDir.current, flight.progress).normalize()
      }
      camera.position.setLength(d)
      if (flight.progress >= 1) {
        f.active = false
        c.minDistance = FOCUS_VIEW[flight.to].minDistanceKm
        c.maxDistance = flight.to === 'sun' ? HELIO_MAX_DISTANCE_KM : MAX_DISTANCE_KM
      }
    }
    c.update()
  }, -50)

  // After BaseCamera (−40) has placed the camera at the base: what a deep link or presenter view reads.
  useSceneFrame(() => {
    cameraView.x = camera.position.x
    cameraView.y = camera.position.y
    cameraView.z = camera.position.z
    cameraView.ready = true
  }, -30)

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enablePan={false}
      enableDamping
      dampingFactor={0.08}
      rotateSpeed={0.6}
      zoomSpeed={1.2}
      minDistance={FOCUS_VIEW.earth.minDistanceKm}
      maxDistance={MAX_DISTANCE_KM}
    />
  )
}

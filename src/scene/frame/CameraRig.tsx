/**
 * Orbit/zoom controls (mouse, wheel, touch) around the focus, which is always at the origin, and the
 * camera's part of a fly-to: distance eased in log space from where it was to the new body's view.
 */
import { OrbitControls } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import { useSceneFrame } from './useSceneFrame'
import { useEffect, useRef } from 'react'
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib'
import { simTime } from '../../state/clock'
import { useUi } from '../../state/ui'
import * as THREE from 'three'
import { frame, updateEphemerides } from './frame'
import { stageTime } from '../../state/stageTime'

const _side = new THREE.Vector3()
const _side2 = new THREE.Vector3()
import { FOCUS_VIEW, flight, startFlight } from './focus'

/** Far enough out to frame the whole Earth–Moon system (Moon at ≤ 406,000 km). */
export const MAX_DISTANCE_KM = 2.5e6
/** With the Sun in focus: far enough to frame Jupiter's orbit (5.2 AU) and the whole swarm. */
export const HELIO_MAX_DISTANCE_KM = 1.8e9

export function CameraRig() {
  const controls = useRef<OrbitControlsImpl>(null)
  const camera = useThree((s) => s.camera)
  const fly = useRef({ fromDist: 0, toDist: 0, active: false, turn: false })
  const fromDir = useRef(new THREE.Vector3())
  const toDir = useRef(new THREE.Vector3())
  const focusRequest = useUi((s) => s.focusRequest)

  useEffect(() => {
    const f = useUi.getState().focus
    const first = focusRequest === 0
    startFlight(f, stageTime.ms, first)
    const dist = camera.position.length()
    // Close to a satellite, swing round to its sunlit side (slightly above the orbit) on the way in.
    const turn = f === 'satellite' && !first
    fly.current = { fromDist: dist, toDist: FOCUS_VIEW[f].viewDistanceKm, active: !first, turn }
    if (turn) {
      fromDir.current.copy(camera.position).normalize()
      toDir.current
        .copy(frame.sunDir)
        .multiplyScalar(0.8)
        .add(_side.set(0, 0.45, 0))
        .add(_side2.copy(camera.position).normalize().multiplyScalar(0.35))
        .normalize()
    }
    if (first) {
      // Open on the day side: 50° west of the Sun in the equatorial plane, 18° above it.
      updateEphemerides(simTime.tMs)
      const az = Math.atan2(frame.sunDir.z, frame.sunDir.x) - 0.87
      camera.position.set(Math.cos(az) * 0.95, 0.31, Math.sin(az) * 0.95).setLength(FOCUS_VIEW[f].viewDistanceKm)
      // Heliocentric: look down on the ecliptic from 55° above it (ecliptic north is scene (0, cos ε, sin ε)).
      if (f === 'sun') camera.position.set(0.57 * Math.cos(az), 0.82 * 0.917, 0.82 * 0.398 + 0.57 * Math.sin(az)).setLength(FOCUS_VIEW[f].viewDistanceKm)
    }
    if (controls.current) controls.current.minDistance = Math.min(FOCUS_VIEW[f].minDistanceKm, dist * 0.9)
    if (controls.current && f === 'sun') controls.current.maxDistance = HELIO_MAX_DISTANCE_KM
  }, [focusRequest, camera])

  useSceneFrame(() => {
    const c = controls.current
    if (!c) return
    const f = fly.current
    if (f.active) {
      const d = Math.exp(Math.log(f.fromDist) + (Math.log(f.toDist) - Math.log(f.fromDist)) * flight.progress)
      if (f.turn) camera.position.copy(fromDir.current).lerp(toDir.current, flight.progress).normalize()
      camera.position.setLength(d)
      if (flight.progress >= 1) {
        f.active = false
        c.minDistance = FOCUS_VIEW[flight.to].minDistanceKm
        c.maxDistance = flight.to === 'sun' ? HELIO_MAX_DISTANCE_KM : MAX_DISTANCE_KM
      }
    }
    c.update()
  }, -50)

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

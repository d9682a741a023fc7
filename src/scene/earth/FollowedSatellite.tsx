/**
 * The satellite model (or its cluster) at the followed satellite, only while it is the focus.
 * Ticking the cluster frames its 81 members: once the camera's flight has settled, it dollies out
 * (or back in) along its line of sight to the distance that fits the formation in the view.
 *
 * Close up, the camera keeps the framing closeUpPose.ts chose on arrival: it turns with the
 * satellite's orbit (so the Earth stays below at any warp), its "up" is the satellite's local
 * vertical (the Earth's limb level across the frame), and it looks a little below the satellite so
 * the satellite sits above a tour caption. Arriving in the Earth's shadow, a notice says so.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useRef } from 'react'
import * as THREE from 'three'
import { useInspect } from '../../state/inspect'
import { useUi } from '../../state/ui'
import { stageTime } from '../../state/stageTime'
import { simTime } from '../../state/clock'
import { bodyPosition, flight, FOCUS_VIEW } from '../frame/focus'
import { toScene } from '../frame/frame'
import { CLUSTER_RADIUS_KM, SatelliteModel } from './SatelliteModel'
import { cameraMove } from '../../state/camera'
import { autoCloseUpPose, CLOSE_UP_PITCH, closeUpOffset, inEarthShadow, type LocalPose, minutesToSunlight, satelliteKnown, satelliteUp } from './closeUpPose'

const _p = { x: 0, y: 0, z: 0 }
/** Stage time of the dolly between the single-satellite and the cluster framings. */
const DOLLY_MS = 1500
const _up = new THREE.Vector3()
const _prevUp = new THREE.Vector3()
const _view = new THREE.Vector3()
const _screenUp = new THREE.Vector3()
const _look = new THREE.Vector3()
const _q = new THREE.Quaternion()
const _q1 = new THREE.Quaternion()
const _id = new THREE.Quaternion()
const _pose: LocalPose = { azimuthDeg: 0, elevationDeg: 0 }

export function FollowedSatellite() {
  const focus = useUi((s) => s.focus)
  const cluster = useUi((s) => s.showCluster)
  const info = useInspect((s) => s.satellite)
  const group = useRef<THREE.Group>(null)
  const dolly = useRef({ framed: null as boolean | null, from: 0, startMs: 0, active: false })
  /** Whether last frame's local vertical is known (the camera turns with the orbit from it). */
  const turning = useRef(false)
  /** The look-below-the-satellite pitch, 0…1 (eased to 0 for the cluster), and the stage time it was last eased at. */
  const pitch = useRef({ w: 1, atMs: 0 })
  /** The focus request the arrival notice was given for. */
  const noticed = useRef(-1)
  /** Whether the satellite was known as the flight ended, and a framing still owed for request `req`. */
  const posed = useRef({ req: -1, knownAtEnd: true, pending: false })

  useSceneFrame(({ camera }) => {
    if (group.current) {
      bodyPosition('satellite', _p)
      toScene(_p, group.current.position)
    }
    const settled = flight.to === 'satellite' && flight.progress >= 1 && useUi.getState().focus === 'satellite'
    // Turn with the orbit: the camera's offset keeps its place in the satellite's local frame.
    satelliteUp(_up)
    if (settled && turning.current) camera.position.applyQuaternion(_q.setFromUnitVectors(_prevUp, _up))
    _prevUp.copy(_up)
    turning.current = flight.to === 'satellite'
    if (flight.to === 'satellite' && flight.progress < 1) posed.current.knownAtEnd = satelliteKnown()
    if (!settled) return
    const req = useUi.getState().focusRequest
    const known = satelliteKnown()
    if (posed.current.req !== req) {
      // Arrived before the satellite's orbit was known (a link or a tour opening on it): the flight
      // ended on a stand-in's framing, so take the close-up's framing now that it is known (a
      // link's exact camera offset is kept).
      posed.current.req = req
      posed.current.pending = !posed.current.knownAtEnd && !cameraMove.offset
    }
    if (posed.current.pending && known) {
      posed.current.pending = false
      const pose = cameraMove.focus === 'satellite' && cameraMove.pose ? cameraMove.pose : autoCloseUpPose(_pose)
      closeUpOffset(pose, camera.position.length(), camera.position)
    }
    if (noticed.current !== req && known) {
      noticed.current = req
      if (inEarthShadow()) {
        const m = minutesToSunlight(simTime.tMs)
        const when = m === null ? '' : ` (back in sunlight in about ${Math.max(1, Math.round(m))} min)`
        useUi
          .getState()
          .notify(`Satellite #${useUi.getState().focusSatellite + 1} is in the Earth's shadow now${when}: the Earth below is on its night side`, 'info', 8000)
      }
    }
    // Frame the cluster (or the single satellite) once any flight to the satellite has ended.
    const d = dolly.current
    if (d.framed !== cluster) {
      d.framed = cluster
      d.from = camera.position.length()
      d.startMs = stageTime.ms
      d.active = true
    }
    if (!d.active) return
    const fov = (camera as THREE.PerspectiveCamera).fov ?? 45
    const to = cluster ? (CLUSTER_RADIUS_KM * 1.25) / Math.tan((fov * Math.PI) / 180 / 2) : FOCUS_VIEW.satellite.viewDistanceKm
    const k = Math.min(1, (stageTime.ms - d.startMs) / DOLLY_MS)
    const e = k * k * (3 - 2 * k)
    camera.position.setLength(Math.exp(Math.log(Math.max(d.from, 1e-4)) * (1 - e) + Math.log(to) * e))
    if (k >= 1) d.active = false
  }, -45)

  // Last before the render: after BaseCamera (−40) has set "up" for the other foci and the orbit
  // controls (drei, −1) have aimed the camera at the origin: the local vertical here, and the pitch.
  useSceneFrame(({ camera }) => {
    const w = flight.to === 'satellite' ? flight.progress : flight.from === 'satellite' ? 1 - flight.progress : 0
    const pw = pitch.current
    const dt = Math.max(0, stageTime.ms - pw.atMs)
    pw.atMs = stageTime.ms
    pw.w += ((cluster ? 0 : 1) - pw.w) * Math.min(1, dt / 400)
    if (w <= 0) return
    satelliteUp(_up)
    _q1.setFromUnitVectors(camera.up, _up)
    camera.up.applyQuaternion(_q.copy(_id).slerp(_q1, w)).normalize()
    // Look a little below the satellite (toward the Earth, on screen): the satellite sits high.
    const dist = camera.position.length()
    _view.copy(camera.position).multiplyScalar(-1 / Math.max(dist, 1e-9))
    _screenUp.copy(camera.up).addScaledVector(_view, -camera.up.dot(_view))
    if (_screenUp.lengthSq() < 1e-6) return
    _screenUp.normalize()
    _look.copy(_screenUp).multiplyScalar(-dist * Math.tan(CLOSE_UP_PITCH * w * pw.w))
    camera.lookAt(_look)
  }, -0.5)

  if (focus !== 'satellite' || !info) return null
  return (
    <group ref={group}>
      <SatelliteModel dims={{ arrayAreaM2: info.arrayAreaM2, radiatorAreaM2: info.radiatorAreaM2, massT: info.massT }} cluster={cluster} />
    </group>
  )
}

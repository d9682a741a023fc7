/**
 * The satellite model (or its cluster) at the followed satellite, only while it is the focus.
 * Ticking the cluster frames its 81 members: once the camera's flight has settled, it dollies out
 * (or back in) along its line of sight to the distance that fits the formation in the view.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useRef } from 'react'
import type * as THREE from 'three'
import { useInspect } from '../../state/inspect'
import { useUi } from '../../state/ui'
import { stageTime } from '../../state/stageTime'
import { bodyPosition, flight, FOCUS_VIEW } from '../frame/focus'
import { toScene } from '../frame/frame'
import { CLUSTER_RADIUS_KM, SatelliteModel } from './SatelliteModel'

const _p = { x: 0, y: 0, z: 0 }
/** Stage time of the dolly between the single-satellite and the cluster framings. */
const DOLLY_MS = 1500

export function FollowedSatellite() {
  const focus = useUi((s) => s.focus)
  const cluster = useUi((s) => s.showCluster)
  const info = useInspect((s) => s.satellite)
  const group = useRef<THREE.Group>(null)
  const dolly = useRef({ framed: null as boolean | null, from: 0, startMs: 0, active: false })
  useSceneFrame(({ camera }) => {
    if (!group.current) return
    bodyPosition('satellite', _p)
    toScene(_p, group.current.position)
    // Frame the cluster (or the single satellite) once any flight to the satellite has ended.
    const d = dolly.current
    if (flight.progress < 1 || flight.to !== 'satellite') return
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
  if (focus !== 'satellite' || !info) return null
  return (
    <group ref={group}>
      <SatelliteModel dims={{ arrayAreaM2: info.arrayAreaM2, radiatorAreaM2: info.radiatorAreaM2, massT: info.massT }} cluster={cluster} />
    </group>
  )
}

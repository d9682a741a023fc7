/**
 * Explore mode at the base: the camera near the surface. Keys W A S D / arrows move, R and F rise
 * and sink, Shift runs; mouse drag looks; on touch, drag on the left half moves and on the right
 * half looks. Height is kept above the drawn ground: eye 1.7 m when walking, more when hovering
 * (speed grows with height, capped: exploreSpeed). Jumps to points of interest come from useBase.jumpTo.
 * While a recording holds the view (stageHold) the orbit controls stay off whatever explore does.
 */
import { useThree } from '@react-three/fiber'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useEffect, useRef } from 'react'
import * as THREE from 'three'
import { pointsOfInterest } from '../../sim/base/pointsOfInterest'
import { standingCount } from '../../sim/base/snapshot'
import { EXPLORE_KEYS, explorer, explorerHold, useBase } from '../../state/base'
import { simTime } from '../../state/clock'
import { stageHold } from '../../state/stageTime'
import { useUi } from '../../state/ui'
import { baseView } from './baseView'
import { site } from './siteFrame'
import { groundM } from './terrainPatches'

export const EYE_M = 1.7
/** Walking speed, m/s (SOURCES §3, "The base's look"). */
export const WALK_M_S = 1.5
/** Explore mode starts this far outside the habitats' outer ring (from the base origin if none stands). */
const START_M = 40
const MAX_ALT_M = 4000
const LIMIT_KM = 30
/** Shift runs: this many times the pace. */
export const RUN_FACTOR = 4
/** Hover speed grows with the eye's height above walking height: this many metres a second per metre. */
const HOVER_PER_M = 1.5
/**
 * Speed caps, m/s. Hovering is a person with a jet pack or a camera drone, not an aircraft: 50 m/s
 * (180 km/h, a fast camera drone) crosses the city (about 3 km with the mass driver) in a minute and
 * is reached about 35 m up; Shift gives 200 m/s, so the 30 km limit is 2.5 minutes away.
 */
export const HOVER_MAX_M_S = 50
export const HOVER_RUN_MAX_M_S = 200

/**
 * The explorer's speed over the ground, m/s, at eye height altM above the ground: the walking pace
 * (WALK_M_S) on foot; hovering, 1.5 × the height above walking height per second (so the ground
 * streams by at the same angular rate), at least the walking pace and at most HOVER_MAX_M_S. Shift
 * (run) multiplies by RUN_FACTOR, at most HOVER_RUN_MAX_M_S: 6 m/s on foot.
 */
export function exploreSpeed(altM: number, run: boolean): number {
  const pace = Math.min(HOVER_MAX_M_S, Math.max(WALK_M_S, (altM - EYE_M) * HOVER_PER_M))
  return run ? Math.min(HOVER_RUN_MAX_M_S, pace * RUN_FACTOR) : pace
}

const _e = new THREE.Euler(0, 0, 0, 'YXZ'),
  _q = new THREE.Quaternion(),
  _p = new THREE.Vector3()

export function Explore() {
  const gl = useThree((s) => s.gl)
  const camera = useThree((s) => s.camera)
  const controls = useThree((s) => s.controls) as { enabled: boolean } | null
  const exploring = useBase((s) => s.exploring)
  const jump = useBase((s) => s.jump)
  const keys = useRef(new Set<string>())
  const touch = useRef({ moveX: 0, moveY: 0 })

  // Entering: stand at walking height beside the habitats (START_M from the origin, on the side the
  // camera was on), looking at them.
  useEffect(() => {
    // A recording that holds the view has turned the controls off (src/record/lockStep.ts): a tour
    // chapter that enters or leaves explore mode during the take must not turn them back on.
    if (controls && !stageHold.byRecording) controls.enabled = !exploring
    if (!exploring) return
    const restore = () => {
      if (controls && !stageHold.byRecording) controls.enabled = true
    }
    // A recording gave the view back: the eye stays where the user had it (lockStep restored it).
    if (explorerHold.keepOnEntry) {
      explorerHold.keepOnEntry = false
      return restore
    }
    const l = baseView.cameraLocalM
    const r = Math.hypot(l.x, l.z)
    const layout = useBase.getState().layout
    let ring = 0
    if (layout) {
      const h = layout.kinds.habitat
      for (let i = 0; i < standingCount(h, simTime.tMs); i++) ring = Math.max(ring, Math.hypot(h.xM[i], h.yM[i]))
    }
    const start = ring + START_M
    const s = r > 1 ? start / r : 0
    explorer.x = r > 1 ? l.x * s : 0
    explorer.z = r > 1 ? l.z * s : start
    explorer.alt = EYE_M
    // Look toward the base origin, a little down.
    explorer.yaw = Math.atan2(-explorer.x, explorer.z) || 0
    explorer.pitch = -0.05
    return restore
  }, [exploring, controls])

  useEffect(() => {
    if (!jump) return
    const layout = useBase.getState().layout
    const poi = layout && pointsOfInterest(layout).find((p) => p.id === jump.id)
    if (!poi) return
    explorer.x = poi.xM + poi.viewFromM[0]
    explorer.z = -(poi.yM + poi.viewFromM[1])
    explorer.alt = poi.eyeM
    explorer.yaw = Math.atan2(-poi.viewFromM[0], -poi.viewFromM[1])
    const eye = groundM(explorer.x / 1000, -explorer.z / 1000) + poi.eyeM
    const target = groundM(poi.xM / 1000, poi.yM / 1000) + 5
    explorer.pitch = poi.pitch ?? Math.max(-0.6, Math.min(0.3, Math.atan2(target - eye, Math.hypot(...poi.viewFromM))))
  }, [jump])

  useEffect(() => {
    if (!exploring) return
    const el = gl.domElement
    const k = keys.current
    const down = (e: KeyboardEvent) => {
      // A tour's eye pose holds still: its keys step the tour (state/base exploreKeys).
      if (EXPLORE_KEYS.has(e.key) && useBase.getState().exploreKeys && !stageHold.byRecording) k.add(e.key.length === 1 ? e.key.toLowerCase() : e.key)
    }
    const up = (e: KeyboardEvent) => k.delete(e.key.length === 1 ? e.key.toLowerCase() : e.key)
    const blur = () => k.clear()
    const drags = new Map<number, { x: number; y: number; move: boolean }>()
    const pdown = (e: PointerEvent) => {
      if (stageHold.byRecording) return
      drags.set(e.pointerId, { x: e.clientX, y: e.clientY, move: e.pointerType === 'touch' && e.clientX < el.clientWidth / 2 })
    }
    const pmove = (e: PointerEvent) => {
      const d = drags.get(e.pointerId)
      if (!d || stageHold.byRecording) return
      const dx = e.clientX - d.x,
        dy = e.clientY - d.y
      if (d.move) {
        touch.current.moveX = Math.max(-1, Math.min(1, dx / 60))
        touch.current.moveY = Math.max(-1, Math.min(1, -dy / 60))
        return
      }
      d.x = e.clientX
      d.y = e.clientY
      explorer.yaw -= dx * 0.004
      explorer.pitch = Math.max(-1.45, Math.min(1.45, explorer.pitch - dy * 0.004))
    }
    const pup = (e: PointerEvent) => {
      if (drags.get(e.pointerId)?.move) touch.current.moveX = touch.current.moveY = 0
      drags.delete(e.pointerId)
    }
    window.addEventListener('keydown', down)
    window.addEventListener('keyup', up)
    window.addEventListener('blur', blur)
    el.addEventListener('pointerdown', pdown)
    window.addEventListener('pointermove', pmove)
    window.addEventListener('pointerup', pup)
    window.addEventListener('pointercancel', pup)
    el.style.touchAction = 'none'
    return () => {
      window.removeEventListener('keydown', down)
      window.removeEventListener('keyup', up)
      window.removeEventListener('blur', blur)
      el.removeEventListener('pointerdown', pdown)
      window.removeEventListener('pointermove', pmove)
      window.removeEventListener('pointerup', pup)
      window.removeEventListener('pointercancel', pup)
      k.clear()
    }
  }, [exploring, gl])

  // After BaseCamera (-40) and CameraRig (-50): this writes the final camera pose.
  useSceneFrame((_, delta) => {
    if (!exploring || !baseView.active || useUi.getState().focus !== 'base') return
    const dt = Math.min(0.5, Math.max(0, delta)) // slow (software) renderers still move at speed
    // While a recording holds the view nothing the user does moves the eye: no key held when the take
    // began, no drag (the listeners ignore it too), so the take is the same every time.
    if (stageHold.byRecording) {
      keys.current.clear()
      touch.current.moveX = touch.current.moveY = 0
    }
    const k = keys.current
    // Walking pace on foot (1.5 m/s, a suited walk: SOURCES §3), faster as the eye hovers higher, capped (exploreSpeed).
    const speed = exploreSpeed(explorer.alt, k.has('Shift'))
    let fwd = touch.current.moveY,
      right = touch.current.moveX
    if (k.has('w') || k.has('ArrowUp')) fwd += 1
    if (k.has('s') || k.has('ArrowDown')) fwd -= 1
    if (k.has('d') || k.has('ArrowRight')) right += 1
    if (k.has('a') || k.has('ArrowLeft')) right -= 1
    const sy = Math.sin(explorer.yaw),
      cy = Math.cos(explorer.yaw)
    explorer.x += (sy * fwd + cy * right) * speed * dt
    explorer.z += (-cy * fwd + sy * right) * speed * dt
    const r = Math.hypot(explorer.x, explorer.z) / 1000
    if (r > LIMIT_KM) {
      explorer.x *= LIMIT_KM / r
      explorer.z *= LIMIT_KM / r
    }
    const climb = (k.has('r') ? 1 : 0) - (k.has('f') ? 1 : 0)
    if (climb) explorer.alt = Math.min(MAX_ALT_M, Math.max(EYE_M, explorer.alt * Math.exp(climb * 1.2 * dt) + climb * 3 * dt))
    // Never below the ground: the eye rides the drawn terrain.
    explorer.groundM = groundM(explorer.x / 1000, -explorer.z / 1000)
    _p.set(explorer.x, explorer.groundM + explorer.alt, explorer.z)
    baseView.cameraLocalM.copy(_p)
    camera.position.copy(_p).multiplyScalar(0.001).applyQuaternion(site.quaternion).add(site.position)
    _e.set(explorer.pitch, -explorer.yaw, 0)
    camera.quaternion.copy(site.quaternion).multiply(_q.setFromEuler(_e))
    // Shadows: a box ahead of the eye, sized with height.
    const half = Math.min(6, Math.max(0.5, explorer.alt / 100 + 0.6))
    baseView.shadowHalfKm = half
    baseView.shadowCentre.set((explorer.x + sy * half * 500) / 1000, explorer.groundM / 1000, (explorer.z - cy * half * 500) / 1000)
  }, -30)
  return null
}

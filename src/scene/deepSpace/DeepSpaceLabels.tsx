/**
 * Names in deep space: the planets at their round markers (heliocentric view, faded in with the
 * orbits), the Sun, and the Earth and the Moon in an Earth–Moon view (camera between ~2×10⁵ and
 * 5×10⁶ km from the Earth). DOM tags beside each point (drei Html inside a group moved per
 * frame), laid out each frame with the shared helper (src/scene/labels/labelLayout.ts): never under
 * a panel, never on each other, and hidden while the point they name is behind the Sun, the Earth or
 * the Moon (its sphere, src/scene/labels/occlusion.ts: a planet behind the Sun's disc, the Moon
 * behind the Earth). The boxes kept are published for the Moon-base label to keep clear of.
 * Also measures the view's scale for the scale bar
 * (deepSpaceView.pxPerKm: pixels per km at the orbit target's distance).
 */
import { Html } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef, useState } from 'react'
import * as THREE from 'three'
import { stageTime } from '../../state/stageTime'
import { useUi } from '../../state/ui'
import { deepSpaceView } from '../../state/deepSpaceView'
import { frame, toScene } from '../frame/frame'
import { overlayObstacles, publishKept, resolveLabels, type PlacedLabel } from '../labels/labelLayout'
import { occluded, type Occluder } from '../labels/occlusion'
import { EARTH_RADIUS_KM, MOON_RADIUS_KM, SUN_RADIUS_KM } from '../../sim/constants'
import { PLANETS, planetMarkers } from './PlanetOrbits'

const EARTH_MOON_FROM_KM = 2e5,
  EARTH_MOON_TO_KM = 5e6
const ZERO = { x: 0, y: 0, z: 0 }

interface Tag {
  id: string
  label: string
  color: string
}
const TAGS: Tag[] = [
  { id: 'sun', label: 'Sun', color: '#ffd27a' },
  ...PLANETS.map((p) => ({ id: p.name.toLowerCase(), label: p.name, color: p.color })),
  { id: 'earth-local', label: 'Earth', color: '#5ab0ff' },
  { id: 'moon-local', label: 'Moon', color: '#c8c8c8' },
]
const OFFSET_PX = 9
/** The bodies that hide what is behind them (scene positions set each frame), and which one each tag names (not its own occluder). */
const OCCLUDERS: Occluder[] = [
  { centre: new THREE.Vector3(), radius: SUN_RADIUS_KM },
  { centre: new THREE.Vector3(), radius: EARTH_RADIUS_KM },
  { centre: new THREE.Vector3(), radius: MOON_RADIUS_KM },
]
const OWN_BODY: Record<string, number> = { sun: 0, earth: 1, 'earth-local': 1, 'moon-local': 2 }

const _v = new THREE.Vector3()
const viewport = { x: 0, y: 0, w: 0, h: 0 }

export function DeepSpaceLabels() {
  const groups = useRef<(THREE.Group | null)[]>([])
  const els = useRef<(HTMLDivElement | null)[]>([])
  const placed = useMemo<PlacedLabel[]>(() => TAGS.map((_, i) => ({ x: 0, y: 0, w: 0, h: 0, priority: i, show: false })), [])
  const camera = useThree((s) => s.camera) as THREE.PerspectiveCamera
  const gl = useThree((s) => s.gl)
  // The DOM tags (drei Html) exist only while a deep-space view can show them: in the Earth, Moon
  // and base views none is mounted (drei's Html left behind on a failed canvas's unmount threw
  // 'removeChild' into the page).
  const [active, setActive] = useState(false)
  const activeRef = useRef(false)

  useSceneFrame(() => {
    const canvas = gl.domElement
    viewport.w = canvas.clientWidth
    viewport.h = canvas.clientHeight
    const d = camera.position.length()
    deepSpaceView.cameraDistanceKm = d
    deepSpaceView.pxPerKm = viewport.h / (2 * d * Math.tan(((camera.fov ?? 45) * Math.PI) / 360))
    const ui = useUi.getState()
    const helio = planetMarkers.visible && planetMarkers.fade > 0.3
    const local = d > EARTH_MOON_FROM_KM && d < EARTH_MOON_TO_KM && ui.focus !== 'sun' && ui.focus !== 'base'
    if ((helio || local) !== activeRef.current) {
      activeRef.current = helio || local
      setActive(activeRef.current)
    }
    toScene(frame.sun, OCCLUDERS[0].centre as THREE.Vector3)
    toScene(ZERO, OCCLUDERS[1].centre as THREE.Vector3)
    toScene(frame.moon, OCCLUDERS[2].centre as THREE.Vector3)
    for (let i = 0; i < TAGS.length; i++) {
      const t = TAGS[i],
        g = groups.current[i],
        el = els.current[i],
        l = placed[i]
      l.show = false
      if (!g || !el || ui.uiHidden) continue
      if (t.id === 'sun') {
        if (!helio) continue
        toScene(frame.sun, g.position)
      } else if (t.id === 'earth-local') {
        if (!local) continue
        toScene(ZERO, g.position)
      } else if (t.id === 'moon-local') {
        if (!local) continue
        toScene(frame.moon, g.position)
      } else {
        if (!helio) continue
        const k = i - 1
        toScene(frame.sun, g.position)
        g.position.x += planetMarkers.positions[k * 3]
        g.position.y += planetMarkers.positions[k * 3 + 1]
        g.position.z += planetMarkers.positions[k * 3 + 2]
      }
      if (occluded(camera.position, g.position, OCCLUDERS, OWN_BODY[t.id] ?? -1)) continue
      _v.copy(g.position).project(camera)
      if (_v.z > 1 || _v.z < -1) continue
      // Measured once (the text never changes): reading a size every frame would force a layout.
      if (l.w === 0) {
        l.w = el.offsetWidth
        l.h = el.offsetHeight
      }
      const mx = ((_v.x + 1) / 2) * viewport.w
      l.x = mx + OFFSET_PX
      // Where the right of the marker is taken (a panel), the left of it.
      l.altX = mx - OFFSET_PX - l.w
      l.y = ((1 - _v.y) / 2) * viewport.h - l.h / 2
      l.show = true
    }
    resolveLabels(placed, overlayObstacles(stageTime.ms), viewport)
    publishKept('deep-space', placed)
    for (let i = 0; i < TAGS.length; i++) {
      const el = els.current[i]
      const v = placed[i].show ? 'visible' : 'hidden'
      if (el && el.style.visibility !== v) el.style.visibility = v
      const left = `${placed[i].flipped ? -OFFSET_PX - placed[i].w : OFFSET_PX}px`
      if (el && el.style.left !== left) el.style.left = left
    }
  })

  return (
    <group name="deep-labels">
      {active &&
        TAGS.map((t, i) => (
          <group
            key={t.id}
            ref={(g) => {
              groups.current[i] = g
            }}
          >
            <Html zIndexRange={[5, 0]} style={{ pointerEvents: 'none' }}>
              <div
                ref={(el) => {
                  els.current[i] = el
                }}
                className="base-label"
                data-testid={`deep-label-${t.id}`}
                style={{ visibility: 'hidden', position: 'absolute', left: OFFSET_PX, top: 0, transform: 'translateY(-50%)', fontSize: '1rem', color: t.color }}
              >
                {t.label}
              </div>
            </Html>
          </group>
        ))}
    </group>
  )
}

/**
 * Labels at the base's points of interest (DOM, drei Html), each a tag on a thin stem whose foot
 * stands just above its structure, so the tag never covers what it names. Each frame a label shows
 * only if its structure is built, its anchor is in front of the camera and not behind the terrain
 * (the ground sampled along the line of sight), and its box clears the overlay's panels and the
 * labels placed before it (src/scene/labels/labelLayout.ts). Hidden by style (visibility): the
 * Html elements stay mounted.
 */
import { Html } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { pointsOfInterest } from '../../sim/base/pointsOfInterest'
import { standingCount, type BaseLayoutData } from '../../sim/base/snapshot'
import { useBase } from '../../state/base'
import { simTime } from '../../state/clock'
import { stageTime } from '../../state/stageTime'
import { useUi } from '../../state/ui'
import { overlayObstacles, resolveLabels, type PlacedLabel } from '../labels/labelLayout'
import { baseView } from './baseView'
import { groundM } from './terrainPatches'

/** Height of a label's foot above the ground at its point, m (above the structure's top). */
const FOOT_M: Record<string, number> = { habitat: 24, landingPad: 14, factory: 34, massDriver: 18 }
const STEM_PX = 22
const OCCLUSION_SAMPLES = 12

const _v = new THREE.Vector3()
const viewport = { x: 0, y: 0, w: 0, h: 0 }

/** True if the ground rises above the line of sight from the eye to the point (local metres, y up). */
export function behindTerrain(eye: THREE.Vector3, x: number, y: number, z: number): boolean {
  for (let i = 1; i < OCCLUSION_SAMPLES; i++) {
    const t = i / OCCLUSION_SAMPLES
    const px = eye.x + (x - eye.x) * t,
      py = eye.y + (y - eye.y) * t,
      pz = eye.z + (z - eye.z) * t
    if (groundM(px / 1000, -pz / 1000) > py + 1) return true
  }
  return false
}

export function Labels() {
  const layout = useBase((s) => s.layout)
  return layout ? <LabelSet layout={layout} /> : null
}

function LabelSet({ layout }: { layout: BaseLayoutData }) {
  const pois = useMemo(() => pointsOfInterest(layout).map((p) => ({ ...p, upM: groundM(p.xM / 1000, p.yM / 1000) + (FOOT_M[p.id] ?? 6) })), [layout])
  const els = useRef<(HTMLDivElement | null)[]>([])
  const group = useRef<THREE.Group>(null)
  const placed = useMemo<PlacedLabel[]>(() => pois.map((_, i) => ({ x: 0, y: 0, w: 0, h: 0, priority: i, show: false })), [pois])
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)

  useSceneFrame(() => {
    const ui = useUi.getState()
    const g = group.current
    const show = !ui.uiHidden && ui.focus === 'base' && baseView.active && !!g
    const canvas = gl.domElement
    viewport.w = canvas.clientWidth
    viewport.h = canvas.clientHeight
    for (let i = 0; i < pois.length; i++) {
      const p = pois[i],
        l = placed[i],
        el = els.current[i]
      l.show = false
      if (!show || !g || !el || (p.kind && standingCount(layout.kinds[p.kind], simTime.tMs) === 0)) continue
      _v.set(p.xM / 1000, p.upM / 1000, -p.yM / 1000)
        .applyMatrix4(g.matrixWorld)
        .project(camera)
      if (_v.z > 1 || _v.z < -1) continue
      if (behindTerrain(baseView.cameraLocalM, p.xM, p.upM, -p.yM)) continue
      // Measured once (the text never changes): reading a size every frame would force a layout.
      if (l.w === 0) {
        l.w = el.offsetWidth
        l.h = el.offsetHeight
      }
      const w = l.w,
        h = l.h
      l.x = ((_v.x + 1) / 2) * viewport.w - w / 2
      l.y = ((1 - _v.y) / 2) * viewport.h - h
      l.show = true
    }
    resolveLabels(placed, show ? overlayObstacles(stageTime.ms) : [], viewport)
    for (let i = 0; i < pois.length; i++) {
      const el = els.current[i]
      const v = placed[i].show ? 'visible' : 'hidden'
      if (el && el.style.visibility !== v) el.style.visibility = v
    }
  })
  return (
    <group ref={group} name="base-labels">
      {pois.map((p, i) => (
        <Html key={p.id} position={[p.xM / 1000, p.upM / 1000, -p.yM / 1000]} zIndexRange={[5, 0]} style={{ pointerEvents: 'none' }}>
          <div
            ref={(el) => {
              els.current[i] = el
            }}
            className="base-label-tag"
            data-testid={`base-label-${p.id}`}
            style={{
              visibility: 'hidden',
              position: 'absolute',
              left: 0,
              top: 0,
              transform: 'translate(-50%, -100%)',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
            }}
          >
            <span className="base-label" style={{ fontSize: '1rem' }}>
              {p.label}
            </span>
            <span style={{ width: 1, height: STEM_PX, background: 'rgba(255,255,255,0.55)' }} />
          </div>
        </Html>
      ))}
    </group>
  )
}

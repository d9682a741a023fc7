/**
 * Representative trajectories in flight as fading lines: one LineSegments draw call over a
 * preallocated buffer of SLOTS × SEGMENTS segments. Each window received from the deep-space worker
 * takes a free slot once (its samples decimated, uploaded as a range); a slot is freed when the
 * worker drops its window. Per vertex: position (geocentric EQJ km in scene axes) and the sample's
 * time in seconds from a line epoch near the frame time (re-based every 20 days so float32 holds
 * only small numbers). The shader hides the path ahead of the frame time and fades it with age.
 *
 * Drawn where the outcome legend explains it (ui/DeepSpaceKey.tsx: out in deep space, beyond
 * 2×10⁵ km of the focus, not at the base): they fade in from KEY_FADE_FROM_KM. Seen from the base
 * or a near Earth or Moon view the lines crossed the sky as an unexplained hatch.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useThree } from '@react-three/fiber'
import { useUi } from '../../state/ui'
import { DEEP_KEY_FROM_KM } from '../../state/deepSpaceView'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { simTime } from '../../state/clock'
import { deepSpace } from '../../state/deepSpace'
import { SAMPLE_STRIDE, type TrajectoryWindow } from '../../sim/massDriver/inFlight'
import { OUTCOMES, outcomeCode } from '../../sim/massDriver/shot'
import { OUTCOME_COLORS } from '../../palette'
import { toScene } from '../frame/frame'
import { MS_PER_DAY, SECONDS_PER_DAY } from '../../sim/constants'

const SLOTS = 288
const SEGMENTS = 125
const VERTS_PER_SLOT = SEGMENTS * 2
const REBASE_MS = 20 * MS_PER_DAY
/** The lines fade in from this camera distance from the focus to DEEP_KEY_FROM_KM, where the legend shows. */
const KEY_FADE_FROM_KM = 1.2e5
/** How much of the lines a view shows: none at the base, 0 → 1 from KEY_FADE_FROM_KM to DEEP_KEY_FROM_KM of camera distance. */
export function trajectoryViewFade(focus: string, cameraDistanceKm: number): number {
  if (focus === 'base') return 0
  const x = Math.min(1, Math.max(0, (cameraDistanceKm - KEY_FADE_FROM_KM) / (DEEP_KEY_FROM_KM - KEY_FADE_FROM_KM)))
  return x * x * (3 - 2 * x)
}
/** Hidden: a sample time no frame reaches. */
const NEVER = 1e30

const vertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
attribute vec2 aInfo; // sample time (s from the line epoch), outcome code
uniform float uNow;
uniform float uFadeS;
varying float vAlpha;
varying float vOutcome;
void main() {
  float age = uNow - aInfo.x;
  vAlpha = age < 0.0 ? 0.0 : exp(-age / uFadeS);
  vOutcome = aInfo.y;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  #include <logdepthbuf_vertex>
}
`
const fragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform vec3 uColors[${OUTCOMES.length}];
uniform float uOpacity;
varying float vAlpha;
varying float vOutcome;
void main() {
  #include <logdepthbuf_fragment>
  if (vAlpha < 0.02) discard;
  vec3 c = uColors[int(vOutcome + 0.5)];
  gl_FragColor = vec4(c * vAlpha * uOpacity, vAlpha * uOpacity);
}
`

const LINE_OPACITY = 0.7

export function Trajectories() {
  const lines = useRef<THREE.LineSegments>(null)
  const camera = useThree((s) => s.camera)
  const { geometry, material, pos, info } = useMemo(() => {
    const pos = new Float32Array(SLOTS * VERTS_PER_SLOT * 3)
    const info = new Float32Array(SLOTS * VERTS_PER_SLOT * 2).fill(NEVER)
    const g = new THREE.BufferGeometry()
    g.setAttribute('position', new THREE.BufferAttribute(pos, 3).setUsage(THREE.DynamicDrawUsage))
    g.setAttribute('aInfo', new THREE.BufferAttribute(info, 2).setUsage(THREE.DynamicDrawUsage))
    const m = new THREE.ShaderMaterial({
      vertexShader: vertex,
      fragmentShader: fragment,
      uniforms: {
        uNow: { value: 0 },
        uFadeS: { value: 10 * SECONDS_PER_DAY },
        uOpacity: { value: LINE_OPACITY },
        uColors: { value: OUTCOMES.map((o) => new THREE.Color(OUTCOME_COLORS[o])) },
      },
      transparent: true,
      depthWrite: false,
      blending: THREE.AdditiveBlending,
    })
    return { geometry: g, material: m, pos, info }
  }, [])
  const st = useRef({ version: -1, epochMs: NaN, slotOf: new Map<number, number>(), free: Array.from({ length: SLOTS }, (_, i) => SLOTS - 1 - i), live: 0 })

  function fillSlot(slot: number, w: TrajectoryWindow, epochMs: number) {
    const n = w.samples.length / SAMPLE_STRIDE
    const stride = Math.max(1, Math.ceil((n - 1) / SEGMENTS))
    const t0 = (w.launchMs - epochMs) / 1000
    const code = outcomeCode(w.outcome)
    let v = slot * VERTS_PER_SLOT
    const end = v + VERTS_PER_SLOT
    for (let i = 0; i + 1 < n && v < end; i += stride) {
      const j = Math.min(n - 1, i + stride)
      for (const k of [i, j]) {
        const s = w.samples,
          o = k * SAMPLE_STRIDE
        pos[v * 3] = s[o + 1]
        pos[v * 3 + 1] = s[o + 3]
        pos[v * 3 + 2] = -s[o + 2]
        info[v * 2] = t0 + s[o]
        info[v * 2 + 1] = code
        v++
      }
    }
    for (; v < end; v++) info[v * 2] = NEVER
  }

  useSceneFrame(() => {
    const l = lines.current
    if (!l) return
    const s = st.current
    const t = simTime.tMs
    const rebase = !(Math.abs(t - s.epochMs) < REBASE_MS)
    if (s.version !== deepSpace.version || rebase) {
      // Discrete event (a window arrived or left, or a re-base): not per frame.
      s.version = deepSpace.version
      if (rebase) s.epochMs = t
      const posAttr = geometry.getAttribute('position') as THREE.BufferAttribute
      const infoAttr = geometry.getAttribute('aInfo') as THREE.BufferAttribute
      posAttr.clearUpdateRanges()
      infoAttr.clearUpdateRanges()
      const present = new Set<number>()
      for (const w of deepSpace.windows) present.add(w.index)
      for (const [index, slot] of s.slotOf) {
        if (present.has(index)) continue
        s.slotOf.delete(index)
        s.free.push(slot)
        info.fill(NEVER, slot * VERTS_PER_SLOT * 2, (slot + 1) * VERTS_PER_SLOT * 2)
        infoAttr.addUpdateRange(slot * VERTS_PER_SLOT * 2, VERTS_PER_SLOT * 2)
      }
      for (const w of deepSpace.windows) {
        let slot = s.slotOf.get(w.index)
        if (slot !== undefined && !rebase) continue
        if (slot === undefined) {
          slot = s.free.pop()
          if (slot === undefined) continue // more windows than slots: the line is skipped
          s.slotOf.set(w.index, slot)
        }
        fillSlot(slot, w, s.epochMs)
        posAttr.addUpdateRange(slot * VERTS_PER_SLOT * 3, VERTS_PER_SLOT * 3)
        infoAttr.addUpdateRange(slot * VERTS_PER_SLOT * 2, VERTS_PER_SLOT * 2)
      }
      posAttr.needsUpdate = true
      infoAttr.needsUpdate = true
      s.live = s.slotOf.size
    }
    const view = trajectoryViewFade(useUi.getState().focus, camera.position.length())
    l.visible = s.live > 0 && view > 0
    material.uniforms.uOpacity.value = LINE_OPACITY * view
    material.uniforms.uNow.value = (t - s.epochMs) / 1000
    toScene(ZERO, l.position)
  })

  return <lineSegments ref={lines} geometry={geometry} material={material} frustumCulled={false} name="deep-trajectories" renderOrder={3} />
}

const ZERO = { x: 0, y: 0, z: 0 }

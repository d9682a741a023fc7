/**
 * Payloads in flight as moving points, thousands in one THREE.Points draw call. Each is a shot
 * reusing its window's representative trajectory; its position at the exact frame time is
 * src/sim/massDriver/inFlight.ts's inFlightPositionKm (Hermite between the transferred samples,
 * turned about the Moon's orbit normal, pinned to the true muzzle at launch), the function the
 * tests hold to the float64 reference. Here it is only written relative to the focus origin in
 * scene axes, one buffer upload. No allocation: buffers are sized once for MAX_PAYLOADS.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { renderScale } from '../frame/renderScale'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { inFlightPositionKm, SHOWN_STRIDE } from '../../sim/massDriver/inFlight'
import { OUTCOMES, outcomeCode } from '../../sim/massDriver/shot'
import { vec3 } from '../../sim/vec'
import { OUTCOME_COLORS } from '../../palette'
import { simTime } from '../../state/clock'
import { deepSpace } from '../../state/deepSpace'
import { frame } from '../frame/frame'

/** Payloads drawn at once (the worker's default maxPayloadsInFlight, plus headroom). */
const MAX_PAYLOADS = 12000
/** Drawn size of a payload, CSS px (a fixed screen size: a 30 kg payload is sub-pixel at any real zoom). */
const PAYLOAD_PX = 6

const vertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
attribute float aOutcome;
uniform vec3 uColors[${OUTCOMES.length}];
uniform float uSize;
varying vec3 vColor;
void main() {
  vColor = uColors[int(aOutcome + 0.5)];
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_PointSize = uSize;
  #include <logdepthbuf_vertex>
}
`
const fragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
varying vec3 vColor;
void main() {
  #include <logdepthbuf_fragment>
  vec2 q = gl_PointCoord * 2.0 - 1.0;
  // A bright core with a soft halo: ~5 px across, so a payload reads at every zoom.
  float r2 = dot(q, q);
  float a = max(smoothstep(1.0, 0.3, r2) * 0.55, smoothstep(0.3, 0.05, r2));
  if (a < 0.02) discard;
  gl_FragColor = vec4(vColor * a, a);
}
`

const _p = vec3()

/**
 * Writes the in-flight payload positions at tMs (scene axes, relative to frame.origin) into pos and
 * their outcome codes into kind; returns how many.
 */
function writePayloads(tMs: number, pos: Float32Array, kind: Float32Array, max: number): number {
  const o = frame.origin
  let n = 0
  const wins = deepSpace.windows
  for (let wi = 0; wi < wins.length && n < max; wi++) {
    const w = wins[wi]
    const code = outcomeCode(w.outcome)
    const shots = w.shown.length / SHOWN_STRIDE
    for (let s = 0; s < shots && n < max; s++) {
      if (!inFlightPositionKm(w, s, tMs, _p)) continue
      pos[n * 3] = _p.x - o.x
      pos[n * 3 + 1] = _p.z - o.z
      pos[n * 3 + 2] = -(_p.y - o.y)
      kind[n] = code
      n++
    }
  }
  return n
}

export function Payloads() {
  const points = useRef<THREE.Points>(null)
  const { geometry, material, pos, kind } = useMemo(() => {
    const pos = new Float32Array(MAX_PAYLOADS * 3)
    const kind = new Float32Array(MAX_PAYLOADS)
    const g = new THREE.BufferGeometry()
    g.setAttribute('position', new THREE.BufferAttribute(pos, 3).setUsage(THREE.DynamicDrawUsage))
    g.setAttribute('aOutcome', new THREE.BufferAttribute(kind, 1).setUsage(THREE.DynamicDrawUsage))
    g.setDrawRange(0, 0)
    const m = new THREE.ShaderMaterial({
      vertexShader: vertex,
      fragmentShader: fragment,
      uniforms: { uColors: { value: OUTCOMES.map((o) => new THREE.Color(OUTCOME_COLORS[o])) }, uSize: { value: 3 } },
      transparent: true,
      depthWrite: false,
      blending: THREE.AdditiveBlending,
    })
    return { geometry: g, material: m, pos, kind }
  }, [])

  useSceneFrame(({ gl }) => {
    const p = points.current
    if (!p) return
    const n = writePayloads(simTime.tMs, pos, kind, MAX_PAYLOADS)
    geometry.setDrawRange(0, n)
    p.visible = n > 0
    if (n > 0) {
      const pa = geometry.getAttribute('position') as THREE.BufferAttribute
      const ka = geometry.getAttribute('aOutcome') as THREE.BufferAttribute
      pa.clearUpdateRanges()
      pa.addUpdateRange(0, n * 3)
      pa.needsUpdate = true
      ka.clearUpdateRanges()
      ka.addUpdateRange(0, n)
      ka.needsUpdate = true
    }
    material.uniforms.uSize.value = PAYLOAD_PX * renderScale(gl)
  })

  return <points ref={points} geometry={geometry} material={material} frustumCulled={false} name="deep-payloads" renderOrder={4} />
}

/**
 * Payloads in flight as moving points, thousands in one THREE.Points draw call. Each is a shot
 * reusing its window's representative trajectory (swarm.ts 'rotate' mode): the samples are
 * interpolated at τ = frame time − its launch, turned by the shot's angle about the Moon's orbit
 * normal, and pinned to the true muzzle at launch (the pin fades over a day). Evaluated on the CPU
 * for the exact frame time in float64, written relative to the focus origin, one buffer upload.
 * No allocation here: buffers are sized once for MAX_PAYLOADS.
 */
import { useFrame } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { MOON_PIN_S } from '../../sim/massDriver/swarm'
import { simTime } from '../../state/clock'
import { deepSpace } from '../../state/deepSpace'
import { OUTCOMES, SHOWN_STRIDE } from '../../worker/deepSpace.protocol'
import { frame } from '../frame'
import { OUTCOME_COLORS, outcomeCode } from './outcomeColors'

/** Payloads drawn at once (the worker's default maxPayloadsInFlight, plus headroom). */
export const MAX_PAYLOADS = 12000

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
  float a = smoothstep(1.0, 0.15, dot(q, q));
  if (a < 0.02) discard;
  gl_FragColor = vec4(vColor * a, a);
}
`

/**
 * Writes the in-flight payload positions at tMs (scene axes, relative to frame.origin) into pos and
 * their outcome codes into kind; returns how many. Exported for tests and the benchmark.
 */
export function writePayloads(tMs: number, pos: Float32Array, kind: Float32Array, max: number): number {
  const o = frame.origin
  let n = 0
  const wins = deepSpace.windows
  for (let wi = 0; wi < wins.length && n < max; wi++) {
    const w = wins[wi]
    const S = w.samples, sh = w.shown
    const ns = S.length >> 2
    if (ns < 2) continue
    const last = S[(ns - 1) * 4]
    const base = (tMs - w.launchMs) / 1000
    const kx = w.axis[0], ky = w.axis[1], kz = w.axis[2]
    const code = outcomeCode(w.outcome)
    for (let s = 0; s < sh.length && n < max; s += SHOWN_STRIDE) {
      const u = base - sh[s]
      if (u < 0 || u > last) continue
      let lo = 0, hi = ns - 1
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1
        if (S[mid * 4] <= u) lo = mid
        else hi = mid
      }
      const a = lo * 4, b = hi * 4
      const h = S[b] - S[a]
      const f = h > 0 ? (u - S[a]) / h : 0
      const px = S[a + 1] + (S[b + 1] - S[a + 1]) * f
      const py = S[a + 2] + (S[b + 2] - S[a + 2]) * f
      const pz = S[a + 3] + (S[b + 3] - S[a + 3]) * f
      // Rodrigues: p cos + (k × p) sin + k (k·p)(1 − cos), then the fading pin.
      const cs = sh[s + 1], sn = sh[s + 2]
      const kd = kx * px + ky * py + kz * pz
      const pin = Math.exp(-u / MOON_PIN_S)
      const x = px * cs + (ky * pz - kz * py) * sn + kx * kd * (1 - cs) + pin * sh[s + 3]
      const y = py * cs + (kz * px - kx * pz) * sn + ky * kd * (1 - cs) + pin * sh[s + 4]
      const z = pz * cs + (kx * py - ky * px) * sn + kz * kd * (1 - cs) + pin * sh[s + 5]
      pos[n * 3] = x - o.x
      pos[n * 3 + 1] = z - o.z
      pos[n * 3 + 2] = -(y - o.y)
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

  useFrame(({ gl }) => {
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
    material.uniforms.uSize.value = 3 * gl.getPixelRatio()
  })

  return <points ref={points} geometry={geometry} material={material} frustumCulled={false} name="deep-payloads" renderOrder={4} />
}

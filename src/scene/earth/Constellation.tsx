/**
 * The compute constellation: every satellite in one THREE.Points draw call, positions evaluated in
 * the vertex shader from float32 elements and per-shell angles reduced on the CPU in float64 for
 * the exact frame time (shaders/orbit.ts, mirrored by src/sim/constellation/orbits.ts). Elements
 * arrive once from the worker and are uploaded range by range; the deployed count at the frame
 * time is a binary search, so scrubbing back hides satellites without any message.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { EARTH_RADIUS_KM } from '../../sim/constants'
import { simTime } from '../../state/clock'
import { deployedCount, FLOATS_PER_SAT, satellites } from '../../state/constellation'
import { frame, toScene } from '../frame/frame'
import { reduceShellAngles, type ShellAngles } from '../../sim/constellation/orbits'
import { MAX_CONSTELLATION_SHELLS } from '../../sim/constellation/params'
import { orbitChunk } from './orbitShader'

/** Shell colours: distinct, bright on black, colour-blind-friendly order (Okabe–Ito based). */
export const SHELL_COLORS = ['#ffb547', '#56b4e9', '#f0e442', '#cc79a7', '#00d6a4', '#ff7b54', '#9d8cff', '#e8e8e8']

const vertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
attribute vec4 aEl;
uniform vec3 uShellColor[${MAX_CONSTELLATION_SHELLS}];
uniform vec3 uSunEqj;
uniform float uSize;
varying vec3 vColor;
${orbitChunk}
void main() {
  int shell;
  vec3 p = satellitePositionEqj(aEl, shell);
  // Earth's shadow as a cylinder (the umbra's taper is < 1 % at these altitudes).
  float along = dot(p, uSunEqj);
  float offAxis = length(p - along * uSunEqj);
  float lit = (along < 0.0 && offAxis < ${EARTH_RADIUS_KM.toFixed(3)}) ? 0.16 : 1.0;
  vColor = uShellColor[shell] * lit;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(p.x, p.z, -p.y, 1.0);
  gl_PointSize = uSize;
  #include <logdepthbuf_vertex>
}
`
const fragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform float uOpacity;
varying vec3 vColor;
void main() {
  #include <logdepthbuf_fragment>
  vec2 q = gl_PointCoord * 2.0 - 1.0;
  float a = smoothstep(1.0, 0.2, dot(q, q)) * uOpacity;
  gl_FragColor = vec4(vColor * a, a);
}
`

export function makeConstellationMaterial(): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    vertexShader: vertex,
    fragmentShader: fragment,
    uniforms: {
      uShellGeom: { value: Array.from({ length: MAX_CONSTELLATION_SHELLS }, () => new THREE.Vector4()) },
      uShellAngles: { value: Array.from({ length: MAX_CONSTELLATION_SHELLS }, () => new THREE.Vector4()) },
      uShellColor: { value: Array.from({ length: MAX_CONSTELLATION_SHELLS }, (_, i) => new THREE.Color(SHELL_COLORS[i % SHELL_COLORS.length])) },
      uSunEqj: { value: new THREE.Vector3(1, 0, 0) },
      uSize: { value: 2 },
      uOpacity: { value: 0.85 },
    },
    transparent: true,
    depthWrite: false,
    blending: THREE.AdditiveBlending,
  })
}

/** Writes the per-shell uniforms for time tMs (float64 reduction, small float32 results). */
export function setShellUniforms(material: THREE.ShaderMaterial, tMs: number): void {
  const geom = material.uniforms.uShellGeom.value as THREE.Vector4[]
  const ang = material.uniforms.uShellAngles.value as THREE.Vector4[]
  const shells = satellites.shells
  for (let i = 0; i < shells.length && i < MAX_CONSTELLATION_SHELLS; i++) {
    const s = shells[i]
    geom[i].set(s.radiusKm, s.cosI, s.sinI, 0)
    reduceShellAngles(s, tMs, _angles)
    ang[i].set(_angles.raanOffset, _angles.uOffset, 0, 0)
  }
}

export function Constellation() {
  const points = useRef<THREE.Points>(null)
  const material = useMemo(makeConstellationMaterial, [])
  const state = useRef({ resets: -1, geometry: null as THREE.BufferGeometry | null, attr: null as THREE.BufferAttribute | null })

  useSceneFrame(({ gl }) => {
    const p = points.current
    if (!p) return
    const st = state.current
    if (st.resets !== satellites.resets) {
      // A new constellation (scenario changed): a fresh buffer sized for its cap.
      st.resets = satellites.resets
      st.geometry?.dispose()
      const g = new THREE.BufferGeometry()
      const attr = new THREE.BufferAttribute(satellites.elements, FLOATS_PER_SAT)
      attr.setUsage(THREE.DynamicDrawUsage)
      g.setAttribute('aEl', attr)
      g.setDrawRange(0, 0)
      st.geometry = g
      st.attr = attr
      p.geometry = g
    }
    const attr = st.attr
    if (!attr) return
    if (satellites.count > satellites.uploadedUpTo) {
      attr.clearUpdateRanges()
      attr.addUpdateRange(satellites.uploadedUpTo * FLOATS_PER_SAT, (satellites.count - satellites.uploadedUpTo) * FLOATS_PER_SAT)
      attr.needsUpdate = true
      satellites.uploadedUpTo = satellites.count
    }
    const n = deployedCount(simTime.tMs)
    st.geometry?.setDrawRange(0, n)
    p.visible = n > 0
    toScene(ZERO, p.position)
    setShellUniforms(material, simTime.tMs)
    const sun = frame.sun
    const len = Math.hypot(sun.x, sun.y, sun.z)
    ;(material.uniforms.uSunEqj.value as THREE.Vector3).set(sun.x / len, sun.y / len, sun.z / len)
    material.uniforms.uSize.value = 2.2 * gl.getPixelRatio()
  })

  return <points ref={points} material={material} frustumCulled={false} name="constellation" renderOrder={2} />
}

const ZERO = { x: 0, y: 0, z: 0 }
const _angles: ShellAngles = { raanOffset: 0, uOffset: 0 }

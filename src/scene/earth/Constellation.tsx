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
import { adaptivePoints, SHELL_COLORS, useConstellationLook, YEAR_RAMP, type YearRamp, yearRamp } from '../../state/constellationLook'
import { MS_PER_DAY } from '../../sim/constants'
import { useLayers } from '../../state/layers'

const vertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
attribute vec4 aEl;
uniform vec3 uShellColor[${MAX_CONSTELLATION_SHELLS}];
uniform float uShellShown[${MAX_CONSTELLATION_SHELLS}];
uniform vec3 uYearRamp[${YEAR_RAMP.length}];
uniform vec3 uSunEqj;
uniform float uSize;
uniform float uKeep;
uniform float uColorByYear;
// Deploy day (aEl.w) mapped to 0..1 over the ramp: (day - x) * y.
uniform vec2 uYearSpan;
varying vec3 vColor;
${orbitChunk}
vec3 yearColor(float f) {
  float x = clamp(f, 0.0, 1.0) * ${(YEAR_RAMP.length - 1).toFixed(1)};
  int i = int(min(floor(x), ${(YEAR_RAMP.length - 2).toFixed(1)}));
  return mix(uYearRamp[i], uYearRamp[i + 1], x - float(i));
}
void main() {
  int shell;
  vec3 p = satellitePositionEqj(aEl, shell);
  // Earth's shadow as a cylinder (the umbra's taper is < 1 % at these altitudes).
  float along = dot(p, uSunEqj);
  float offAxis = length(p - along * uSunEqj);
  float lit = (along < 0.0 && offAxis < ${EARTH_RADIUS_KM.toFixed(3)}) ? 0.16 : 1.0;
  vec3 c = uColorByYear > 0.5 ? yearColor((aEl.w - uYearSpan.x) * uYearSpan.y) : uShellColor[shell];
  vColor = c * lit;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(p.x, p.z, -p.y, 1.0);
  // A hidden shell's points get no size and land outside the clip volume.
  float shown = uShellShown[shell];
  // A far view draws a fixed pseudo-random share of the points (constellationLook.ts keep).
  if (uKeep < 1.0) {
    uint h = uint(gl_VertexID) * 747796405u + 2891336453u;
    h = ((h >> ((h >> 28u) + 4u)) ^ h) * 277803737u;
    h = (h >> 22u) ^ h;
    if (float(h) * (1.0 / 4294967296.0) >= uKeep) shown = 0.0;
  }
  gl_PointSize = uSize * shown;
  if (shown < 0.5) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
  #include <logdepthbuf_vertex>
}
`
const fragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform float uOpacity;
uniform float uGain;
varying vec3 vColor;
void main() {
  #include <logdepthbuf_fragment>
  vec2 q = gl_PointCoord * 2.0 - 1.0;
  float a = smoothstep(1.0, 0.2, dot(q, q)) * uOpacity * uGain;
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
      uShellShown: { value: Array.from({ length: MAX_CONSTELLATION_SHELLS }, () => 1) },
      uYearRamp: { value: YEAR_RAMP.map((c) => new THREE.Color(c)) },
      uColorByYear: { value: 0 },
      uYearSpan: { value: new THREE.Vector2(0, 1) },
      uSunEqj: { value: new THREE.Vector3(1, 0, 0) },
      uSize: { value: 2 },
      uKeep: { value: 1 },
      // The user's brightness (the legend); uGain is the adaptive part, set every frame.
      uOpacity: { value: 1 },
      uGain: { value: 0.85 },
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
  const state = useRef({
    resets: -1,
    geometry: null as THREE.BufferGeometry | null,
    attr: null as THREE.BufferAttribute | null,
    hidden: null as readonly number[] | null,
    brightness: -1,
  })

  useSceneFrame(({ gl, camera, size }) => {
    const p = points.current
    if (!p) return
    const layers = useLayers.getState()
    if (!layers.visible.constellation) {
      p.visible = false
      return
    }
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
    const shells = satellites.shells
    const sun = frame.sun
    const len = Math.hypot(sun.x, sun.y, sun.z)
    ;(material.uniforms.uSunEqj.value as THREE.Vector3).set(sun.x / len, sun.y / len, sun.z / len)
    // Hidden shells, colour mode and the user's factors: written only when they change, so a
    // uniform set from outside (a test hiding the points) stays until the user acts.
    const look = useConstellationLook.getState()
    if (st.hidden !== layers.hiddenShells) {
      st.hidden = layers.hiddenShells
      const shown = material.uniforms.uShellShown.value as number[]
      for (let i = 0; i < shown.length; i++) shown[i] = layers.hiddenShells.includes(i) ? 0 : 1
    }
    if (st.brightness !== look.brightness) {
      st.brightness = look.brightness
      material.uniforms.uOpacity.value = look.brightness
    }
    material.uniforms.uColorByYear.value = look.colorBy === 'year' ? 1 : 0
    if (n > 0) {
      // The ramp spans the launch years of the satellites drawn (oldest … newest: they are sorted
      // by deploy day), not of all those held (a month ahead): constellationLook.ts yearRamp.
      const e = satellites.elements,
        t0 = satellites.epochMs
      yearRamp(t0 + e[3] * MS_PER_DAY, t0 + e[(n - 1) * FLOATS_PER_SAT + 3] * MS_PER_DAY, t0, _ramp)
      ;(material.uniforms.uYearSpan.value as THREE.Vector2).set(_ramp.x, _ramp.y)
      look.setYearSpan(_ramp.fromYear, _ramp.toYear) // a store update only when a year changes
    }
    // Size and brightness from how many points cover the screen (constellationLook.ts).
    let shellKm = 0
    for (let i = 0; i < shells.length; i++) shellKm = Math.max(shellKm, shells[i].radiusKm)
    const pr = gl.getPixelRatio()
    const camKm = camera.position.distanceTo(p.position)
    const fov = (camera as THREE.PerspectiveCamera).fov ?? 45
    adaptivePoints(n, shellKm || EARTH_RADIUS_KM + 550, camKm, fov, size.width * pr, size.height * pr, pr, _adapt)
    material.uniforms.uSize.value = _adapt.size * look.sizeScale
    material.uniforms.uKeep.value = _adapt.keep
    material.uniforms.uGain.value = _adapt.alpha / (look.sizeScale * look.sizeScale) ** 0.5
  })

  return <points ref={points} material={material} frustumCulled={false} name="constellation" renderOrder={2} />
}

const ZERO = { x: 0, y: 0, z: 0 }
const _angles: ShellAngles = { raanOffset: 0, uOffset: 0 }
const _adapt = { size: 2, alpha: 0.85, keep: 1 }
const _ramp: YearRamp = { fromYear: 0, toYear: 0, x: 0, y: 1 }

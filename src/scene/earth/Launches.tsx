/**
 * Launches as they happen. Each recent flight draws its ascent: from the pad (fixed to the rotating
 * Earth) along its launch azimuth up to the deployment shell, as a ribbon ARC_WIDTH_CSS px wide on
 * screen (three's LineSegments2: a camera-facing quad per segment, one instanced draw call) and a
 * trail of soft dots that thickens towards the vehicle, with a bright plume at the vehicle while it
 * climbs; then it fades. The fade lasts at least a few seconds of wall-clock-free stage time at
 * any warp (it is LINGER_S of sim time or REAL_LINGER_S × warp, whichever is longer), so at presentation warps a
 * launch still reads. The pads glow with the current launch rate and flash at lift-off, so at high
 * warp the cadence reads as a pulse. All buffers are preallocated; the frame loop allocates nothing.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo } from 'react'
import * as THREE from 'three'
import { DEG, EARTH_RADIUS_KM, MS_PER_DAY } from '../../sim/constants'
import { mulMat3TVec, vec3 } from '../../sim/vec'
import { simTime } from '../../state/clock'
import { satellites } from '../../state/constellation'
import { useSim } from '../../state/sim'
import { useClock } from '../../state/clock'
import { useLayers } from '../../state/layers'
import { frame, toScene } from '../frame/frame'
import { renderScale } from '../frame/renderScale'
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js'
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js'
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js'

const MAX_ARCS = 12
const SEGMENTS = 40
/** Ascent to orbit insertion ≈ 8.5 min for Starship (IFT flights: SECO near T+8.5 min, SOURCES §2 vehicle). */
const ASCENT_S = 510
/** How long an arc stays after insertion, fading (sim seconds)... */
const LINGER_S = 1800
/** ...or this many seconds of warped time at the current warp, if longer. */
const REAL_LINGER_S = 4
/** Glow points: a trail dot per arc vertex, a plume per arc, a halo per pad. */
const MAX_PADS = 8
const MAX_GLOWS = MAX_ARCS * (SEGMENTS + 2) + MAX_PADS
/**
 * The ascent arc's width on screen, CSS px (LineMaterial draws it at the picture's resolution): a 1-px line vanished at the
 * default framing and in a presentation; 3 px reads as a trail without hiding the ground under it.
 */
export const ARC_WIDTH_CSS = 3

const glowVertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
attribute float aSize;
attribute vec3 color;
uniform float uPixelRatio;
varying vec3 vColor;
void main() {
  vColor = color;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_PointSize = aSize * uPixelRatio;
  #include <logdepthbuf_vertex>
}
`
const glowFragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
varying vec3 vColor;
void main() {
  #include <logdepthbuf_fragment>
  float r = length(gl_PointCoord * 2.0 - 1.0);
  // A hot core and a soft halo (wide enough that the halo, not only the core, reads over the day side).
  float a = exp(-r * r * 4.0) * 0.9 + smoothstep(0.35, 0.0, r) * 0.7;
  a *= smoothstep(1.0, 0.85, r);
  if (a < 0.01) discard;
  // Additive blending weighs the colour by alpha once (SrcAlpha, One). Weighing it here too
  // squared the profile: the halo vanished and a 40-px plume read as a ~9-px dot.
  gl_FragColor = vec4(vColor, a);
}
`
/** Downrange distance to insertion ≈ 1,800 km (typical LEO ascent). */
const DOWNRANGE_RAD = 1800 / EARTH_RADIUS_KM

const _fixed = vec3()
const _eqj = vec3()
const _e = vec3()
const _n = vec3()
const _u = vec3()
const _p = new THREE.Vector3()

/** Writes the pad's local up/east/north unit vectors (EQJ) at the frame time. */
function padFrame(latDeg: number, lonDeg: number) {
  const la = latDeg * DEG,
    lo = lonDeg * DEG
  const m = frame.earthFixed
  mulMat3TVec(_u, m, { x: Math.cos(la) * Math.cos(lo), y: Math.cos(la) * Math.sin(lo), z: Math.sin(la) })
  mulMat3TVec(_e, m, { x: -Math.sin(lo), y: Math.cos(lo), z: 0 })
  mulMat3TVec(_n, m, { x: -Math.sin(la) * Math.cos(lo), y: -Math.sin(la) * Math.sin(lo), z: Math.cos(la) })
}

export function Launches() {
  const { arcs, arcPos, arcCol, pads, padGeom, glows, glowGeom, glowMat } = useMemo(() => {
    // Segment k is (start xyz, end xyz) at floats 6k…6k+5, in positions and in colours: the
    // instanced attributes read these two preallocated arrays in place, written each frame.
    const arcPos = new THREE.InstancedInterleavedBuffer(new Float32Array(MAX_ARCS * SEGMENTS * 6), 6, 1).setUsage(THREE.DynamicDrawUsage)
    const arcCol = new THREE.InstancedInterleavedBuffer(new Float32Array(MAX_ARCS * SEGMENTS * 6), 6, 1).setUsage(THREE.DynamicDrawUsage)
    const arcGeom = new LineSegmentsGeometry()
    arcGeom.setAttribute('instanceStart', new THREE.InterleavedBufferAttribute(arcPos, 3, 0))
    arcGeom.setAttribute('instanceEnd', new THREE.InterleavedBufferAttribute(arcPos, 3, 3))
    arcGeom.setAttribute('instanceColorStart', new THREE.InterleavedBufferAttribute(arcCol, 3, 0))
    arcGeom.setAttribute('instanceColorEnd', new THREE.InterleavedBufferAttribute(arcCol, 3, 3))
    arcGeom.instanceCount = 0
    const padGeom = new THREE.BufferGeometry()
    padGeom.setAttribute('position', new THREE.BufferAttribute(new Float32Array(8 * 3), 3).setUsage(THREE.DynamicDrawUsage))
    padGeom.setAttribute('color', new THREE.BufferAttribute(new Float32Array(8 * 3), 3).setUsage(THREE.DynamicDrawUsage))
    // Width in CSS px: LineSegments2 sets the resolution to the renderer's viewport, which three keeps
    // in CSS px (the pixel ratio is applied after), so the width scales with the picture by itself.
    const arcMat = new LineMaterial({
      vertexColors: true,
      linewidth: ARC_WIDTH_CSS,
      transparent: true,
      blending: THREE.AdditiveBlending,
      depthWrite: false,
    })
    const padMat = new THREE.PointsMaterial({
      size: 7,
      sizeAttenuation: false,
      vertexColors: true,
      transparent: true,
      blending: THREE.AdditiveBlending,
      depthWrite: false,
    })
    const arcs = new LineSegments2(arcGeom, arcMat)
    arcs.name = 'launch-arcs'
    const pads = new THREE.Points(padGeom, padMat)
    const glowGeom = new THREE.BufferGeometry()
    glowGeom.setAttribute('position', new THREE.BufferAttribute(new Float32Array(MAX_GLOWS * 3), 3).setUsage(THREE.DynamicDrawUsage))
    glowGeom.setAttribute('color', new THREE.BufferAttribute(new Float32Array(MAX_GLOWS * 3), 3).setUsage(THREE.DynamicDrawUsage))
    glowGeom.setAttribute('aSize', new THREE.BufferAttribute(new Float32Array(MAX_GLOWS), 1).setUsage(THREE.DynamicDrawUsage))
    const glowMat = new THREE.ShaderMaterial({
      vertexShader: glowVertex,
      fragmentShader: glowFragment,
      uniforms: { uPixelRatio: { value: 1 } },
      transparent: true,
      depthWrite: false,
      blending: THREE.AdditiveBlending,
    })
    const glows = new THREE.Points(glowGeom, glowMat)
    glows.name = 'launch-glows'
    arcs.frustumCulled = pads.frustumCulled = glows.frustumCulled = false
    pads.visible = false // the glow points draw the pads (kept for the object's shape in tests)
    return { arcs, arcPos, arcCol, pads, padGeom, glows, glowGeom, glowMat }
  }, [])

  useSceneFrame(({ gl }) => {
    const on = useLayers.getState().visible.launches
    arcs.visible = glows.visible = on
    if (!on) return
    const scale = renderScale(gl)
    glowMat.uniforms.uPixelRatio.value = scale
    const lingerS = Math.max(LINGER_S, REAL_LINGER_S * Math.abs(useClock.getState().warp))
    const gpos = glowGeom.attributes.position.array as Float32Array
    const gcol = glowGeom.attributes.color.array as Float32Array
    const gsize = glowGeom.attributes.aSize.array as Float32Array
    let g = 0
    const snap = useSim.getState().snapshot
    const launches = snap?.recentLaunches
    const sites = satellites.siteLatLonDeg
    const shells = satellites.shells
    const t = simTime.tMs
    const pos = arcPos.array as Float32Array
    const col = arcCol.array as Float32Array
    let v = 0
    if (launches && sites.length) {
      for (let k = launches.length - 1; k >= 0 && v < MAX_ARCS * SEGMENTS * 2; k--) {
        const L = launches[k]
        const age = (t - L.tMs) / 1000
        if (age < 0 || age > ASCENT_S + lingerS) continue
        const site = sites[L.siteIndex] ?? sites[0]
        const shell = shells[L.shellIndex]
        if (!shell) continue
        padFrame(site[0], site[1])
        // Launch azimuth for the shell's inclination from this latitude: sin az = cos i / cos φ.
        const s = Math.max(-1, Math.min(1, Math.cos(shell.inclinationRad) / Math.cos(site[0] * DEG)))
        const az = Math.asin(s)
        const progress = Math.min(1, age / ASCENT_S)
        const fade = age <= ASCENT_S ? 1 : 1 - (age - ASCENT_S) / lingerS
        const altKm = shell.radiusKm - EARTH_RADIUS_KM
        for (let j = 0; j < SEGMENTS; j++) {
          for (let end = 0; end < 2; end++) {
            const f = ((j + end) / SEGMENTS) * progress
            const theta = f * DOWNRANGE_RAD
            const h = altKm * (1 - (1 - f) * (1 - f))
            const r = EARTH_RADIUS_KM + h
            const dx = Math.sin(az),
              dy = Math.cos(az)
            const c = Math.cos(theta),
              sn = Math.sin(theta)
            _eqj.x = r * (c * _u.x + sn * (dx * _e.x + dy * _n.x))
            _eqj.y = r * (c * _u.y + sn * (dx * _e.y + dy * _n.y))
            _eqj.z = r * (c * _u.z + sn * (dx * _e.z + dy * _n.z))
            toScene(_eqj, _p)
            pos[v * 3] = _p.x
            pos[v * 3 + 1] = _p.y
            pos[v * 3 + 2] = _p.z
            const along = (j + end) / SEGMENTS
            const glow = fade * (0.35 + 0.65 * along)
            col[v * 3] = 1.0 * glow
            col[v * 3 + 1] = 0.72 * glow
            col[v * 3 + 2] = 0.35 * glow
            v++
            if (end === 0 || j === SEGMENTS - 1) {
              // Trail dot: thicker and hotter towards the vehicle.
              gpos[g * 3] = _p.x
              gpos[g * 3 + 1] = _p.y
              gpos[g * 3 + 2] = _p.z
              const k = fade * (0.25 + 0.75 * along * along)
              gcol[g * 3] = 0.9 * k
              gcol[g * 3 + 1] = 0.55 * k
              gcol[g * 3 + 2] = 0.25 * k
              gsize[g] = 4 + 6 * along
              g++
            }
          }
        }
        // The plume at the vehicle while it climbs (and a short afterglow at insertion).
        const plume = age <= ASCENT_S ? 1 : Math.max(0, 1 - (age - ASCENT_S) / 120)
        if (plume > 0) {
          gpos[g * 3] = _p.x
          gpos[g * 3 + 1] = _p.y
          gpos[g * 3 + 2] = _p.z
          gcol[g * 3] = 1.0 * plume
          gcol[g * 3 + 1] = 0.9 * plume
          gcol[g * 3 + 2] = 0.7 * plume
          gsize[g] = 40 + 16 * progress
          g++
        }
      }
    }
    // Upload only what is drawn (two vertices a segment), and nothing when there is no arc.
    const segments = v >> 1
    if (segments > 0) {
      for (const b of [arcPos, arcCol]) {
        b.clearUpdateRanges()
        b.addUpdateRange(0, segments * 6)
        b.needsUpdate = true
      }
    }
    arcs.geometry.instanceCount = segments
    arcs.visible = segments > 0

    // Pads: brightness from launches in the last ~day of sim time (the cadence's pulse).
    const ppos = padGeom.attributes.position.array as Float32Array
    const pcol = padGeom.attributes.color.array as Float32Array
    let n = 0
    for (let i = 0; i < sites.length && i < 8; i++) {
      padFrame(sites[i][0], sites[i][1])
      _fixed.x = _u.x * EARTH_RADIUS_KM
      _fixed.y = _u.y * EARTH_RADIUS_KM
      _fixed.z = _u.z * EARTH_RADIUS_KM
      toScene(_fixed, _p)
      ppos[n * 3] = _p.x
      ppos[n * 3 + 1] = _p.y
      ppos[n * 3 + 2] = _p.z
      let recent = 0
      if (launches)
        for (let k = 0; k < launches.length; k++) if (launches[k].siteIndex === i && t - launches[k].tMs >= 0 && t - launches[k].tMs < MS_PER_DAY) recent++
      const b = recent > 0 ? Math.min(1, 0.55 + 0.1 * recent) : 0.35
      pcol[n * 3] = b
      pcol[n * 3 + 1] = b * 0.7
      pcol[n * 3 + 2] = b * 0.35
      n++
      // Pad halo: size and brightness with the day's launches, a flash for a lift-off under way.
      let flash = 0
      if (launches)
        for (let k = 0; k < launches.length; k++) {
          const age = (t - launches[k].tMs) / 1000
          if (launches[k].siteIndex === i && age >= 0 && age < ASCENT_S + lingerS) flash = Math.max(flash, 1 - age / (ASCENT_S + lingerS))
        }
      if (g < MAX_GLOWS) {
        gpos[g * 3] = _p.x
        gpos[g * 3 + 1] = _p.y
        gpos[g * 3 + 2] = _p.z
        const hb = Math.min(1, 0.4 + 0.5 * b + 0.5 * flash)
        gcol[g * 3] = hb
        gcol[g * 3 + 1] = hb * 0.7
        gcol[g * 3 + 2] = hb * 0.34
        gsize[g] = 22 + 12 * Math.min(1, recent / 6) + 26 * flash
        g++
      }
    }
    padGeom.setDrawRange(0, n)
    padGeom.attributes.position.needsUpdate = true
    padGeom.attributes.color.needsUpdate = true
    glowGeom.setDrawRange(0, g)
    for (const a of [glowGeom.attributes.position, glowGeom.attributes.color, glowGeom.attributes.aSize] as THREE.BufferAttribute[]) {
      a.clearUpdateRanges()
      a.addUpdateRange(0, Math.max(g, 1) * a.itemSize)
      a.needsUpdate = true
    }
  })

  return (
    <group name="launches">
      <primitive object={arcs} />
      <primitive object={pads} />
      <primitive object={glows} />
    </group>
  )
}

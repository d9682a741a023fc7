/**
 * The heliocentric view's frame of reference: the orbits of Mercury to Jupiter as closed loops
 * sampled once from astronomy-engine (src/sim/ephemeris heliocentricKm) over one sidereal period,
 * all in one LineSegments draw call, and each planet as a round marker (a filled disc with a dark
 * rim, 10 px whatever the zoom) placed along its loop for the frame time (linear between the 256
 * samples: no ephemeris call and no allocation per frame). Their names: DeepSpaceLabels.tsx.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { Astronomy, heliocentricKm } from '../../sim/ephemeris'
import { vec3 } from '../../sim/vec'
import { simTime } from '../../state/clock'
import { frame, toScene } from '../frame/frame'
import { MS_PER_DAY } from '../../sim/constants'

/** Sidereal periods, days (IAU/JPL mean values). */
export const PLANETS: { name: string; body: Astronomy.Body; periodDays: number; color: string }[] = [
  { name: 'Mercury', body: Astronomy.Body.Mercury, periodDays: 87.969, color: '#9a8f86' },
  { name: 'Venus', body: Astronomy.Body.Venus, periodDays: 224.701, color: '#d9b77a' },
  { name: 'Earth', body: Astronomy.Body.Earth, periodDays: 365.256, color: '#5ab0ff' },
  { name: 'Mars', body: Astronomy.Body.Mars, periodDays: 686.98, color: '#e0704a' },
  { name: 'Jupiter', body: Astronomy.Body.Jupiter, periodDays: 4332.59, color: '#c9a27a' },
]
/** Marker diameter, CSS px. */
export const PLANET_MARKER_PX = 10

/** The planets' markers this frame: heliocentric scene-axis km (add the group's position), and whether drawn. */
export const planetMarkers = { positions: new Float32Array(PLANETS.length * 3), visible: false, fade: 0 }

const markerVertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
uniform float uSize;
varying vec3 vColor;
void main() {
  vColor = color;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_PointSize = uSize;
  #include <logdepthbuf_vertex>
}
`
/** A round marker: a filled disc, a dark rim, antialiased edge (gl_PointCoord is square otherwise). */
const markerFragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform float uOpacity;
varying vec3 vColor;
void main() {
  #include <logdepthbuf_fragment>
  float r = length(gl_PointCoord * 2.0 - 1.0);
  float a = 1.0 - smoothstep(0.82, 1.0, r);
  if (a < 0.01) discard;
  vec3 c = mix(vColor, vColor * 0.25, smoothstep(0.55, 0.75, r));
  gl_FragColor = vec4(c, a * uOpacity);
}
`
const N = 256
/** Reference instant of the sampled loops (J2000.0 is as good as any: the orbits barely change in decades). */
const T0_MS = Date.UTC(2000, 0, 1, 12)
/** Camera distances (km) over which the orbits fade in. */
const FADE_FROM_KM = 3e6,
  FADE_TO_KM = 3e7

interface Loops {
  positions: Float32Array
  colors: Float32Array
  /** Per planet, N samples of heliocentric EQJ km in scene axes (float64 for the dots). */
  samples: Float64Array[]
}

function buildLoops(): Loops {
  const positions = new Float32Array(PLANETS.length * N * 6)
  const colors = new Float32Array(PLANETS.length * N * 6)
  const v = vec3(),
    c = new THREE.Color()
  const samples = PLANETS.map((p, pi) => {
    c.set(p.color)
    const s = new Float64Array(N * 3)
    for (let k = 0; k < N; k++) {
      heliocentricKm(p.body, T0_MS + (k / N) * p.periodDays * MS_PER_DAY, v)
      s[k * 3] = v.x
      s[k * 3 + 1] = v.z
      s[k * 3 + 2] = -v.y
    }
    for (let k = 0; k < N; k++) {
      const o = (pi * N + k) * 6,
        a = k * 3,
        b = ((k + 1) % N) * 3
      positions.set([s[a], s[a + 1], s[a + 2], s[b], s[b + 1], s[b + 2]], o)
      colors.set([c.r, c.g, c.b, c.r, c.g, c.b], o)
    }
    return s
  })
  return { positions, colors, samples }
}

export function PlanetOrbits() {
  const group = useRef<THREE.Group>(null)
  const dots = useRef<THREE.Points>(null)
  const loops = useMemo(buildLoops, [])
  const dotPositions = planetMarkers.positions
  const markerMaterial = useMemo(
    () =>
      new THREE.ShaderMaterial({
        vertexShader: markerVertex,
        fragmentShader: markerFragment,
        uniforms: { uSize: { value: PLANET_MARKER_PX }, uOpacity: { value: 1 } },
        vertexColors: true,
        transparent: true,
        depthWrite: false,
      }),
    [],
  )
  const dotColors = useMemo(() => Float32Array.from(PLANETS.flatMap((p) => new THREE.Color(p.color).toArray())), [])
  const lineMaterial = useMemo(() => new THREE.LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.5, depthWrite: false }), [])

  useSceneFrame(({ camera, gl }) => {
    const g = group.current,
      d = dots.current
    if (!g || !d) return
    const fade = THREE.MathUtils.clamp(Math.log(camera.position.length() / FADE_FROM_KM) / Math.log(FADE_TO_KM / FADE_FROM_KM), 0, 1)
    g.visible = fade > 0
    planetMarkers.visible = g.visible
    planetMarkers.fade = fade
    if (!g.visible) return
    lineMaterial.opacity = 0.45 * fade
    markerMaterial.uniforms.uOpacity.value = fade
    markerMaterial.uniforms.uSize.value = PLANET_MARKER_PX * gl.getPixelRatio()
    toScene(frame.sun, g.position)
    const days = (simTime.tMs - T0_MS) / MS_PER_DAY
    for (let pi = 0; pi < PLANETS.length; pi++) {
      let f = (days / PLANETS[pi].periodDays) % 1
      if (f < 0) f += 1
      const x = f * N,
        k = Math.floor(x) % N,
        u = x - Math.floor(x),
        k1 = (k + 1) % N
      const s = loops.samples[pi]
      for (let j = 0; j < 3; j++) dotPositions[pi * 3 + j] = s[k * 3 + j] + (s[k1 * 3 + j] - s[k * 3 + j]) * u
    }
    const attr = d.geometry.getAttribute('position') as THREE.BufferAttribute
    attr.needsUpdate = true
  })

  return (
    <group ref={group} name="planet-orbits">
      <lineSegments material={lineMaterial} frustumCulled={false}>
        <bufferGeometry>
          <bufferAttribute attach="attributes-position" args={[loops.positions, 3]} />
          <bufferAttribute attach="attributes-color" args={[loops.colors, 3]} />
        </bufferGeometry>
      </lineSegments>
      <points ref={dots} frustumCulled={false} material={markerMaterial} name="planet-markers" renderOrder={5}>
        <bufferGeometry>
          <bufferAttribute attach="attributes-position" args={[dotPositions, 3]} />
          <bufferAttribute attach="attributes-color" args={[dotColors, 3]} />
        </bufferGeometry>
      </points>
    </group>
  )
}

/**
 * The real sky: the naked-eye stars of a catalogue (public/data/stars.bin, see assets/README.md),
 * placed by J2000 right ascension and declination, sized and tinted by magnitude and B−V colour.
 * The sphere follows the camera, so the stars sit at infinity and never parallax or clip.
 */
import { SEGMENTS } from '../frame/quality'
import { useSceneFrame } from '../frame/useSceneFrame'
import { renderScale } from '../frame/renderScale'
import { useEffect, useMemo, useRef, useState } from 'react'
import * as THREE from 'three'
import { useUi } from '../../state/ui'
import { useTexture } from '@react-three/drei'
import { dataPath, texturePath } from '../frame/textures'

const SKY_RADIUS_KM = 1e10

const vertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
attribute float aMag;
attribute vec3 aColor;
uniform float uPixelRatio;
varying vec3 vColor;
varying float vAlpha;
void main() {
  // Pogson: flux ∝ 10^(−0.4 m). Brighter stars are drawn larger, fainter ones dimmer.
  float flux = pow(10.0, -0.4 * (aMag - 1.0));
  gl_PointSize = clamp(1.4 + 2.6 * sqrt(flux), 1.4, 7.0) * uPixelRatio;
  vAlpha = clamp(0.25 + flux * 1.2, 0.25, 1.0);
  vColor = aColor;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  #include <logdepthbuf_vertex>
}
`
const fragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
varying vec3 vColor;
varying float vAlpha;
void main() {
  #include <logdepthbuf_fragment>
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r2 = dot(p, p);
  if (r2 > 1.0) discard;
  float a = exp(-r2 * 3.5) * vAlpha;
  gl_FragColor = vec4(vColor * a, a);
  #include <colorspace_fragment>
}
`

/** Approximate star colour from B−V (Ballesteros 2012 temperature, then a blackbody tint). */
export function bvToRgb(bv: number, out: number[]): void {
  const t = 4600 * (1 / (0.92 * bv + 1.7) + 1 / (0.92 * bv + 0.62))
  const x = Math.min(Math.max((t - 3000) / 7000, 0), 1)
  out[0] = 1.0
  out[1] = 0.72 + 0.26 * x
  out[2] = 0.48 + 0.6 * x
  const m = Math.max(out[0], out[1], out[2])
  out[0] /= m
  out[1] /= m
  out[2] /= m
}

export function starGeometry(records: Float32Array): THREE.BufferGeometry {
  const n = records.length / 4
  const pos = new Float32Array(n * 3)
  const mag = new Float32Array(n)
  const col = new Float32Array(n * 3)
  const rgb = [1, 1, 1]
  const d = Math.PI / 180
  for (let i = 0; i < n; i++) {
    const ra = records[i * 4] * d
    const dec = records[i * 4 + 1] * d
    const x = Math.cos(dec) * Math.cos(ra),
      y = Math.cos(dec) * Math.sin(ra),
      z = Math.sin(dec)
    // EQJ (x, y, z) → scene (x, z, −y)
    pos[i * 3] = x * SKY_RADIUS_KM
    pos[i * 3 + 1] = z * SKY_RADIUS_KM
    pos[i * 3 + 2] = -y * SKY_RADIUS_KM
    mag[i] = records[i * 4 + 2]
    bvToRgb(records[i * 4 + 3], rgb)
    col.set(rgb, i * 3)
  }
  const g = new THREE.BufferGeometry()
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3))
  g.setAttribute('aMag', new THREE.BufferAttribute(mag, 1))
  g.setAttribute('aColor', new THREE.BufferAttribute(col, 3))
  return g
}

export function Stars() {
  const group = useRef<THREE.Group>(null)
  const [geometry, setGeometry] = useState<THREE.BufferGeometry | null>(null)
  const starMat = useRef<THREE.ShaderMaterial>(null)
  const uniforms = useMemo(() => ({ uPixelRatio: { value: Math.min(window.devicePixelRatio || 1, 2) } }), [])
  useEffect(() => {
    let cancelled = false
    fetch(dataPath('stars.bin'))
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`)
        return r.arrayBuffer()
      })
      .then((buf) => {
        if (!cancelled) setGeometry(starGeometry(new Float32Array(buf)))
      })
      .catch((e) => useUi.getState().notify(`Star catalogue could not be loaded (${e.message}); the sky is drawn without stars.`, 'warn'))
    return () => {
      cancelled = true
    }
  }, [])
  useEffect(() => () => geometry?.dispose(), [geometry])
  useSceneFrame(({ camera, gl }) => {
    if (group.current) group.current.position.copy(camera.position)
    // 4K exports draw the 1080p stars at twice the size (the material's own uniforms: R3F copies the prop's entries).
    if (starMat.current) starMat.current.uniforms.uPixelRatio.value = renderScale(gl)
  })
  return (
    <group ref={group} name="stars">
      {geometry && (
        <points geometry={geometry} frustumCulled={false} renderOrder={-10}>
          <shaderMaterial
            ref={starMat}
            vertexShader={vertex}
            fragmentShader={fragment}
            uniforms={uniforms}
            transparent
            depthWrite={false}
            blending={THREE.AdditiveBlending}
          />
        </points>
      )}
    </group>
  )
}

/**
 * The Milky Way panorama (Mellinger, via Stellarium; see assets/README.md), equirectangular in
 * J2000 RA/Dec with RA 0h at the centre growing to the right: the same layout three's sphere uses
 * for longitude, so with EQJ → scene axes it needs no rotation. Drawn dim, behind the stars.
 */
export function MilkyWay() {
  const group = useRef<THREE.Group>(null)
  const map = useTexture(texturePath('milkyway.jpg'))
  useMemo(() => {
    map.colorSpace = THREE.SRGBColorSpace
  }, [map])
  useSceneFrame(({ camera }) => {
    if (group.current) group.current.position.copy(camera.position)
  })
  return (
    <group ref={group} name="milky-way">
      <mesh renderOrder={-20} frustumCulled={false}>
        <sphereGeometry args={[SKY_RADIUS_KM * 0.9, ...SEGMENTS.sky]} />
        <meshBasicMaterial map={map} side={THREE.BackSide} color="#5a5a5a" depthWrite={false} toneMapped={false} />
      </mesh>
    </group>
  )
}

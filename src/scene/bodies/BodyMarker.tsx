/**
 * A soft screen-space dot at a body's centre that fades in as its disc shrinks below a few pixels,
 * so Earth and the Moon never vanish when the view pulls back to the whole system.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { pictureHeightCss, renderScale } from '../frame/renderScale'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { Vec3 } from '../../sim/vec'
import { toScene } from '../frame/frame'

const vertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
uniform float uSize;
void main() {
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_PointSize = uSize;
  #include <logdepthbuf_vertex>
}
`
const fragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform vec3 uColor;
uniform float uOpacity;
void main() {
  #include <logdepthbuf_fragment>
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r = length(p);
  float a = (smoothstep(1.0, 0.55, r) * 0.55 + smoothstep(0.45, 0.0, r)) * uOpacity;
  if (a < 0.01) discard;
  gl_FragColor = vec4(uColor * a, a);
}
`

const _v = new THREE.Vector3()

export function BodyMarker({ position, radiusKm, color }: { position: Vec3; radiusKm: number; color: string }) {
  const points = useRef<THREE.Points>(null)
  const geometry = useMemo(() => {
    const g = new THREE.BufferGeometry()
    g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(3), 3))
    return g
  }, [])
  // Built here, not through JSX props: R3F copies uniform entries, and these scalars change every frame.
  const material = useMemo(
    () =>
      new THREE.ShaderMaterial({
        vertexShader: vertex,
        fragmentShader: fragment,
        uniforms: { uSize: { value: 9 }, uColor: { value: new THREE.Color(color) }, uOpacity: { value: 0 } },
        transparent: true,
        depthWrite: false,
        blending: THREE.AdditiveBlending,
      }),
    [color],
  )
  const uniforms = material.uniforms
  useSceneFrame(({ camera, gl }) => {
    const p = points.current
    if (!p) return
    toScene(position, p.position)
    const dist = _v.copy(p.position).sub(camera.position).length()
    const fov = (camera as THREE.PerspectiveCamera).fov ?? 45
    const discPx = ((2 * radiusKm) / dist / ((fov * Math.PI) / 180)) * pictureHeightCss(gl, camera)
    uniforms.uOpacity.value = THREE.MathUtils.clamp((8 - discPx) / 5, 0, 1)
    uniforms.uSize.value = 9 * renderScale(gl)
    p.visible = uniforms.uOpacity.value > 0
  })
  return <points ref={points} geometry={geometry} material={material} frustumCulled={false} renderOrder={5} />
}

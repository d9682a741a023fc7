/**
 * Earth: real imagery, oriented by sidereal time and precession-nutation, lit from the true Sun
 * direction, with clouds and an atmosphere (the `clouds` and `atmosphere` layers switch them).
 */
import { ANISOTROPY, SEGMENTS } from '../frame/quality'
import { useTexture } from '@react-three/drei'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { EARTH_RADIUS_KM } from '../../sim/constants'
import { bodyQuaternion, frame, toScene } from '../frame/frame'
import { atmosphereFragment, atmosphereVertex, earthFragment, earthVertex } from './earthShader'
import { texturePath } from '../frame/textures'
import { useUi } from '../../state/ui'
import { useLayers } from '../../state/layers'

/** e-folding height of the drawn limb glow, km: a thin bright rim a few px wide at full disc. */
const GLOW_SCALE_KM = 20
/** The atmosphere shell's top: 7 e-foldings above the ground (the glow there is < 0.1 %). */
const ATMO_SCALE = 1 + (7 * GLOW_SCALE_KM) / EARTH_RADIUS_KM

const ZERO = { x: 0, y: 0, z: 0 }

export function Earth() {
  const group = useRef<THREE.Group>(null)
  const surface = useRef<THREE.Mesh>(null)
  const atmosphere = useRef<THREE.Mesh>(null)
  const surfaceMat = useRef<THREE.ShaderMaterial>(null)
  const [day, night, water, clouds] = useTexture([
    texturePath('earth_day.jpg'),
    texturePath('earth_night.jpg'),
    texturePath('earth_specular.jpg'),
    texturePath('earth_clouds.jpg'),
  ])
  const uniforms = useMemo(() => {
    const size = (t: THREE.Texture): THREE.Vector2 => {
      const image: { width?: number; height?: number } = t.image ?? {}
      return new THREE.Vector2(image.width ?? 2048, image.height ?? 1024)
    }
    const nightSize = size(night)
    clouds.anisotropy = ANISOTROPY
    for (const t of [day, night]) {
      t.colorSpace = THREE.SRGBColorSpace
      t.anisotropy = ANISOTROPY
    }
    return {
      uDay: { value: day },
      uNight: { value: night },
      uWater: { value: water },
      uCloudMap: { value: clouds },
      uHasWater: { value: 1 },
      uClouds: { value: 1 },
      uHaze: { value: 1 },
      uSunDir: { value: frame.sunDir },
      // The night and cloud maps' sizes in texels, and a night texel's height on the ground (km): past
      // a few pixels a texel, both are sampled smoothly and the lights broken into towns (earthShader.ts).
      uNightSize: { value: nightSize },
      uCloudSize: { value: size(clouds) },
      uNightTexelKm: { value: (Math.PI * EARTH_RADIUS_KM) / nightSize.y },
    }
  }, [day, night, water, clouds])
  const atmoUniforms = useMemo(() => ({ uSunDir: { value: frame.sunDir }, uRadius: { value: EARTH_RADIUS_KM }, uScaleKm: { value: GLOW_SCALE_KM } }), [])

  useSceneFrame(() => {
    if (!group.current || !surface.current) return
    toScene(ZERO, group.current.position)
    bodyQuaternion(frame.earthFixed, surface.current.quaternion)
    const on = useLayers.getState().visible
    const u = surfaceMat.current?.uniforms
    if (u) {
      u.uClouds.value = on.clouds ? 1 : 0
      u.uHaze.value = on.atmosphere ? 1 : 0
    }
    if (atmosphere.current) atmosphere.current.visible = on.atmosphere
  })

  return (
    <group ref={group} name="earth">
      <mesh
        ref={surface}
        name="earth-surface"
        onDoubleClick={(e) => {
          e.stopPropagation()
          useUi.getState().setFocus('earth')
        }}
      >
        <sphereGeometry args={[EARTH_RADIUS_KM, ...SEGMENTS.earth]} />
        <shaderMaterial ref={surfaceMat} vertexShader={earthVertex} fragmentShader={earthFragment} uniforms={uniforms} />
      </mesh>
      <mesh ref={atmosphere} name="earth-atmosphere" scale={ATMO_SCALE} renderOrder={1}>
        <sphereGeometry args={[EARTH_RADIUS_KM, ...SEGMENTS.atmosphere]} />
        <shaderMaterial
          vertexShader={atmosphereVertex}
          fragmentShader={atmosphereFragment}
          uniforms={atmoUniforms}
          transparent
          blending={THREE.AdditiveBlending}
          depthWrite={false}
        />
      </mesh>
    </group>
  )
}

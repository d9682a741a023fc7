/** Earth: real imagery, oriented by sidereal time and precession-nutation, lit from the true Sun direction. */
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

const ZERO = { x: 0, y: 0, z: 0 }

export function Earth() {
  const group = useRef<THREE.Group>(null)
  const surface = useRef<THREE.Mesh>(null)
  const [day, night, water] = useTexture([texturePath('earth_day.jpg'), texturePath('earth_night.jpg'), texturePath('earth_specular.jpg')])
  const uniforms = useMemo(() => {
    for (const t of [day, night]) {
      t.colorSpace = THREE.SRGBColorSpace
      t.anisotropy = ANISOTROPY
    }
    return {
      uDay: { value: day },
      uNight: { value: night },
      uWater: { value: water },
      uHasWater: { value: 1 },
      uSunDir: { value: frame.sunDir },
    }
  }, [day, night, water])
  const atmoUniforms = useMemo(() => ({ uSunDir: { value: frame.sunDir } }), [])

  useSceneFrame(() => {
    if (!group.current || !surface.current) return
    toScene(ZERO, group.current.position)
    bodyQuaternion(frame.earthFixed, surface.current.quaternion)
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
        <shaderMaterial vertexShader={earthVertex} fragmentShader={earthFragment} uniforms={uniforms} />
      </mesh>
      <mesh scale={1.018} renderOrder={1}>
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

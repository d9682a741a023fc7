/** The Moon at its true geocentric position (astronomy-engine), in its IAU orientation, lit by the Sun. */
import { ANISOTROPY, SEGMENTS } from '../frame/quality'
import { useTexture } from '@react-three/drei'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { MOON_RADIUS_KM } from '../../sim/constants'
import { bodyQuaternion, frame, toScene } from '../frame/frame'
import { texturePath } from '../frame/textures'
import { useUi } from '../../state/ui'

export function Moon() {
  const group = useRef<THREE.Group>(null)
  const surface = useRef<THREE.Mesh>(null)
  const [color, bump] = useTexture([texturePath('moon.jpg'), texturePath('moon_bump.jpg')])
  useMemo(() => {
    color.colorSpace = THREE.SRGBColorSpace
    color.anisotropy = ANISOTROPY
  }, [color])
  useSceneFrame(() => {
    if (!group.current || !surface.current) return
    toScene(frame.moon, group.current.position)
    bodyQuaternion(frame.moonFixed, surface.current.quaternion)
  })
  return (
    <group ref={group} name="moon">
      <mesh
        ref={surface}
        name="moon-surface"
        onDoubleClick={(e) => {
          e.stopPropagation()
          useUi.getState().setFocus('moon')
        }}
      >
        <sphereGeometry args={[MOON_RADIUS_KM, ...SEGMENTS.moon]} />
        <meshStandardMaterial map={color} bumpMap={bump} bumpScale={6} roughness={1} metalness={0} />
      </mesh>
    </group>
  )
}

/**
 * The Sun at its true geocentric position and size (IAU nominal radius), a glow drawn in screen
 * space so it reads at any distance, and the directional light every lit surface uses.
 */
import { SEGMENTS } from '../frame/quality'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { SUN_RADIUS_KM } from '../../sim/constants'
import { frame, toScene } from '../frame/frame'

function glowTexture(): THREE.Texture {
  const size = 256
  const c = document.createElement('canvas')
  c.width = c.height = size
  const g = c.getContext('2d')
  if (!g) throw new Error('no 2D canvas context for the Sun glow texture')
  const grad = g.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2)
  grad.addColorStop(0, 'rgba(255,250,235,1)')
  grad.addColorStop(0.08, 'rgba(255,240,200,0.85)')
  grad.addColorStop(0.25, 'rgba(255,200,120,0.22)')
  grad.addColorStop(1, 'rgba(255,160,60,0)')
  g.fillStyle = grad
  g.fillRect(0, 0, size, size)
  const t = new THREE.CanvasTexture(c)
  t.colorSpace = THREE.SRGBColorSpace
  return t
}

export function Sun() {
  const sun = useRef<THREE.Group>(null)
  const light = useRef<THREE.DirectionalLight>(null)
  const glow = useMemo(glowTexture, [])
  useSceneFrame(() => {
    if (sun.current) toScene(frame.sun, sun.current.position)
    // A directional light points from its position to its target (the origin): place it along the Sun's direction.
    if (light.current) light.current.position.copy(frame.sunDir).multiplyScalar(1000)
  })
  return (
    <>
      <directionalLight ref={light} intensity={2.6} color="#fff6ea" />
      <ambientLight intensity={0.015} />
      <group ref={sun} name="sun">
        <mesh>
          <sphereGeometry args={[SUN_RADIUS_KM, ...SEGMENTS.sun]} />
          <meshBasicMaterial color="#fff8e8" toneMapped={false} />
        </mesh>
        <sprite scale={[SUN_RADIUS_KM * 14, SUN_RADIUS_KM * 14, 1]}>
          <spriteMaterial map={glow} blending={THREE.AdditiveBlending} depthWrite={false} transparent toneMapped={false} />
        </sprite>
      </group>
    </>
  )
}

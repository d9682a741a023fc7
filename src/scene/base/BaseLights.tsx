/**
 * Sunlight at the base with shadows, and a faint earthshine. While the base is in view this
 * light stands in for the Sun's unshadowed light (Sun.tsx), which is set to zero, so nothing is
 * lit twice; elsewhere it is off and its shadow map is not drawn. The lights stay in the scene
 * at all times (intensity 0 when unused), so toggling never recompiles a shader.
 *
 * The shadow camera is an orthographic box around where the camera looks (the base in the
 * overview, the ground ahead in explore mode), sized with the view distance: metre-scale
 * shadows of towers and habitats close up, the ridge's shadows from afar. The permanently
 * shadowed floor of Shackleton is dark because the Sun never rises above its rim (and grazes a
 * flat floor at ≤ 1.6°): no ambient fill is added beyond the scene's faint ambient and earthshine.
 */
import { useFrame, useThree } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { QUALITY } from '../quality'
import { baseView } from './baseView'
import { site } from './siteFrame'

const SUN_INTENSITY = 2.6 // as Sun.tsx
const EARTHSHINE = 0.02
const SHADOW_MAP = QUALITY === 'high' ? 4096 : 1024
const LIGHT_DISTANCE_KM = 60

export function BaseLights() {
  const sun = useRef<THREE.DirectionalLight>(null)
  const earth = useRef<THREE.DirectionalLight>(null)
  const scene = useThree((s) => s.scene)
  const others = useRef<{ light: THREE.DirectionalLight; intensity: number }[] | null>(null)
  const targets = useMemo(() => [new THREE.Object3D(), new THREE.Object3D()], [])

  useFrame(() => {
    const l = sun.current, e = earth.current
    if (!l || !e) return
    if (!others.current) {
      const list: { light: THREE.DirectionalLight; intensity: number }[] = []
      scene.traverse((o) => {
        if ((o as THREE.DirectionalLight).isDirectionalLight && o !== l && o !== e) list.push({ light: o as THREE.DirectionalLight, intensity: (o as THREE.DirectionalLight).intensity })
      })
      others.current = list
    }
    const on = baseView.active
    for (const o of others.current) o.light.intensity = on ? 0 : o.intensity
    l.intensity = on ? SUN_INTENSITY : 0
    e.intensity = on ? EARTHSHINE : 0
    l.shadow.autoUpdate = on
    if (!on) return
    // Aim at the shadow centre (local km) from along the Sun direction.
    const c = baseView.shadowCentre, half = baseView.shadowHalfKm
    targets[0].position.copy(c)
    l.position.copy(c).addScaledVector(site.sunLocal, LIGHT_DISTANCE_KM)
    const cam = l.shadow.camera
    if (cam.right !== half) {
      cam.left = -half
      cam.right = half
      cam.top = half
      cam.bottom = -half
      cam.near = LIGHT_DISTANCE_KM - 30
      cam.far = LIGHT_DISTANCE_KM + 30
      cam.updateProjectionMatrix()
      // Grazing light: offset along the normal by ~1.5 shadow texels.
      l.shadow.normalBias = ((2 * half) / SHADOW_MAP) * 1.5
    }
    targets[1].position.set(0, 0, 0)
    e.position.copy(site.earthLocal)
  })

  return (
    <>
      <primitive object={targets[0]} />
      <primitive object={targets[1]} />
      <directionalLight
        ref={sun}
        name="base-sun"
        intensity={0}
        color="#fff6ea"
        castShadow
        target={targets[0]}
        shadow-mapSize={[SHADOW_MAP, SHADOW_MAP]}
        shadow-bias={-0.0004}
      />
      <directionalLight ref={earth} name="base-earthshine" intensity={0} color="#9fb6ff" target={targets[1]} />
    </>
  )
}

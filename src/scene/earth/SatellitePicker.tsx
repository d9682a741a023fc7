/**
 * Click (not drag) on the canvas: the ray under the pointer goes to the worker, which finds the
 * nearest deployed satellite within a few pixels using the CPU reference orbits.
 */
import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import * as THREE from 'three'
import { simTime } from '../../state/clock'
import { useInspect } from '../../state/inspect'
import { pickSatellite } from '../../state/sim'
import { frame } from '../frame/frame'

const PICK_RADIUS_PX = 8

export function SatellitePicker() {
  const { gl, camera } = useThree()
  useEffect(() => {
    const el = gl.domElement
    let down: { x: number; y: number } | null = null
    const onDown = (e: PointerEvent) => (down = { x: e.clientX, y: e.clientY })
    const onUp = async (e: PointerEvent) => {
      if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) return
      down = null
      const rect = el.getBoundingClientRect()
      const ndc = new THREE.Vector2(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1)
      const ray = new THREE.Raycaster()
      ray.setFromCamera(ndc, camera)
      const o = ray.ray.origin,
        d = ray.ray.direction
      // Scene (x, y, z) → EQJ (x, −z, y), plus the origin's geocentric position (float64).
      const origin: [number, number, number] = [o.x + frame.origin.x, -o.z + frame.origin.y, o.y + frame.origin.z]
      const dir: [number, number, number] = [d.x, -d.z, d.y]
      const fov = ((camera as THREE.PerspectiveCamera).fov * Math.PI) / 180
      const sat = await pickSatellite(simTime.tMs, origin, dir, (PICK_RADIUS_PX / rect.height) * fov)
      useInspect.setState({ satellite: sat })
    }
    el.addEventListener('pointerdown', onDown)
    el.addEventListener('pointerup', onUp)
    return () => {
      el.removeEventListener('pointerdown', onDown)
      el.removeEventListener('pointerup', onUp)
    }
  }, [gl, camera])
  return null
}

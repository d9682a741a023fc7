/** The satellite model (or its cluster) at the followed satellite, only while it is the focus. */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useRef } from 'react'
import type * as THREE from 'three'
import { useInspect } from '../../state/inspect'
import { useUi } from '../../state/ui'
import { bodyPosition } from '../frame/focus'
import { toScene } from '../frame/frame'
import { SatelliteModel } from './SatelliteModel'

const _p = { x: 0, y: 0, z: 0 }

export function FollowedSatellite() {
  const focus = useUi((s) => s.focus)
  const cluster = useUi((s) => s.showCluster)
  const info = useInspect((s) => s.satellite)
  const group = useRef<THREE.Group>(null)
  useSceneFrame(() => {
    if (!group.current) return
    bodyPosition('satellite', _p)
    toScene(_p, group.current.position)
  })
  if (focus !== 'satellite' || !info) return null
  return (
    <group ref={group}>
      <SatelliteModel dims={{ arrayAreaM2: info.arrayAreaM2, radiatorAreaM2: info.radiatorAreaM2, massT: info.massT }} cluster={cluster} />
    </group>
  )
}

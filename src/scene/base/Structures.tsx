/**
 * The base's structures: one InstancedMesh per kind (shared geometry and material, one draw call
 * each), placed from the worker's layout (state/base: bounded per kind by the plan's slots, so
 * the instance capacity never exceeds them); each frame only the instance count changes (the
 * structures built by now). Solar towers turn about the vertical to face the Sun's azimuth: all
 * face the same way, so the shared geometry is turned (a few hundred vertices) instead of every
 * instance. The mass driver's track follows the terrain along its launch azimuth.
 * Clicking a structure selects it for the base panel (useBase).
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import type { ThreeEvent } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { STRUCTURE_KINDS, type StructureKind } from '../../sim/base/growth'
import { standingCount, type BaseLayoutData } from '../../sim/base/snapshot'
import { useBase } from '../../state/base'
import { simTime } from '../../state/clock'
import { groundUnder } from './ground'
import { massDriverGeometry, structureGeometry } from './structureGeometry'
import { site } from './siteFrame'
import { cityMaterial } from './cityLights'
import { trackCentreLine } from './trackLine'

type InstancedKind = Exclude<StructureKind, 'massDriver'>
const INSTANCED = STRUCTURE_KINDS.filter((k): k is InstancedKind => k !== 'massDriver')

const _m = new THREE.Matrix4(),
  _p = new THREE.Vector3(),
  _q = new THREE.Quaternion(),
  _s = new THREE.Vector3(),
  _y = new THREE.Vector3(0, 1, 0)

/**
 * Drawn size of the k-th habitat (the model is a 19 m drum): the first, at the origin, is the
 * city's hub at 1.6×; the rest vary from 0.8× to 1.35× by index, so the quarter reads as
 * buildings of several sizes, not a grid of one. Geometry only: the sim's habitat is one unit of
 * crew (growth.ts); 45 m spacing keeps even two 1.35× neighbours apart.
 */
const habitatScale = (k: number): number => (k === 0 ? 1.6 : [1, 1.3, 0.8, 1.15, 0.9, 1.35, 0.85][k % 7])

function instanceMatrices(layout: BaseLayoutData, kind: InstancedKind): Float32Array {
  const k = layout.kinds[kind]
  const ground = groundUnder(layout)[kind]
  const out = new Float32Array(k.count * 16)
  for (let i = 0; i < k.count; i++) {
    // Towers carry no heading of their own: the shared geometry turns to the Sun.
    _q.setFromAxisAngle(_y, kind === 'solarTower' ? 0 : -k.headingRad[i])
    _m.compose(_p.set(k.xM[i], ground[i], -k.yM[i]), _q, _s.setScalar(k.scale[i] * (kind === 'habitat' ? habitatScale(i) : 1)))
    _m.toArray(out, i * 16)
  }
  return out
}

/**
 * The turn about the local vertical (radians, as applied below: x' = c·x + s·z, z' = −s·x + c·z)
 * that points the tower model's panel normal (+z) at azimuth a (from north through east; local
 * (sin a, 0, −cos a), x east, −z north): θ = π − a.
 */
export const towerAngle = (sunAzimuth: number): number => Math.PI - sunAzimuth

export function Structures() {
  const layout = useBase((s) => s.layout)
  return layout ? <StructureMeshes layout={layout} /> : null
}

function StructureMeshes({ layout }: { layout: BaseLayoutData }) {
  const geometries = useMemo(() => Object.fromEntries(INSTANCED.map((k) => [k, structureGeometry(k)])) as Record<InstancedKind, THREE.BufferGeometry>, [])
  const material = useMemo(cityMaterial, [])
  const track = useMemo(() => {
    const pts = trackCentreLine(layout)
    return pts.length ? massDriverGeometry(pts) : null
  }, [layout])
  const meshes = useRef<Partial<Record<InstancedKind, THREE.InstancedMesh | null>>>({})
  const trackMesh = useRef<THREE.Mesh>(null)
  // The tower model's untouched vertices, and the angle it is turned to now.
  const tower = useMemo(() => {
    const g = geometries.solarTower
    return { pos: Float32Array.from(g.getAttribute('position').array), nor: Float32Array.from(g.getAttribute('normal').array), angle: NaN }
  }, [geometries])

  const instances = useMemo(() => Object.fromEntries(INSTANCED.map((k) => [k, instanceMatrices(layout, k)])) as Record<InstancedKind, Float32Array>, [layout])

  useSceneFrame(() => {
    const t = simTime.tMs
    for (const kind of INSTANCED) {
      const m = meshes.current[kind]
      if (m) m.count = standingCount(layout.kinds[kind], t)
    }
    if (trackMesh.current) trackMesh.current.visible = standingCount(layout.kinds.massDriver, t) > 0
    // Face the Sun: turn the panel normal (+z) to the Sun's azimuth (towerAngle).
    const angle = towerAngle(site.sunAzimuth)
    if (Math.abs(angle - tower.angle) > 1e-3) {
      tower.angle = angle
      const c = Math.cos(angle),
        s = Math.sin(angle)
      const g = geometries.solarTower
      const P = g.getAttribute('position') as THREE.BufferAttribute,
        N = g.getAttribute('normal') as THREE.BufferAttribute
      const pa = P.array as Float32Array,
        na = N.array as Float32Array
      for (let i = 0; i < pa.length; i += 3) {
        pa[i] = c * tower.pos[i] + s * tower.pos[i + 2]
        pa[i + 2] = -s * tower.pos[i] + c * tower.pos[i + 2]
        na[i] = c * tower.nor[i] + s * tower.nor[i + 2]
        na[i + 2] = -s * tower.nor[i] + c * tower.nor[i + 2]
      }
      P.needsUpdate = true
      N.needsUpdate = true
    }
  })

  const onClick = (kind: StructureKind) => (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > 4) return // a drag, not a click
    e.stopPropagation()
    useBase.getState().select(kind, kind === 'massDriver' ? 0 : (e.instanceId ?? 0))
  }

  return (
    <group name="base-structures" scale={0.001}>
      {INSTANCED.map((kind) => (
        <instancedMesh
          key={`${kind}-${instances[kind].length}`}
          name={`base-${kind}`}
          ref={(m) => {
            meshes.current[kind] = m
            if (m && m.userData.layout !== instances[kind]) {
              m.userData.layout = instances[kind]
              m.instanceMatrix.array.set(instances[kind])
              m.instanceMatrix.needsUpdate = true
              m.count = instances[kind].length / 16
              m.computeBoundingSphere() // over every slot, so later ones are picked and not culled
              m.count = 0
            }
          }}
          args={[geometries[kind], material, Math.max(1, instances[kind].length / 16)]}
          castShadow
          receiveShadow
          onClick={onClick(kind)}
        />
      ))}
      {track && <mesh ref={trackMesh} name="base-massDriver" geometry={track} material={material} castShadow receiveShadow onClick={onClick('massDriver')} />}
    </group>
  )
}

/**
 * A compute satellite close up, proportioned by the power model: two solar wings whose total area
 * is the array area (power ÷ (efficiency × 1360.8 W/m²)), a radiator whose two faces reject the
 * waste heat (σεT⁴ each side), and a bus sized from the mass at ~1 t/m³ of packed electronics.
 * Wings face the Sun; the radiator lies edge-on to it. With `cluster`, 81 of them fly in formation
 * within ~1 km, neighbours 100–200 m apart (Project Suncatcher, SOURCES §1), one instanced draw per part.
 * Units: the scene's kilometres.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { frame } from '../frame/frame'

export interface SatelliteDims {
  arrayAreaM2: number
  radiatorAreaM2: number
  massT: number
}

/** Wing and radiator sizes in metres: wings 1 : 2.5, radiator 1 : 2 (two-sided, so half the area as a plate). */
export function satelliteDimensions(d: SatelliteDims) {
  const wing = d.arrayAreaM2 / 2
  const wingW = Math.sqrt(wing / 2.5),
    wingL = wingW * 2.5
  const plate = d.radiatorAreaM2 / 2
  const radW = Math.sqrt(plate / 2),
    radL = radW * 2
  const bus = Math.cbrt(Math.max(d.massT, 0.05) * 0.6) // m, ~0.6 m³ per tonne of bus
  return { wingW, wingL, radW, radL, bus }
}

/** Suncatcher-like formation: 81 positions (km) in a 9 × 9 lattice, ~150 m apart, gently rotated. */
export function clusterOffsetsKm(): THREE.Vector3[] {
  const out: THREE.Vector3[] = []
  for (let i = 0; i < 9; i++)
    for (let j = 0; j < 9; j++) {
      const x = (i - 4) * 0.15 + 0.02 * Math.sin(j * 1.7)
      const z = (j - 4) * 0.15 + 0.02 * Math.cos(i * 1.3)
      out.push(new THREE.Vector3(x, 0.03 * Math.sin(i + j), z))
    }
  return out
}

const _q = new THREE.Quaternion()
const _m = new THREE.Matrix4()
const _s = new THREE.Vector3(1, 1, 1)
const _up = new THREE.Vector3(0, 1, 0)

export function SatelliteModel({ dims, cluster }: { dims: SatelliteDims; cluster: boolean }) {
  const group = useRef<THREE.Group>(null)
  const d = satelliteDimensions(dims)
  const offsets = useMemo(() => (cluster ? clusterOffsetsKm() : [new THREE.Vector3()]), [cluster])
  const parts = useMemo(() => {
    const km = 1e-3
    const wing = new THREE.BoxGeometry(d.wingL * km, 0.05 * km, d.wingW * km)
    const rad = new THREE.BoxGeometry(d.radL * km, d.radW * km, 0.04 * km)
    const bus = new THREE.BoxGeometry(d.bus * km, d.bus * km, d.bus * km)
    // Wings either side of the bus along x; radiator below the bus, in the plane containing the Sun line.
    wing.translate(0, 0, 0)
    return { wing, rad, bus, wingOffset: (d.bus / 2 + d.wingL / 2 + 0.3) * km, radOffset: (d.bus / 2 + d.radW / 2 + 0.2) * km }
  }, [d.wingL, d.wingW, d.radL, d.radW, d.bus])
  const meshes = useRef<(THREE.InstancedMesh | null)[]>([])

  useLayoutEffect(() => {
    const [wl, wr, rad, bus] = meshes.current
    offsets.forEach((o, i) => {
      _m.makeTranslation(o.x - parts.wingOffset, o.y, o.z)
      wl?.setMatrixAt(i, _m)
      _m.makeTranslation(o.x + parts.wingOffset, o.y, o.z)
      wr?.setMatrixAt(i, _m)
      _m.makeTranslation(o.x, o.y - parts.radOffset, o.z)
      rad?.setMatrixAt(i, _m)
      _m.compose(o, _q.identity(), _s)
      bus?.setMatrixAt(i, _m)
    })
    for (const m of meshes.current) if (m) m.instanceMatrix.needsUpdate = true
  }, [offsets, parts])

  useSceneFrame(() => {
    // Wings' normal (local +y) to the Sun; the radiator (in the local x–y plane) then contains the Sun line.
    if (group.current) group.current.quaternion.setFromUnitVectors(_up, frame.sunDir)
  })

  const n = offsets.length
  return (
    <group ref={group} name="satellite-model">
      <instancedMesh
        ref={(m) => {
          meshes.current[0] = m
        }}
        args={[parts.wing, undefined, n]}
        frustumCulled={false}
      >
        <meshStandardMaterial color="#3b5fb8" metalness={0.1} roughness={0.45} emissive="#0c1838" />
      </instancedMesh>
      <instancedMesh
        ref={(m) => {
          meshes.current[1] = m
        }}
        args={[parts.wing, undefined, n]}
        frustumCulled={false}
      >
        <meshStandardMaterial color="#3b5fb8" metalness={0.1} roughness={0.45} emissive="#0c1838" />
      </instancedMesh>
      <instancedMesh
        ref={(m) => {
          meshes.current[2] = m
        }}
        args={[parts.rad, undefined, n]}
        frustumCulled={false}
      >
        <meshStandardMaterial color="#e9edf2" metalness={0.05} roughness={0.6} />
      </instancedMesh>
      <instancedMesh
        ref={(m) => {
          meshes.current[3] = m
        }}
        args={[parts.bus, undefined, n]}
        frustumCulled={false}
      >
        <meshStandardMaterial color="#d9b066" metalness={0.35} roughness={0.4} />
      </instancedMesh>
    </group>
  )
}

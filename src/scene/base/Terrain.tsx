/** The local terrain patches (levels of detail), casting and receiving the Sun's shadows. */
import { useMemo } from 'react'
import { regolithMaterial } from './regolithMaterial'
import { LEVELS, patchGeometry } from './terrainPatches'

export function Terrain() {
  const geometries = useMemo(() => LEVELS.map((_, k) => patchGeometry(k)), [])
  const material = useMemo(() => regolithMaterial(), [])
  return (
    <group name="base-terrain">
      {geometries.map((g, k) => (
        <mesh key={g.uuid} geometry={g} material={material} castShadow receiveShadow name={`base-terrain-${k}`} />
      ))}
    </group>
  )
}

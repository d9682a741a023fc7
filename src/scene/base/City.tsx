/**
 * The city between and around the structures: roads (sintered tracks 10 m wide riding the drawn
 * ground, src/sim/base/roads.ts, with lamp posts every 150 m) and, at night, pools of warm light on
 * the ground around what the city lights itself: habitats, factories, pads, storage yards, mining
 * rigs, the lamps along the roads and the mass driver. Two draw calls: the roads (one merged mesh,
 * drawn up to the legs opened by now) and the pools (one instanced additive disc, drawn up to the
 * lights standing by now, sorted by build time). Per frame only two counts and a colour change.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { roadLegs } from '../../sim/base/roads'
import type { BaseLayoutData } from '../../sim/base/snapshot'
import { useBase } from '../../state/base'
import { simTime } from '../../state/clock'
import { cityLight, cityMaterial } from './cityLights'
import { groundM } from './terrainPatches'
import { lit, part } from './structureGeometry'
import { trackCentreLine } from './trackLine'

const ROAD_HALF_M = 5
const ROAD_STEP_M = 20
const LAMP_EVERY_M = 150
const ROAD: [number, number, number] = [0.34, 0.33, 0.31]
const POST: [number, number, number] = [0.42, 0.43, 0.45]
const LAMP: [number, number, number] = [1.6, 1.2, 0.7]
/** Pool radius (m) and strength (0–1) around each kind of lit structure. */
const POOLS: Partial<Record<string, [number, number]>> = {
  habitat: [32, 0.55],
  factory: [95, 0.8],
  landingPad: [85, 0.55],
  storage: [48, 0.6],
  miningRig: [28, 0.7],
}
const WARM = new THREE.Color(1.0, 0.72, 0.42)

const ground = (xM: number, yM: number) => groundM(xM / 1000, yM / 1000)

function upperBound(a: Float64Array, t: number): number {
  let lo = 0,
    hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (a[mid] <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

interface Roads {
  geometry: THREE.BufferGeometry | null
  /** Vertices drawn once legs 0…i are open, and each leg's opening time. */
  ends: number[]
  times: Float64Array
  lamps: { x: number; y: number; t: number }[]
}

function buildRoads(layout: BaseLayoutData): Roads {
  const legs = roadLegs(layout)
  const parts: THREE.BufferGeometry[] = []
  const ends: number[] = []
  const lamps: Roads['lamps'] = []
  let vertices = 0
  for (const l of legs) {
    const len = Math.hypot(l.bx - l.ax, l.by - l.ay)
    const ux = (l.bx - l.ax) / len,
      uy = (l.by - l.ay) / len
    const n = Math.max(2, Math.ceil(len / ROAD_STEP_M) + 1)
    const pos: number[] = []
    const edge = (s: number, side: number): [number, number, number] => {
      const x = l.ax + ux * s + uy * side * ROAD_HALF_M,
        y = l.ay + uy * s - ux * side * ROAD_HALF_M
      return [x, ground(x, y) + 0.35, -y]
    }
    for (let i = 1; i < n; i++) {
      const s0 = ((i - 1) / (n - 1)) * len,
        s1 = (i / (n - 1)) * len
      const a0 = edge(s0, -1),
        a1 = edge(s0, 1),
        b0 = edge(s1, -1),
        b1 = edge(s1, 1)
      pos.push(...a0, ...b0, ...a1, ...a1, ...b0, ...b1)
    }
    const g = new THREE.BufferGeometry()
    g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3))
    g.computeVertexNormals()
    const leg = [part(g, ROAD)]
    for (let s = LAMP_EVERY_M / 2; s < len; s += LAMP_EVERY_M) {
      const x = l.ax + ux * s + uy * (ROAD_HALF_M + 1.5),
        y = l.ay + uy * s - ux * (ROAD_HALF_M + 1.5)
      const h = ground(x, y)
      leg.push(part(new THREE.BoxGeometry(0.3, 7, 0.3), POST, [x, h + 3.5, -y]), lit(new THREE.BoxGeometry(1.2, 0.4, 0.8), POST, LAMP, [x, h + 7.1, -y]))
      lamps.push({ x, y, t: l.builtAtMs })
    }
    for (const p of leg) vertices += p.getAttribute('position').count
    parts.push(...leg)
    ends.push(vertices)
  }
  const geometry = parts.length ? mergeGeometries(parts) : null
  geometry?.computeBoundingSphere()
  return { geometry, ends, times: Float64Array.from(legs.map((l) => l.builtAtMs)), lamps }
}

interface Pools {
  matrices: Float32Array
  colors: Float32Array
  times: Float64Array
}

const _m = new THREE.Matrix4(),
  _q = new THREE.Quaternion(),
  _n = new THREE.Vector3(),
  _up = new THREE.Vector3(0, 1, 0),
  _p = new THREE.Vector3(),
  _s = new THREE.Vector3()

function buildPools(layout: BaseLayoutData, roads: Roads): Pools {
  const list: { x: number; y: number; r: number; k: number; t: number }[] = []
  for (const [kind, v] of Object.entries(POOLS)) {
    if (!v) continue
    const k = layout.kinds[kind as keyof BaseLayoutData['kinds']]
    for (let i = 0; i < k.count; i++) list.push({ x: k.xM[i], y: k.yM[i], r: v[0], k: v[1], t: k.builtAtMs[i] })
  }
  for (const l of roads.lamps) list.push({ x: l.x, y: l.y, r: 24, k: 0.5, t: l.t })
  const md = layout.kinds.massDriver
  if (md.count > 0) {
    const line = trackCentreLine(layout)
    for (let i = 0; i < line.length; i += 6) list.push({ x: line[i].x, y: -line[i].z, r: 20, k: 0.45, t: md.builtAtMs[0] })
  }
  list.sort((a, b) => a.t - b.t)
  const matrices = new Float32Array(list.length * 16)
  const colors = new Float32Array(list.length * 3)
  list.forEach((p, i) => {
    // Lie on the ground's slope over the pool's radius.
    const d = p.r / 2
    const hx = ground(p.x + d, p.y) - ground(p.x - d, p.y),
      hy = ground(p.x, p.y + d) - ground(p.x, p.y - d)
    _n.set(-hx / (2 * d), 1, hy / (2 * d)).normalize()
    _q.setFromUnitVectors(_up, _n)
    _m.compose(_p.set(p.x, ground(p.x, p.y) + 1.5, -p.y), _q, _s.set(p.r, 1, p.r))
    _m.toArray(matrices, i * 16)
    colors.set([p.k, p.k, p.k], i * 3)
  })
  return { matrices, colors, times: Float64Array.from(list.map((p) => p.t)) }
}

/** Before the first landing: survey stakes around the habitats' ring and the first pad, a flag mast at the origin. */
function buildSurvey(layout: BaseLayoutData): THREE.BufferGeometry {
  const ORANGE: [number, number, number] = [0.9, 0.35, 0.05]
  const parts: THREE.BufferGeometry[] = []
  const stake = (x: number, y: number) => {
    const h = ground(x, y)
    parts.push(
      part(new THREE.BoxGeometry(0.4, 3, 0.4), [0.8, 0.8, 0.78], [x, h + 1.2, -y]),
      lit(new THREE.BoxGeometry(0.7, 0.7, 0.7), ORANGE, [0.6, 0.2, 0.05], [x, h + 2.9, -y]),
    )
  }
  for (let k = 0; k < 24; k++) stake(Math.cos((k / 24) * Math.PI * 2) * 120, Math.sin((k / 24) * Math.PI * 2) * 120)
  const pad = layout.kinds.landingPad
  if (pad.count > 0) for (let k = 0; k < 12; k++) stake(pad.xM[0] + Math.cos((k / 12) * Math.PI * 2) * 60, pad.yM[0] + Math.sin((k / 12) * Math.PI * 2) * 60)
  const h0 = ground(0, 0)
  parts.push(
    part(new THREE.CylinderGeometry(0.15, 0.15, 12, 6), [0.8, 0.8, 0.78], [0, h0 + 6, 0]),
    part(new THREE.BoxGeometry(3, 2, 0.05), [0.75, 0.75, 0.78], [1.6, h0 + 11, 0]),
  )
  const g = mergeGeometries(parts)
  if (!g) throw new Error('survey stakes: parts could not be merged')
  g.computeBoundingSphere()
  return g
}

let poolTexture: THREE.DataTexture | null = null
/** Radial falloff, bright at the centre, zero at the rim (a lamp's pool on the ground). */
function poolMap(): THREE.DataTexture {
  if (poolTexture) return poolTexture
  const n = 64
  const data = new Uint8Array(n * n * 4)
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(i + 0.5 - n / 2, j + 0.5 - n / 2) / (n / 2)
      const v = r >= 1 ? 0 : (1 - r) ** 2 * (0.6 + 0.4 * Math.exp(-r * r * 12))
      data.set([v * 255, v * 255, v * 255, 255], (j * n + i) * 4)
    }
  poolTexture = new THREE.DataTexture(data, n, n)
  poolTexture.needsUpdate = true
  return poolTexture
}

export function City() {
  const layout = useBase((s) => s.layout)
  return layout ? <CityParts layout={layout} /> : null
}

function CityParts({ layout }: { layout: BaseLayoutData }) {
  const roads = useMemo(() => buildRoads(layout), [layout])
  const pools = useMemo(() => buildPools(layout, roads), [layout, roads])
  const roadMaterial = useMemo(cityMaterial, [])
  const survey = useMemo(() => buildSurvey(layout), [layout])
  const firstBuild = useMemo(() => {
    let t = Infinity
    for (const k of Object.values(layout.kinds)) if (k.count > 0) t = Math.min(t, k.builtAtMs[0])
    return t
  }, [layout])
  const surveyMesh = useRef<THREE.Mesh>(null)
  const { disc, poolMaterial } = useMemo(() => {
    const disc = new THREE.CircleGeometry(1, 32).rotateX(-Math.PI / 2)
    const poolMaterial = new THREE.MeshBasicMaterial({
      map: poolMap(),
      color: WARM,
      blending: THREE.AdditiveBlending,
      transparent: true,
      depthWrite: false,
      polygonOffset: true,
      polygonOffsetFactor: -4,
      polygonOffsetUnits: -4,
    })
    return { disc, poolMaterial }
  }, [])
  const roadMesh = useRef<THREE.Mesh>(null)
  const poolMesh = useRef<THREE.InstancedMesh>(null)

  useSceneFrame(() => {
    const t = simTime.tMs
    if (surveyMesh.current) surveyMesh.current.visible = !(t >= firstBuild)
    const r = roadMesh.current
    if (r && roads.geometry) {
      const open = upperBound(roads.times, t)
      r.visible = open > 0
      roads.geometry.setDrawRange(0, open > 0 ? roads.ends[open - 1] : 0)
    }
    const p = poolMesh.current
    if (p) {
      // Pools only show once the Sun is going down (night factor above its daytime 0.2).
      const k = Math.max(0, (cityLight.night.value - 0.2) / 0.8)
      p.count = k > 0.01 ? upperBound(pools.times, t) : 0
      p.visible = p.count > 0
      poolMaterial.color.copy(WARM).multiplyScalar(k)
    }
  })

  return (
    <group name="base-city" scale={0.001}>
      <mesh ref={surveyMesh} name="base-survey" geometry={survey} material={roadMaterial} castShadow receiveShadow />
      {roads.geometry && <mesh ref={roadMesh} name="base-roads" geometry={roads.geometry} material={roadMaterial} receiveShadow />}
      {pools.times.length > 0 && (
        <instancedMesh
          key={`pools-${pools.times.length}`}
          ref={(m) => {
            poolMesh.current = m
            if (m && m.userData.pools !== pools) {
              m.userData.pools = pools
              m.instanceMatrix.array.set(pools.matrices)
              m.instanceMatrix.needsUpdate = true
              m.instanceColor = new THREE.InstancedBufferAttribute(pools.colors, 3)
              m.count = pools.times.length
              m.computeBoundingSphere()
              m.count = 0
            }
          }}
          name="base-light-pools"
          args={[disc, poolMaterial, pools.times.length]}
          frustumCulled={false}
          renderOrder={2}
        />
      )}
    </group>
  )
}

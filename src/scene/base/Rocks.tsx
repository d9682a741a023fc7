/**
 * Boulders and cobbles around the viewer (one InstancedMesh: one draw call, one more for the
 * shadow map): the metre-scale relief that the terrain patches cannot hold, and at a Sun 1–2° up
 * each rock throws a shadow 30–50 times its height, the look of the polar surface close up.
 *
 * Placed deterministically on 40 m tiles of site-local ground (each tile hashed to its own rocks),
 * over the tiles around the point below the camera; rebuilt when the camera enters another tile,
 * hidden when it is more than RISE_M above the ground (the overview). Rocks shrink to nothing
 * toward the edge of the field (vertex shader; the shadow pass does the same), so none pops in.
 * Sizes follow a cumulative power law N(>D) ∝ D^−1.8 (boulder counts around lunar craters and
 * landing sites, e.g. Cintala & McBride 1995; Bandfield et al. 2011 for the trend) from 0.4 m to
 * 6 m, partly buried; the ground graded for the structures standing (their footprints and the
 * mass driver's track) is kept clear, so the field is rebuilt as well when one is built.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { STRUCTURE_KINDS, type StructureKind } from '../../sim/base/growth'
import { standingCount, type BaseLayoutData } from '../../sim/base/snapshot'
import { useBase } from '../../state/base'
import { simTime } from '../../state/clock'
import { QUALITY } from '../frame/quality'
import { baseView } from './baseView'
import { regolithMaterial } from './regolithMaterial'
import { structureGeometry } from './structureGeometry'
import { groundM, permanentShadow } from './terrainPatches'

const TILE_M = 40
/** Tiles each side of the camera's tile. */
const REACH = QUALITY === 'high' ? 5 : 3
/** Mean rocks per tile. */
const PER_TILE = QUALITY === 'high' ? 32 : 22
const MAX_ROCKS = (2 * REACH + 1) ** 2 * PER_TILE * 3
/** Fade-out distance band, m (within the field's reach). */
const FADE_END_M = REACH * TILE_M
const FADE_START_M = FADE_END_M * 0.7
const RISE_M = 300
const D_MIN = 0.4,
  D_MAX = 6,
  SLOPE = 1.8

/** A rough rock: an icosahedron (subdivided once on 'high'), lumpy, flat-bottomed, diameter ~1, faceted. */
function rockGeometry(): THREE.BufferGeometry {
  const g = new THREE.IcosahedronGeometry(0.5, QUALITY === 'high' ? 1 : 0)
  const p = g.getAttribute('position') as THREE.BufferAttribute
  const v = new THREE.Vector3()
  for (let i = 0; i < p.count; i++) {
    v.fromBufferAttribute(p, i)
    const d = v.clone().normalize()
    // Lumps from a few fixed waves (same position → same offset, so shared corners stay shut).
    const k = 1 + 0.18 * Math.sin(5.1 * d.x + 1.3) * Math.cos(4.3 * d.z - 0.7) + 0.12 * Math.sin(7.7 * d.y + 3.1 * d.x) + 0.08 * Math.cos(9.1 * d.z + 2.2 * d.y)
    v.multiplyScalar(k)
    v.y = v.y < 0 ? v.y * 0.5 : v.y * 0.75
    p.setXYZ(i, v.x, v.y, v.z)
  }
  g.deleteAttribute('uv')
  g.computeVertexNormals() // non-indexed: flat facets
  g.setAttribute('psr', new THREE.InstancedBufferAttribute(new Float32Array(MAX_ROCKS), 1))
  return g
}

function hash(ix: number, iy: number, k: number): number {
  let h = Math.imul(ix, 0x27d4eb2d) ^ Math.imul(iy, 0x165667b1) ^ Math.imul(k + 1, 0x9e3779b1) ^ 0x5bd1e995
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

/** Clearance around structures: a bucket grid of (x, y, radius), local metres. */
interface Clearance {
  cell: number
  buckets: Map<string, number[]>
  track: { x: number; y: number; dx: number; dy: number; len: number } | null
}
/** Before the worker's layout arrives: nothing built, nothing to keep clear. */
const NO_CLEARANCE: Clearance = { cell: 100, buckets: new Map(), track: null }

let footprints: Partial<Record<StructureKind, number>> | null = null
function footprintM(kind: Exclude<StructureKind, 'massDriver'>): number {
  footprints ??= {}
  let r = footprints[kind]
  if (r === undefined) {
    const p = structureGeometry(kind).getAttribute('position')
    r = 0
    for (let i = 0; i < p.count; i++) r = Math.max(r, Math.hypot(p.getX(i), p.getZ(i)))
    footprints[kind] = r
  }
  return r
}

/** Clearance around the structures standing at tMs. */
function clearance(layout: BaseLayoutData, tMs: number): Clearance {
  const cell = 100
  const buckets = new Map<string, number[]>()
  for (const kind of STRUCTURE_KINDS) {
    if (kind === 'massDriver') continue
    const k = layout.kinds[kind]
    for (let n = 0, e = standingCount(k, tMs); n < e; n++) {
      const x = k.xM[n],
        y = k.yM[n]
      const r = footprintM(kind) * k.scale[n] + 2
      for (let i = Math.floor((x - r) / cell); i <= Math.floor((x + r) / cell); i++) {
        for (let j = Math.floor((y - r) / cell); j <= Math.floor((y + r) / cell); j++) {
          const key = `${i},${j}`
          let b = buckets.get(key)
          if (!b) buckets.set(key, (b = []))
          b.push(x, y, r)
        }
      }
    }
  }
  const d = layout.kinds.massDriver
  const track = standingCount(d, tMs) > 0 ? { x: d.xM[0], y: d.yM[0], dx: Math.sin(d.headingRad[0]), dy: Math.cos(d.headingRad[0]), len: d.lengthM[0] } : null
  return { cell, buckets, track }
}

function isClear(c: Clearance, x: number, y: number, r: number): boolean {
  const b = c.buckets.get(`${Math.floor(x / c.cell)},${Math.floor(y / c.cell)}`)
  if (b) for (let k = 0; k < b.length; k += 3) if (Math.hypot(x - b[k], y - b[k + 1]) < b[k + 2] + r) return false
  if (c.track) {
    const t = c.track
    const u = Math.max(-20, Math.min(t.len + 20, (x - t.x) * t.dx + (y - t.y) * t.dy))
    if (Math.hypot(x - t.x - u * t.dx, y - t.y - u * t.dy) < 12 + r) return false
  }
  return true
}

const _m = new THREE.Matrix4(),
  _q = new THREE.Quaternion(),
  _e = new THREE.Euler(),
  _s = new THREE.Vector3(),
  _p = new THREE.Vector3(),
  _c = new THREE.Color()

/** Writes the rocks of the tiles around tile (ti, tj) into the mesh; returns how many. */
function fill(mesh: THREE.InstancedMesh, psr: THREE.InstancedBufferAttribute, clear: Clearance, ti: number, tj: number): number {
  let n = 0
  const a = D_MIN ** -SLOPE,
    b = D_MAX ** -SLOPE
  for (let j = tj - REACH; j <= tj + REACH; j++) {
    for (let i = ti - REACH; i <= ti + REACH; i++) {
      // Patchy fields: the tile's own density, 0.2–2× the mean.
      const dens = 0.2 + 1.8 * hash(i, j, 0) ** 1.5
      const count = Math.round(PER_TILE * dens * (0.7 + 0.6 * hash(i, j, 1)))
      for (let k = 0; k < count && n < MAX_ROCKS; k++) {
        const x = (i + hash(i, j, 10 + k * 7)) * TILE_M,
          y = (j + hash(i, j, 11 + k * 7)) * TILE_M
        const D = (a - hash(i, j, 12 + k * 7) * (a - b)) ** (-1 / SLOPE)
        if (!isClear(clear, x, y, D)) continue
        const g = groundM(x / 1000, y / 1000)
        const flat = 0.65 + 0.35 * hash(i, j, 13 + k * 7)
        _e.set((hash(i, j, 14 + k * 7) - 0.5) * 0.6, hash(i, j, 15 + k * 7) * Math.PI * 2, (hash(i, j, 16 + k * 7) - 0.5) * 0.6)
        _m.compose(_p.set(x, g - 0.08 * D, -y), _q.setFromEuler(_e), _s.set(D * (0.8 + 0.4 * flat), D * flat, D))
        mesh.setMatrixAt(n, _m)
        const al = 0.2 + 0.12 * hash(i, j, 17 + k * 7)
        mesh.setColorAt(n, _c.setRGB(al, al * 0.98, al * 0.95))
        psr.setX(n, permanentShadow(x / 1000, y / 1000))
        n++
      }
    }
  }
  return n
}

/** Adds the edge fade to a shader: instances shrink to nothing from FADE_START_M to FADE_END_M from the camera. */
function withFade(m: THREE.Material, uCam: { value: THREE.Vector3 }, key: string): void {
  const prev = m.onBeforeCompile.bind(m)
  m.onBeforeCompile = (shader, r) => {
    prev(shader, r)
    shader.uniforms.uRockCam = uCam
    shader.vertexShader = shader.vertexShader.replace('#include <common>', '#include <common>\nuniform vec3 uRockCam;').replace(
      '#include <begin_vertex>',
      `#include <begin_vertex>
	#ifdef USE_INSTANCING
	transformed *= 1.0 - smoothstep( ${FADE_START_M.toFixed(1)}, ${FADE_END_M.toFixed(1)}, distance( instanceMatrix[ 3 ].xz, uRockCam.xz ) );
	#endif`,
    )
  }
  const prevKey = m.customProgramCacheKey.bind(m)
  m.customProgramCacheKey = () => prevKey() + key
}

export function Rocks() {
  const layout = useBase((s) => s.layout)
  const mesh = useRef<THREE.InstancedMesh>(null)
  const state = useRef({ ti: NaN, tj: NaN, layout: null as BaseLayoutData | null, standing: -1 })
  const { geometry, material, depth, uCam } = useMemo(() => {
    const uCam = { value: new THREE.Vector3() }
    const material = regolithMaterial({ detail: false, vertexColors: false })
    withFade(material, uCam, '-rock-fade')
    const depth = new THREE.MeshDepthMaterial()
    withFade(depth, uCam, '-rock-fade')
    return { geometry: rockGeometry(), material, depth, uCam }
  }, [])

  useEffect(
    () => () => {
      geometry.dispose()
      material.dispose()
      depth.dispose()
    },
    [geometry, material, depth],
  )

  useSceneFrame(() => {
    const m = mesh.current
    if (!m || !baseView.active) return
    const c = baseView.cameraLocalM // x east, y up, z south (m)
    const north = -c.z
    const above = c.y - groundM(c.x / 1000, north / 1000)
    m.visible = above < RISE_M
    if (!m.visible) return
    uCam.value.copy(c)
    const ti = Math.floor(c.x / TILE_M),
      tj = Math.floor(north / TILE_M)
    const s = state.current
    let standing = 0
    if (layout) for (const kind of STRUCTURE_KINDS) standing += standingCount(layout.kinds[kind], simTime.tMs)
    if (ti === s.ti && tj === s.tj && s.layout === layout && s.standing === standing) return
    s.ti = ti
    s.tj = tj
    s.layout = layout
    s.standing = standing
    const psr = m.geometry.getAttribute('psr') as THREE.InstancedBufferAttribute
    m.count = fill(m, psr, layout ? clearance(layout, simTime.tMs) : NO_CLEARANCE, ti, tj)
    m.instanceMatrix.needsUpdate = true
    if (m.instanceColor) m.instanceColor.needsUpdate = true
    psr.needsUpdate = true
    // The field around the camera: a fixed sphere for culling.
    m.boundingSphere = new THREE.Sphere(new THREE.Vector3((ti + 0.5) * TILE_M, c.y - above, -(tj + 0.5) * TILE_M), (REACH + 1) * TILE_M * 1.5 + 50)
  })

  return (
    <group name="base-rocks" scale={0.001}>
      <instancedMesh
        ref={(m) => {
          mesh.current = m
          if (m && !m.instanceColor) {
            m.setColorAt(0, _c.setRGB(0.25, 0.25, 0.25))
            m.count = 0
          }
        }}
        name="base-rocks-mesh"
        args={[geometry, material, MAX_ROCKS]}
        customDepthMaterial={depth}
        castShadow
        receiveShadow
        frustumCulled
      />
    </group>
  )
}

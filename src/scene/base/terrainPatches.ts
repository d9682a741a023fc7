/**
 * The base's local terrain as nested square patches (levels of detail) from the generated height
 * model (src/sim/base/terrain.ts: seeded crater SFD, not a DEM). Each finer patch cuts a hole in
 * the coarser one, exactly on the coarser grid's lines, and its boundary vertices take the coarser
 * level's heights (linear along the shared edge), so there are no cracks. The outer patch fades to
 * the reference sphere at its rim (where the global Moon takes over) and hangs a skirt below it.
 *
 * Heights are the true ENU up coordinate (relief minus curvature, surfaceUpM), metres, relative to
 * the ground at the base origin. groundM() interpolates the same triangles that are drawn, so
 * structures stand on, and the explore camera stays above, what is on screen.
 */
import * as THREE from 'three'
import { BASE_SITE } from '../../sim/base/site'
import { curvatureDropM, DE_GERLACHE_LOCAL, SHACKLETON_LOCAL, surfaceUpM } from '../../sim/base/terrain'
import { QUALITY } from '../frame/quality'

export interface Level {
  extentKm: number
  /** Vertices per side. */
  n: number
  /** Detail left out below this wavelength (heightAt's level of detail), km. */
  minWavelengthKm: number
}

/** Grids aligned so each finer square's edges fall on the coarser grid's lines. Software rasterisers get coarser grids. */
export const LEVELS: Level[] =
  QUALITY === 'high'
    ? [
        { extentKm: 64, n: 257, minWavelengthKm: 0.5 },
        { extentKm: 32, n: 257, minWavelengthKm: 0.25 },
        { extentKm: 8, n: 513, minWavelengthKm: 0.016 },
      ]
    : [
        { extentKm: 64, n: 129, minWavelengthKm: 1 },
        { extentKm: 32, n: 129, minWavelengthKm: 0.5 },
        { extentKm: 4, n: 161, minWavelengthKm: 0.05 },
      ]

/** Where the outer patch starts fading to the sphere, and where the global Moon is hidden, km. */
export const FADE_START_KM = 28.5
export const PATCH_RADIUS_KM = 31.8
const SKIRT_M = 3000

export interface Patch {
  level: Level
  step: number
  heights: Float32Array
}

const smooth = (u: number) => (u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - 2 * u))

function fillLevel(level: Level, coarser: Patch | null, outer: boolean): Patch {
  const { n, extentKm, minWavelengthKm } = level
  const step = extentKm / (n - 1),
    o = -extentKm / 2
  const h = new Float32Array(n * n)
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x = o + i * step,
        y = o + j * step
      let v: number
      if (coarser && (i === 0 || j === 0 || i === n - 1 || j === n - 1)) v = coarserEdge(coarser, x, y)
      else v = surfaceUpM(x, y, minWavelengthKm)
      if (outer) {
        const r = Math.hypot(x, y)
        const sphere = -BASE_SITE.elevationM - curvatureDropM(r)
        const w = smooth((r - FADE_START_KM) / (PATCH_RADIUS_KM + 0.2 - FADE_START_KM))
        v = v + (sphere - v) * w
      }
      h[j * n + i] = v
    }
  }
  return { level, step, heights: h }
}

/** Height of the coarser patch at a point on one of its grid lines (linear along the line). */
function coarserEdge(p: Patch, x: number, y: number): number {
  return triangleHeight(p, x, y)
}

/** Height on the drawn triangles of a patch (diagonal from (i, j) to (i+1, j+1)). */
function triangleHeight(p: Patch, x: number, y: number): number {
  const n = p.level.n,
    half = p.level.extentKm / 2
  const gx = (x + half) / p.step,
    gy = (y + half) / p.step
  const i = Math.min(n - 2, Math.max(0, Math.floor(gx))),
    j = Math.min(n - 2, Math.max(0, Math.floor(gy)))
  const fx = Math.min(1, Math.max(0, gx - i)),
    fy = Math.min(1, Math.max(0, gy - j))
  const hs = p.heights
  const a = hs[j * n + i],
    b = hs[j * n + i + 1],
    c = hs[(j + 1) * n + i],
    d = hs[(j + 1) * n + i + 1]
  return fx >= fy ? a + fx * (b - a) + fy * (d - b) : a + fy * (c - a) + fx * (d - c)
}

let patches: Patch[] | null = null

/** The patches, coarsest first (computed once, ~0.3 s). */
export function terrainPatches(): Patch[] {
  if (patches) return patches
  const out: Patch[] = []
  for (let k = 0; k < LEVELS.length; k++) out.push(fillLevel(LEVELS[k], k > 0 ? out[k - 1] : null, k === 0))
  patches = out
  return out
}

/** Ground height (ENU up, m) of the drawn terrain at (xKm east, yKm north). */
export function groundM(xKm: number, yKm: number): number {
  const ps = terrainPatches()
  for (let k = ps.length - 1; k >= 0; k--) {
    const half = ps[k].level.extentKm / 2
    if (Math.abs(xKm) <= half && Math.abs(yKm) <= half) return triangleHeight(ps[k], xKm, yKm)
  }
  return -BASE_SITE.elevationM - curvatureDropM(Math.hypot(xKm, yKm))
}

/** Albedo: a dusty highland grey, brighter on steep fresh slopes, mottled (linear RGB). */
function albedo(slope: number, x: number, y: number): number {
  const mottle = Math.sin(x * 12.9898 + y * 78.233) * 43758.5453
  const noise = mottle - Math.floor(mottle)
  return 0.16 + 0.1 * Math.min(1, slope * 1.6) + 0.025 * (noise - 0.5)
}

/**
 * Permanent shadow: 1 in the interiors of Shackleton and de Gerlache, whose floors and lower walls
 * never see the Sun (Zuber et al. 2012, Nature 486: Shackleton's interior is permanently shadowed;
 * Mazarico et al. 2011 PSR maps), fading out on the upper walls. It keeps those floors dark where
 * the shadow map does not reach (the map covers the few km around the view).
 */
export function permanentShadow(x: number, y: number): number {
  let m = 0
  for (const c of [SHACKLETON_LOCAL, DE_GERLACHE_LOCAL]) {
    const r = Math.hypot(x - c.xKm, y - c.yKm) / c.radiusKm
    m = Math.max(m, 1 - smooth((r - 0.72) / 0.22))
  }
  return m
}

/** BufferGeometry of one patch in local km (x east, y up, z south), with its hole and skirt. */
export function patchGeometry(k: number): THREE.BufferGeometry {
  const ps = terrainPatches()
  const p = ps[k],
    finer = ps[k + 1]
  const { n, extentKm } = p.level
  const o = -extentKm / 2
  const skirt = k === 0
  const count = n * n + (skirt ? 4 * n : 0)
  const pos = new Float32Array(count * 3)
  const col = new Float32Array(count * 3)
  const psr = new Float32Array(count)
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = j * n + i
      const x = o + i * p.step,
        y = o + j * p.step
      pos[v * 3] = x
      pos[v * 3 + 1] = p.heights[v] / 1000
      pos[v * 3 + 2] = -y
      const hx = p.heights[j * n + Math.min(n - 1, i + 1)] - p.heights[j * n + Math.max(0, i - 1)]
      const hy = p.heights[Math.min(n - 1, j + 1) * n + i] - p.heights[Math.max(0, j - 1) * n + i]
      const slope = Math.hypot(hx, hy) / (2000 * p.step)
      const a = albedo(slope, x, y)
      col[v * 3] = a
      col[v * 3 + 1] = a * 0.985
      col[v * 3 + 2] = a * 0.96
      psr[v] = permanentShadow(x, y)
    }
  }
  const idx: number[] = []
  const holeHalf = finer ? finer.level.extentKm / 2 : -1
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const cx = o + (i + 0.5) * p.step,
        cy = o + (j + 0.5) * p.step
      if (Math.abs(cx) < holeHalf && Math.abs(cy) < holeHalf) continue
      const a = j * n + i,
        b = a + 1,
        c = a + n,
        d = c + 1
      idx.push(a, b, d, a, d, c)
    }
  }
  if (skirt) {
    // Four edges, walked counter-clockwise seen from above, each vertex dropped by SKIRT_M.
    const ring: number[] = []
    for (let i = 0; i < n - 1; i++) ring.push(i) // south edge, west → east
    for (let j = 0; j < n - 1; j++) ring.push(j * n + n - 1) // east edge, south → north
    for (let i = n - 1; i > 0; i--) ring.push((n - 1) * n + i) // north edge, east → west
    for (let j = n - 1; j > 0; j--) ring.push(j * n) // west edge, north → south
    const base = n * n
    ring.forEach((v, r) => {
      const s = base + r
      pos[s * 3] = pos[v * 3]
      pos[s * 3 + 1] = pos[v * 3 + 1] - SKIRT_M / 1000
      pos[s * 3 + 2] = pos[v * 3 + 2]
      col.copyWithin(s * 3, v * 3, v * 3 + 3)
      psr[s] = psr[v]
    })
    for (let r = 0; r < ring.length; r++) {
      const a = ring[r],
        b = ring[(r + 1) % ring.length],
        sa = base + r,
        sb = base + ((r + 1) % ring.length)
      idx.push(a, sa, sb, a, sb, b)
    }
  }
  const g = new THREE.BufferGeometry()
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3))
  g.setAttribute('color', new THREE.BufferAttribute(col, 3))
  g.setAttribute('psr', new THREE.BufferAttribute(psr, 1))
  // The shortest wavelength this patch's heights hold, m: the regolith shader adds what is finer.
  g.setAttribute('detailFrom', new THREE.BufferAttribute(new Float32Array(count).fill(p.level.minWavelengthKm * 1000), 1))
  g.setIndex(idx)
  g.computeVertexNormals()
  g.computeBoundingSphere()
  return g
}

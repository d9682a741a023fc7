/**
 * The local terrain around Moon Base Alpha: GENERATED, NOT A DEM. This tree has no network
 * access to LOLA data, so the height field is a deterministic model built from cited statistics:
 *
 * - Plane: a local tangent plane at the base origin (BASE_SITE): x east, y north, km. heightAt
 *   gives relief in metres relative to the ground at the origin, without the sphere's curvature;
 *   surfaceUpM subtracts the curvature drop d²/2R (R = 1,737.4 km, SOURCES §3) to give the true
 *   ENU "up" coordinate. The model is defined everywhere; TERRAIN_EXTENT_KM is the patch we draw.
 * - Shackleton at its true place (from the coordinates, SOURCES §3: 21 km wide, > 4 km deep; we
 *   use 4.2 km rim-to-floor), a bowl with a flat floor 1/3 the width and a raised rim
 *   (rim height 0.036 D for simple craters, Pike 1977) whose ejecta falls off as (R/r)³
 *   (McGetchin et al. 1973). de Gerlache likewise (32.8 km; depth 1.044 D^0.301 and rim
 *   0.236 D^0.399 km for lunar complex craters, Pike 1977).
 * - Connecting Ridge: a crest from Shackleton's rim through the base to de Gerlache's rim,
 *   1 km above the plain with a 3 km Gaussian half-width, descending to each rim's height, and
 *   a 150 m knoll at the base: the site is a local summit, as the best-lit points are (Gläser
 *   et al. 2014; Bussey et al. 2010). Model choice, shaped to the published maps.
 * - Craters: a seeded population with the lunar equilibrium size–frequency distribution
 *   N(>D) = 10^10.9 D⁻² per 10⁶ km² (D in m; Trask 1966, see Melosh 1989 "Impact Cratering"
 *   §10; Neukum et al. 2001 for the steeper production curve above ~1 km): D 100 m – 6 km over
 *   ±40 km, and D 10–100 m within ±4 km of the base. Simple bowls with depth/diameter 0.2 and rim
 *   0.036 D (Pike 1977), each degraded by a random factor (an equilibrium surface is mostly old).
 * - Roughness: value-noise fBm from 8 km to 2 m wavelength, amplitude ∝ λ^0.8 (Hurst exponent
 *   ≈ 0.8 for highlands, Rosenburg et al. 2011), 15 m at 1 km.
 * - Within ~2.5 km of the origin craters and roughness are damped (no craters within 400 m,
 *   roughness to 10 %: site selection and grading, the base sits on a smooth stretch of the
 *   crest). Model choice.
 */
import { MOON_RADIUS_KM } from '../constants'
import { hashSeed, mulberry32 } from '../rng'
import { DE_GERLACHE, SHACKLETON, localOffsetKm } from './site'

export const TERRAIN_EXTENT_KM = 64
export const TERRAIN_SEED = hashSeed('moon-base-alpha-terrain')

export interface BigCrater {
  xKm: number
  yKm: number
  radiusKm: number
  depthKm: number
  rimKm: number
}

const s = localOffsetKm(SHACKLETON.latDeg, SHACKLETON.lonDeg)
export const SHACKLETON_LOCAL: BigCrater = {
  xKm: s.xKm,
  yKm: s.yKm,
  radiusKm: SHACKLETON.diameterKm / 2,
  depthKm: SHACKLETON.depthKm,
  rimKm: 0.036 * SHACKLETON.diameterKm,
}
const g = localOffsetKm(DE_GERLACHE.latDeg, DE_GERLACHE.lonDeg)
export const DE_GERLACHE_LOCAL: BigCrater = {
  xKm: g.xKm,
  yKm: g.yKm,
  radiusKm: DE_GERLACHE.diameterKm / 2,
  depthKm: 1.044 * DE_GERLACHE.diameterKm ** 0.301,
  rimKm: 0.236 * DE_GERLACHE.diameterKm ** 0.399,
}

function rimPoint(c: BigCrater): { xKm: number; yKm: number } {
  const d = Math.hypot(c.xKm, c.yKm)
  return { xKm: c.xKm - (c.xKm / d) * c.radiusKm, yKm: c.yKm - (c.yKm / d) * c.radiusKm }
}

/** The ridge crest: Shackleton's rim → base origin → de Gerlache's rim (km). */
export const RIDGE_POLYLINE = [rimPoint(SHACKLETON_LOCAL), { xKm: 0, yKm: 0 }, rimPoint(DE_GERLACHE_LOCAL)] as const
const RIDGE_H_KM = 1.0
const RIDGE_W_KM = 3
/**
 * The site is the local summit of the crest (as Gläser's best-lit points are): a knoll
 * H·exp(−√(r² + r0²)/W), 150 m high, 2.5 km e-folding, rounded over r0 = 100 m (model choice).
 */
const SUMMIT_H_KM = 0.15
const SUMMIT_W_KM = 2.5
const SUMMIT_R0_KM = 0.1

export const curvatureDropM = (dKm: number): number => ((dKm * dKm) / (2 * MOON_RADIUS_KM)) * 1000

/** Big-crater profile, km: flat floor out to R/3, wall ∝ ((r−Rf)/(R−Rf))^1.25, rim, (R/r)³ ejecta. */
function bigCraterKm(c: BigCrater, x: number, y: number): number {
  const r = Math.hypot(x - c.xKm, y - c.yKm)
  const R = c.radiusKm
  if (r >= R) return c.rimKm * (R / r) ** 3
  const rf = R / 3
  if (r <= rf) return c.rimKm - c.depthKm
  return c.rimKm - c.depthKm * (1 - ((r - rf) / (R - rf)) ** 1.25)
}

// ---- crater population, bucketed in uniform grids (compressed rows) -------------------------
interface CraterGrid {
  cell: number
  half: number
  n: number
  start: Int32Array
  items: Int32Array
  /** Per crater: x, y, R, depth, rim (km). */
  data: Float64Array
}

/** Trask 1966 equilibrium: N(>D) = 10^10.9 D⁻² per 10⁶ km² (D in m) ⇒ 0.0794 D⁻² per km² (D in km). */
export const EQUILIBRIUM_K_PER_KM2 = 10 ** 10.9 * 1e-6 * 1e-6

function buildGrid(seedText: string, half: number, dMin: number, dMax: number, cell: number): CraterGrid {
  const rng = mulberry32(hashSeed(seedText, TERRAIN_SEED))
  const area = (2 * half) ** 2
  const count = Math.round(EQUILIBRIUM_K_PER_KM2 * (dMin ** -2 - dMax ** -2) * area)
  const data = new Float64Array(count * 5)
  for (let i = 0; i < count; i++) {
    // Inverse CDF of the truncated D⁻² cumulative law.
    const u = rng()
    const D = (dMin ** -2 - u * (dMin ** -2 - dMax ** -2)) ** -0.5
    const fresh = 0.15 + 0.85 * rng() ** 2 // degradation: most craters are old and shallow
    data.set([(rng() * 2 - 1) * half, (rng() * 2 - 1) * half, D / 2, 0.2 * D * fresh, 0.036 * D * fresh], i * 5)
  }
  const n = Math.ceil((2 * half) / cell)
  const counts = new Int32Array(n * n + 1)
  const visit = (i: number, f: (k: number) => void) => {
    const x = data[i * 5],
      y = data[i * 5 + 1],
      reach = 2 * data[i * 5 + 2]
    const i0 = Math.max(0, Math.floor((x - reach + half) / cell)),
      i1 = Math.min(n - 1, Math.floor((x + reach + half) / cell))
    const j0 = Math.max(0, Math.floor((y - reach + half) / cell)),
      j1 = Math.min(n - 1, Math.floor((y + reach + half) / cell))
    for (let j = j0; j <= j1; j++) for (let k = i0; k <= i1; k++) f(j * n + k)
  }
  for (let i = 0; i < count; i++) visit(i, (k) => counts[k + 1]++)
  for (let k = 0; k < n * n; k++) counts[k + 1] += counts[k]
  const items = new Int32Array(counts[n * n])
  const fill = counts.slice()
  for (let i = 0; i < count; i++) visit(i, (k) => (items[fill[k]++] = i))
  return { cell, half, n, start: counts, items, data }
}

function gridHeightKm(gr: CraterGrid, x: number, y: number): number {
  const i = Math.floor((x + gr.half) / gr.cell),
    j = Math.floor((y + gr.half) / gr.cell)
  if (i < 0 || j < 0 || i >= gr.n || j >= gr.n) return 0
  const k = j * gr.n + i
  let h = 0
  const d = gr.data
  for (let p = gr.start[k], e = gr.start[k + 1]; p < e; p++) {
    const o = gr.items[p] * 5
    const dx = x - d[o],
      dy = y - d[o + 1],
      R = d[o + 2]
    const r2 = dx * dx + dy * dy
    if (r2 >= 4 * R * R) continue
    const q = r2 / (R * R)
    if (q < 1) h += d[o + 4] - d[o + 3] * (1 - q)
    else h += d[o + 4] * ((1 / (q * Math.sqrt(q)) - 0.125) / 0.875)
  }
  return h
}

let grids: CraterGrid[] | null = null
function craterGrids(): CraterGrid[] {
  grids ??= [buildGrid('craters-large', 40, 0.1, 6, 0.5), buildGrid('craters-small', 4, 0.01, 0.1, 0.1)]
  return grids
}

// ---- fractal roughness ---------------------------------------------------------------------
function lattice(ix: number, iy: number, oct: number): number {
  let h = Math.imul(ix, 0x27d4eb2d) ^ Math.imul(iy, 0x165667b1) ^ Math.imul(oct + 1, 0x9e3779b1) ^ TERRAIN_SEED
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 2147483648 - 1
}

function valueNoise(x: number, y: number, oct: number): number {
  const ix = Math.floor(x),
    iy = Math.floor(y)
  let fx = x - ix,
    fy = y - iy
  fx = fx * fx * (3 - 2 * fx)
  fy = fy * fy * (3 - 2 * fy)
  const a = lattice(ix, iy, oct),
    b = lattice(ix + 1, iy, oct),
    c = lattice(ix, iy + 1, oct),
    d = lattice(ix + 1, iy + 1, oct)
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy
}

const OCTAVES = 12 // 8 km … 2 m
const HURST = 0.8
const AMP_1KM_M = 6

const AMPS = Array.from({ length: OCTAVES }, (_, o) => AMP_1KM_M * (8 * 0.5 ** o) ** HURST)
const WAVELENGTHS_KM = Array.from({ length: OCTAVES }, (_, o) => 8 * 0.5 ** o)

function roughnessM(x: number, y: number, minLambdaKm: number): number {
  let h = 0,
    inv = 1 / 8
  for (let o = 0; o < OCTAVES && WAVELENGTHS_KM[o] >= minLambdaKm; o++) {
    h += AMPS[o] * valueNoise(x * inv, y * inv, o)
    inv *= 2
  }
  return h
}

// ---- the height field ----------------------------------------------------------------------
/** Distance² to segment a→b and the projection parameter t ∈ [0, 1]. */
function segProj(px: number, py: number, ax: number, ay: number, bx: number, by: number, out: number[]): void {
  const dx = bx - ax,
    dy = by - ay
  let t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
  t = Math.min(1, Math.max(0, t))
  const ex = px - ax - t * dx,
    ey = py - ay - t * dy
  out[0] = ex * ex + ey * ey
  out[1] = t
}
const _p = [0, 0],
  _q = [0, 0]
const smooth01 = (u: number): number => (u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - 2 * u))

/**
 * Large-scale relief, km: the plain at −RIDGE_H_KM; the ridge crest descending linearly from the
 * base (0) to each crater's rim level (plain + rim), Gaussian across; the crater bowls cut in;
 * their ejecta blankets raise the plain. Outside the rims the higher of ridge and plain+ejecta.
 */
function regionalKm(x: number, y: number): number {
  const [a, b, c] = RIDGE_POLYLINE
  const S = SHACKLETON_LOCAL,
    G = DE_GERLACHE_LOCAL
  const rs = Math.hypot(x - S.xKm, y - S.yKm),
    rg = Math.hypot(x - G.xKm, y - G.yKm)
  const plain = -RIDGE_H_KM
  if (rs < S.radiusKm) return plain + bigCraterKm(S, x, y)
  if (rg < G.radiusKm) return plain + bigCraterKm(G, x, y)
  segProj(x, y, a.xKm, a.yKm, b.xKm, b.yKm, _p)
  segProj(x, y, b.xKm, b.yKm, c.xKm, c.yKm, _q)
  const crest = _p[0] < _q[0] ? (plain + S.rimKm) * (1 - _p[1]) : (plain + G.rimKm) * _q[1]
  const d2 = Math.min(_p[0], _q[0])
  const ridge = plain + (crest - plain) * Math.exp(-d2 / (RIDGE_W_KM * RIDGE_W_KM))
  const ejecta = plain + bigCraterKm(S, x, y) + bigCraterKm(G, x, y)
  return Math.max(ridge, ejecta) + SUMMIT_H_KM * Math.exp(-Math.sqrt(x * x + y * y + SUMMIT_R0_KM * SUMMIT_R0_KM) / SUMMIT_W_KM)
}

function rawHeightM(x: number, y: number, minLambdaKm: number): number {
  const [large, small] = craterGrids()
  const ramp = smooth01((Math.hypot(x, y) - 0.4) / 2.1)
  const craters = gridHeightKm(large, x, y) + (minLambdaKm < 0.02 ? gridHeightKm(small, x, y) : 0)
  return regionalKm(x, y) * 1000 + ramp * craters * 1000 + (0.1 + 0.9 * ramp) * roughnessM(x, y, minLambdaKm)
}

let h0: number | null = null

/**
 * Relief at (xKm east, yKm north) of the base origin, m, relative to the origin's ground; no
 * curvature. minWavelengthKm > 0 leaves out finer detail (roughness octaves shorter than it, and
 * the 10–100 m craters when it is ≥ 20 m): a level of detail, and a DEM-like smoothing.
 */
export function heightAt(xKm: number, yKm: number, minWavelengthKm = 0): number {
  h0 ??= rawHeightM(0, 0, 0)
  return rawHeightM(xKm, yKm, minWavelengthKm) - h0
}

/** The ground's true ENU up coordinate, m: relief minus the curvature drop d²/2R. */
export const surfaceUpM = (xKm: number, yKm: number, minWavelengthKm = 0): number => heightAt(xKm, yKm, minWavelengthKm) - curvatureDropM(Math.hypot(xKm, yKm))

export interface HeightGridOptions {
  /** Grid centre, km east / north of the base origin (default 0, 0). */
  centerXKm?: number
  centerYKm?: number
  /** surfaceUpM (true, default: the true ENU up, curvature included) or heightAt (false). */
  curvature?: boolean
  /**
   * Shortest wavelength kept, km. Default: twice the grid spacing (Nyquist), so a coarse grid
   * does not alias metre-scale noise into its vertices, and builds faster. Pass 0 for full detail.
   */
  minWavelengthKm?: number
}

/**
 * An n × n grid of ground heights (m) over a square of side extentKm centred on (centerXKm,
 * centerYKm). Row-major: row j runs south → north (y = cy − extent/2 + j·extent/(n−1)), column i
 * west → east. Values are ENU up (surfaceUpM) unless `curvature: false`.
 */
export function buildHeightGrid(n: number, extentKm: number = TERRAIN_EXTENT_KM, opts: HeightGridOptions = {}): Float32Array {
  const out = new Float32Array(n * n)
  const step = extentKm / (n - 1)
  const ox = (opts.centerXKm ?? 0) - extentKm / 2,
    oy = (opts.centerYKm ?? 0) - extentKm / 2
  const lod = opts.minWavelengthKm ?? 2 * step
  const f = opts.curvature === false ? heightAt : surfaceUpM
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) out[j * n + i] = f(ox + i * step, oy + j * step, lod)
  return out
}

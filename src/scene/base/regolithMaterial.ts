/**
 * The terrain's (and the rocks') material: Lambert's shader with the Moon's own photometry for
 * direct light, McEwen's lunar-Lambert function (McEwen 1991, Icarus 92, "Photometric functions
 * for photoclinometry and other applications"):
 *   r = L(α) · 2μ0 / (μ0 + μ) + (1 − L(α)) · μ0,  L(α) = 1 − 0.019α + 2.42e-4 α² − 1.46e-6 α³ (α in °)
 * with μ0, μ the cosines of incidence and emission and α the phase angle. Regolith seen near zero
 * phase stays bright even with the Sun 1° up (no limb darkening: the full Moon's flat disc), which
 * a plain Lambert surface (r = μ0) would render black. The `psr` attribute (1 in permanently
 * shadowed crater interiors) removes the directional lights there (Sun, earthshine, the bounce
 * fill: BaseLights) and PSR_FILL_CUT of the hemisphere fill, so those floors stay the darkest
 * ground in view, just legible.
 *
 * Metre-scale detail (terrain only), below what the height patches resolve (their finest grid is
 * 16–25 m): the shader adds, in site-local metres (x east, z south; float-safe, the patches span
 * ±32 km), a height field that only bends normals and tints albedo, never moves vertices:
 *   - fractal value noise continuing the height model's own spectrum (src/sim/base/terrain.ts:
 *     amplitude 6 m · λ_km^0.8, Hurst 0.8) from the patch's cut-off (`detailFrom` attribute, m:
 *     what its heights leave out) down to 0.25 m wavelength, which gives RMS slopes of a few
 *     degrees at metre baselines, as measured for the lunar surface;
 *   - small craters (the same bowl, rim and ejecta profile as terrain.ts, most of them degraded,
 *     the fresh ones with a bright halo), 0.2–11 m across, on jittered cells of 40, 11 and 3 m,
 *     and 9–42 m on 150 m cells where the patch leaves out terrain.ts's own 10–100 m craters;
 *   - a faint albedo mottle.
 * Each octave fades out where its wavelength nears the pixel's footprint (no shimmer, and far
 * views pay for a few octaves only); QUALITY 'low' (software rasterisers) spans 128 m to 1 m.
 * Noise comes from one precomputed tile (value and gradient), one texture fetch per octave.
 * Cost on SwiftShader (1280×720, 2 cores): the overview renders ~20–25 % slower than with the
 * detail off (measured); on a GPU it is a dozen texture fetches a pixel at most.
 */
import * as THREE from 'three'
import { QUALITY } from '../frame/quality'

/** Share of the fill light removed in permanently shadowed interiors (they see only faint scatter). */
const PSR_FILL_CUT = 0.65

/** The noise tile: NOISE_PERIOD lattice cells a side, NOISE_TEXELS texels per cell. */
const NOISE_PERIOD = 64
const NOISE_TEXELS = 4

function latticeValue(i: number, j: number): number {
  let h = Math.imul(i & (NOISE_PERIOD - 1), 0x27d4eb2d) ^ Math.imul(j & (NOISE_PERIOD - 1), 0x165667b1) ^ 0x3c6ef372
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (((h ^ (h >>> 16)) >>> 0) / 4294967296) * 2 - 1
}

let noiseTex: THREE.DataTexture | null = null

/**
 * Periodic value noise (quintic fade) sampled NOISE_TEXELS times per lattice cell, with its
 * analytic gradient: RGBA half floats (value, d/dx, d/dy per lattice unit, 0), filtered and
 * repeating. Bilinear filtering between samples a quarter cell apart is close to the exact noise.
 */
function noiseTexture(): THREE.DataTexture {
  if (noiseTex) return noiseTex
  const n = NOISE_PERIOD * NOISE_TEXELS
  const data = new Uint16Array(n * n * 4)
  const fade = (f: number) => f * f * f * (f * (f * 6 - 15) + 10)
  const dfade = (f: number) => 30 * f * f * (f * (f - 2) + 1)
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const qx = x / NOISE_TEXELS,
        qy = y / NOISE_TEXELS
      const i = Math.floor(qx),
        j = Math.floor(qy),
        fx = qx - i,
        fy = qy - j
      const a = latticeValue(i, j),
        b = latticeValue(i + 1, j),
        c = latticeValue(i, j + 1),
        d = latticeValue(i + 1, j + 1)
      const ux = fade(fx),
        uy = fade(fy),
        k = a - b - c + d
      const o = (y * n + x) * 4
      data[o] = THREE.DataUtils.toHalfFloat(a + (b - a) * ux + (c - a) * uy + k * ux * uy)
      data[o + 1] = THREE.DataUtils.toHalfFloat(dfade(fx) * (b - a + k * uy))
      data[o + 2] = THREE.DataUtils.toHalfFloat(dfade(fy) * (c - a + k * ux))
      data[o + 3] = 0
    }
  }
  const t = new THREE.DataTexture(data, n, n, THREE.RGBAFormat, THREE.HalfFloatType)
  t.wrapS = t.wrapT = THREE.RepeatWrapping
  t.magFilter = t.minFilter = THREE.LinearFilter
  t.generateMipmaps = false
  t.colorSpace = THREE.NoColorSpace
  t.needsUpdate = true
  noiseTex = t
  return t
}

const DETAIL_GLSL = /* glsl */ `
varying vec2 vDetailM;
varying float vDetailFrom;
uniform mat3 normalMatrix; // also the vertex shader's: local east (column 0) and south (2) in view space
uint rgHash( ivec2 p, uint s ) {
	uint h = ( uint( p.x ) * 0x27d4eb2du ) ^ ( uint( p.y ) * 0x165667b1u ) ^ ( s * 0x9e3779b1u );
	h = ( h ^ ( h >> 15 ) ) * 0x85ebca6bu;
	h = ( h ^ ( h >> 13 ) ) * 0xc2b2ae35u;
	return h ^ ( h >> 16 );
}
// Value noise in [-1, 1] with its gradient per lattice unit, (value, d/dx, d/dy), from the
// precomputed tile (one filtered fetch instead of four hashes: software rasterisers pay per op).
uniform sampler2D rgNoiseTex;
vec3 rgNoise( vec2 q ) { return texture( rgNoiseTex, q * ${(1 / NOISE_PERIOD).toFixed(6)} ).xyz; }
// One crater per cell of size C (m) at most: adds (height, gradient) to acc, its halo to alb.
void rgCrater( vec2 p, float C, uint s, float fp, inout vec3 acc, inout float alb ) {
	vec2 fl = floor( p / C );
	uint h = rgHash( ivec2( fl ), s );
	float r1 = float( h & 255u ) / 255.0, r2 = float( ( h >> 8 ) & 255u ) / 255.0;
	float r3 = float( ( h >> 16 ) & 255u ) / 255.0, r4 = float( h >> 24 ) / 255.0;
	if ( r4 > 0.45 ) return; // most cells hold none: no visible lattice
	float R = C * ( 0.03 + 0.11 * r3 * r3 * r3 );
	float w = clamp( R / fp - 1.0, 0.0, 1.0 );
	if ( w <= 0.0 ) return;
	vec2 d = p - ( fl + 2.0 * R / C + ( 1.0 - 4.0 * R / C ) * vec2( r1, r2 ) ) * C; // inside its cell
	float q = dot( d, d ) / ( R * R );
	if ( q >= 4.0 ) return;
	float u = r4 / 0.45;
	float fresh = 0.12 + 0.88 * u * u * u; // most degraded, a few fresh
	float depth = 0.4 * R * fresh, rim = 0.072 * R * fresh;
	if ( q < 1.0 ) {
		acc += w * vec3( rim - depth * ( 1.0 - q ), d * ( 2.0 * depth / ( R * R ) ) );
	} else {
		float k = rim / 0.875;
		float q15 = q * sqrt( q );
		acc += w * vec3( k * ( 1.0 / q15 - 0.125 ), d * ( -3.0 * k / ( q15 * q * R * R ) ) );
	}
	alb += w * 0.3 * fresh * fresh * fresh * ( 1.0 - smoothstep( 0.6, 4.0, q ) );
}
// Detail at local metres p: (height m, dh/dx, dh/dz, albedo factor). Wavelengths from the
// patch's own cut-off (from: m; the coarse patches lack everything below 250–1000 m) down.
vec4 rgDetail( vec2 p, float fp, float from ) {
	vec3 acc = vec3( 0.0 );
	float lambda = RG_LONGEST;
	float amp = 6.0 * pow( RG_LONGEST * 0.001, 0.8 ); // × 2^-0.8 per octave
	mat2 M = mat2( 1.0 );
	const mat2 TURN = mat2( 0.8, 0.6, -0.6, 0.8 ); // 37° per octave hides the lattice
	for ( int o = 0; o < RG_OCTAVES; o++ ) {
		float w = clamp( lambda / fp * 0.5 - 1.0, 0.0, 1.0 ); // gone at 2 px, full from 4 px
		if ( w <= 0.0 ) break;
		if ( lambda < from ) {
			vec3 n = rgNoise( M * p / lambda + float( o ) * 17.31 );
			acc += w * amp * vec3( n.x, ( transpose( M ) * n.yz ) / lambda );
		}
		M = TURN * M;
		lambda *= 0.5;
		amp *= 0.574349;
	}
	float alb = 0.0;
	// 10–40 m craters where the patch leaves them out (all but the finest high-quality one).
	if ( from > 20.0 ) rgCrater( p + vec2( 71.0, 37.0 ), 150.0, 100u, fp, acc, alb );
	rgCrater( p, 40.0, 101u, fp, acc, alb );
	rgCrater( p + vec2( 13.7, 5.1 ), 11.0, 102u, fp, acc, alb );
	rgCrater( p + vec2( 1.3, 2.9 ), 3.0, 103u, fp, acc, alb );
	// Albedo mottle, tens of metres (and a faint brightening of steep facets, as on the patches).
	float m = rgNoise( p / 170.0 - 1.3 ).x * clamp( 170.0 / fp * 0.5 - 1.0, 0.0, 1.0 )
		+ rgNoise( p / 23.0 + 3.7 ).x * clamp( 23.0 / fp * 0.5 - 1.0, 0.0, 1.0 );
	m += 0.5 * rgNoise( p / 4.1 - 9.2 ).x * clamp( 4.1 / fp * 0.5 - 1.0, 0.0, 1.0 );
	float a = 1.0 + 0.09 * m + alb + 0.25 * min( length( acc.yz ), 0.3 );
	return vec4( acc, a );
}
`

export interface RegolithOptions {
  /** Metre-scale procedural detail from the `position` attribute (km): the terrain patches. */
  detail: boolean
  /** Colour from a `color` attribute (terrain) rather than per instance (rocks). */
  vertexColors: boolean
}

export function regolithMaterial(opts: RegolithOptions = { detail: true, vertexColors: true }): THREE.MeshLambertMaterial {
  const m = new THREE.MeshLambertMaterial({ vertexColors: opts.vertexColors })
  // Wavelengths 256 m … 0.25 m (11 octaves), or 128 m … 1 m (8) on 'low'.
  const [longest, octaves] = QUALITY === 'high' ? [256, 11] : [128, 8]
  m.onBeforeCompile = (shader) => {
    let vs = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute float psr;\nvarying float vPsr;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvPsr = psr;')
    let fs = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nvarying float vPsr;')
      .replace('#include <lights_lambert_pars_fragment>', THREE.ShaderChunk.lights_lambert_pars_fragment)
      .replace(
        'vec3 irradiance = dotNL * directLight.color;',
        `float mu = max( dot( geometryNormal, geometryViewDir ), 0.02 );
	float alpha = degrees( acos( clamp( dot( directLight.direction, geometryViewDir ), -1.0, 1.0 ) ) );
	float L = clamp( 1.0 - 0.019 * alpha + 2.42e-4 * alpha * alpha - 1.46e-6 * alpha * alpha * alpha, 0.0, 1.0 );
	float lunar = dotNL > 0.0 ? L * 2.0 * dotNL / ( dotNL + mu ) + ( 1.0 - L ) * dotNL : 0.0;
	vec3 irradiance = lunar * ( 1.0 - vPsr ) * directLight.color;`,
      )
      .replace(
        'reflectedLight.indirectDiffuse += irradiance * BRDF_Lambert( material.diffuseColor );',
        `reflectedLight.indirectDiffuse += irradiance * ( 1.0 - ${PSR_FILL_CUT.toFixed(2)} * vPsr ) * BRDF_Lambert( material.diffuseColor );`,
      )
    if (opts.detail) {
      shader.uniforms.rgNoiseTex = { value: noiseTexture() }
      vs = vs
        .replace('#include <common>', '#include <common>\nattribute float detailFrom;\nvarying vec2 vDetailM;\nvarying float vDetailFrom;')
        .replace('#include <begin_vertex>', '#include <begin_vertex>\nvDetailM = position.xz * 1000.0;\nvDetailFrom = detailFrom;')
      fs = fs
        .replace('#include <common>', `#include <common>\n#define RG_OCTAVES ${octaves}\n#define RG_LONGEST ${longest.toFixed(1)}\n${DETAIL_GLSL}`)
        .replace(
          '#include <color_fragment>',
          `#include <color_fragment>
	vec2 rgP = vDetailM;
	float rgFp = max( max( length( dFdx( rgP ) ), length( dFdy( rgP ) ) ), 1e-3 ); // metres per pixel
	vec4 rgD = rgDetail( rgP, rgFp, vDetailFrom );
	diffuseColor.rgb *= rgD.w;`,
        )
        .replace(
          '#include <normal_fragment_maps>',
          '#include <normal_fragment_maps>\n\tnormal = normalize( normal - rgD.y * normalize( normalMatrix[ 0 ] ) - rgD.z * normalize( normalMatrix[ 2 ] ) );',
        )
    }
    shader.vertexShader = vs
    shader.fragmentShader = fs
  }
  m.customProgramCacheKey = () => `regolith-lunar-lambert-${opts.detail ? `detail-${QUALITY}` : 'plain'}-${opts.vertexColors}`
  return m
}

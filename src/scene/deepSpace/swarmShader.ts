/**
 * The swarm's heliocentric Kepler orbits in GLSL and the CPU mirror the tests hold it to.
 * Per point (SWARM_STRIDE floats, src/sim/massDriver/swarmPoints.ts): a (AU), e, i, Ω, ω (rad,
 * ecliptic J2000), M0 (rad at the swarm epoch, reduced mod 2π on the CPU in float64), launch day,
 * appear day. Per frame one uniform: uDay, days since the swarm epoch (< 10⁴, so float32 keeps
 * ~1 ms). M = M0 + n·uDay with n = √(μ☉/a³) in rad/day; over 20 years n·uDay ≤ ~130 rad, whose
 * float32 rounding (~1e-5 rad ≈ 1,500 km at 1 AU) is far below a pixel at AU scale (≈ 500,000 km).
 * Kepler's equation by 5 Newton steps from E = M + e sin M (e < 0.5 here: converged to float32).
 * Output: heliocentric EQJ km, drawn in scene axes (x, z, −y) relative to the Sun.
 */
import { AU_KM, SECONDS_PER_DAY, SUN_GM_KM3_S2 } from '../../sim/constants'
import { meanMotion, OBLIQUITY_J2000_RAD } from '../../sim/kepler'

/** Mean motion at 1 AU, rad/day: √(μ☉ / AU³) × 86,400 s (SOURCES §6 GM and AU; Gauss's k = 0.01720209895). */
const MEAN_MOTION_1AU_RAD_PER_DAY = meanMotion(AU_KM, SUN_GM_KM3_S2) * SECONDS_PER_DAY
const NEWTON_STEPS = 5

export const swarmVertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
attribute vec4 aEl0; // a AU, e, i, raan
attribute vec4 aEl1; // argp, M0, launch day, appear day
uniform float uDay;
uniform float uSize;
varying float vAlpha;
const float K1AU = ${MEAN_MOTION_1AU_RAD_PER_DAY.toPrecision(12)};
const float COS_EPS = ${Math.cos(OBLIQUITY_J2000_RAD).toPrecision(10)};
const float SIN_EPS = ${Math.sin(OBLIQUITY_J2000_RAD).toPrecision(10)};
const float AU = ${AU_KM.toFixed(1)};
void main() {
  if (uDay < aEl1.w) {
    // Still inside the Earth–Moon system (drawn as a trajectory): put it outside the clip volume.
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    vAlpha = 0.0;
    return;
  }
  float a = aEl0.x, e = aEl0.y;
  float M = aEl1.y + K1AU / (a * sqrt(a)) * uDay;
  M -= 6.2831853 * floor(M / 6.2831853 + 0.5);
  float E = M + e * sin(M);
  for (int k = 0; k < ${NEWTON_STEPS}; k++) E -= (E - e * sin(E) - M) / (1.0 - e * cos(E));
  float xp = a * (cos(E) - e), yp = a * sqrt(1.0 - e * e) * sin(E);
  float cO = cos(aEl0.w), sO = sin(aEl0.w), cw = cos(aEl1.x), sw = sin(aEl1.x), ci = cos(aEl0.z), si = sin(aEl0.z);
  vec3 ecl = vec3(
    (cO * cw - sO * sw * ci) * xp + (-cO * sw - sO * cw * ci) * yp,
    (sO * cw + cO * sw * ci) * xp + (-sO * sw + cO * cw * ci) * yp,
    sw * si * xp + cw * si * yp);
  vec3 eqj = AU * vec3(ecl.x, COS_EPS * ecl.y - SIN_EPS * ecl.z, SIN_EPS * ecl.y + COS_EPS * ecl.z);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(eqj.x, eqj.z, -eqj.y, 1.0);
  gl_PointSize = uSize;
  // Fresh arrivals glow brighter for a month.
  vAlpha = 0.55 + 0.45 * exp(-(uDay - aEl1.w) / 30.0);
  #include <logdepthbuf_vertex>
}
`

export const swarmFragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform vec3 uColor;
uniform float uOpacity;
varying float vAlpha;
void main() {
  #include <logdepthbuf_fragment>
  vec2 q = gl_PointCoord * 2.0 - 1.0;
  float a = smoothstep(1.0, 0.1, dot(q, q)) * uOpacity * vAlpha;
  if (a < 0.01) discard;
  gl_FragColor = vec4(uColor * a, a);
}
`

/** CPU mirror of the vertex shader in float64: heliocentric EQJ km of point k at `day`, or false before it appears. */
export function swarmPositionKm(el: ArrayLike<number>, k: number, day: number, out: { x: number; y: number; z: number }): boolean {
  const o = k * 8
  if (day < el[o + 7]) return false
  const a = el[o],
    e = el[o + 1],
    i = el[o + 2],
    raan = el[o + 3],
    argp = el[o + 4]
  let M = el[o + 5] + (MEAN_MOTION_1AU_RAD_PER_DAY / (a * Math.sqrt(a))) * day
  M -= 2 * Math.PI * Math.floor(M / (2 * Math.PI) + 0.5)
  let E = M + e * Math.sin(M)
  for (let s = 0; s < NEWTON_STEPS; s++) E -= (E - e * Math.sin(E) - M) / (1 - e * Math.cos(E))
  const xp = a * (Math.cos(E) - e),
    yp = a * Math.sqrt(1 - e * e) * Math.sin(E)
  const cO = Math.cos(raan),
    sO = Math.sin(raan),
    cw = Math.cos(argp),
    sw = Math.sin(argp),
    ci = Math.cos(i),
    si = Math.sin(i)
  const x = (cO * cw - sO * sw * ci) * xp + (-cO * sw - sO * cw * ci) * yp
  const y = (sO * cw + cO * sw * ci) * xp + (-sO * sw + cO * cw * ci) * yp
  const z = sw * si * xp + cw * si * yp
  const c = Math.cos(OBLIQUITY_J2000_RAD),
    s = Math.sin(OBLIQUITY_J2000_RAD)
  out.x = AU_KM * x
  out.y = AU_KM * (c * y - s * z)
  out.z = AU_KM * (s * y + c * z)
  return true
}

/**
 * The constellation's position formula in GLSL: the mirror of src/sim/constellation/orbits.ts
 * (the CPU reference the tests hold this to). Per satellite, a vec4 of small float32 numbers:
 * (shell index, RAAN at the epoch, argument of latitude at the epoch, deploy time in days).
 * Per shell, angles already reduced in float64 on the CPU for the current time, so nothing here
 * ever sees a large number: uShellGeom = (radius km, cos i, sin i, unused),
 * uShellAngles = (RAAN offset, argument-of-latitude offset, unused, unused), both mod 2π.
 * Output: geocentric J2000 equatorial (EQJ) position in km.
 */
import { MAX_CONSTELLATION_SHELLS } from '../../sim/constellation/params'

export const orbitChunk = /* glsl */ `
uniform vec4 uShellGeom[${MAX_CONSTELLATION_SHELLS}];
uniform vec4 uShellAngles[${MAX_CONSTELLATION_SHELLS}];
// GLSL only promises sin/cos to 2^-11 absolute (SwiftShader meets exactly that: ~3 km at 7,000 km).
// So: Cody–Waite reduction to [−π/4, π/4] and Taylor polynomials, good to ~3e-7 rad (~2 m) on any GPU.
vec2 sincosAccurate(float x) {
  float q = floor(x * 0.63661977 + 0.5);
  float r = (x - q * 1.5703125) - q * 4.8382679e-4;
  float r2 = r * r;
  float s = r * (1.0 - r2 * (1.0 / 6.0 - r2 * (1.0 / 120.0 - r2 * (1.0 / 5040.0))));
  float c = 1.0 - r2 * (0.5 - r2 * (1.0 / 24.0 - r2 * (1.0 / 720.0 - r2 * (1.0 / 40320.0))));
  float m = mod(q, 4.0);
  if (m < 0.5) return vec2(s, c);
  if (m < 1.5) return vec2(c, -s);
  if (m < 2.5) return vec2(-s, -c);
  return vec2(-c, s);
}
vec3 satellitePositionEqj(vec4 el, out int shell) {
  shell = int(el.x + 0.5);
  vec4 g = uShellGeom[shell];
  vec4 a = uShellAngles[shell];
  // Both sums lie in [0, 4π); wrap them to [−π, π] so float32 sin/cos stay accurate on every GPU.
  float raan = el.y + a.x;
  raan -= 6.2831853 * floor(raan / 6.2831853 + 0.5);
  float u = el.z + a.y;
  u -= 6.2831853 * floor(u / 6.2831853 + 0.5);
  vec2 scO = sincosAccurate(raan), scu = sincosAccurate(u);
  float cO = scO.y, sO = scO.x, cu = scu.y, su = scu.x;
  return g.x * vec3(cO * cu - sO * su * g.y, sO * cu + cO * su * g.y, su * g.z);
}
`

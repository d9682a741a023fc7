/**
 * The constellation's position formula in GLSL: the mirror of src/sim/constellation/orbits.ts
 * (the CPU reference the tests hold this to). Per satellite, a vec4 of small float32 numbers:
 * (shell index, RAAN at the epoch, argument of latitude at the epoch, deploy time in days).
 * Per shell, angles already reduced in float64 on the CPU for the current time, so nothing here
 * ever sees a large number: uShellGeom = (radius km, cos i, sin i, unused),
 * uShellAngles = (RAAN offset, argument-of-latitude offset, unused, unused), both mod 2π.
 * Output: geocentric J2000 equatorial (EQJ) position in km.
 */
export const MAX_SHELLS = 16

export const orbitChunk = /* glsl */ `
uniform vec4 uShellGeom[${MAX_SHELLS}];
uniform vec4 uShellAngles[${MAX_SHELLS}];
vec3 satellitePositionEqj(vec4 el, out int shell) {
  shell = int(el.x + 0.5);
  vec4 g = uShellGeom[shell];
  vec4 a = uShellAngles[shell];
  float raan = el.y + a.x;
  float u = el.z + a.y;
  float cO = cos(raan), sO = sin(raan), cu = cos(u), su = sin(u);
  return g.x * vec3(cO * cu - sO * su * g.y, sO * cu + cO * su * g.y, su * g.z);
}
`

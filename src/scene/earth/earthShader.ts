/**
 * Earth's surface: day imagery lit by the Sun, city lights on the night side, a twilight band and
 * a specular glint on water. The Sun direction is a uniform in scene axes (from the ephemeris).
 * Includes three's logarithmic depth chunks so it sorts correctly against everything else.
 */
export const earthVertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
varying vec2 vUv;
varying vec3 vNormalW;
varying vec3 vViewDirW;
void main() {
  vUv = uv;
  vec4 wp = modelMatrix * vec4(position, 1.0);
  vNormalW = normalize(mat3(modelMatrix) * normal);
  vViewDirW = normalize(cameraPosition - wp.xyz);
  gl_Position = projectionMatrix * viewMatrix * wp;
  #include <logdepthbuf_vertex>
}
`

export const earthFragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform sampler2D uDay;
uniform sampler2D uNight;
uniform sampler2D uWater;
uniform float uHasWater;
uniform vec3 uSunDir;
varying vec2 vUv;
varying vec3 vNormalW;
varying vec3 vViewDirW;
void main() {
  #include <logdepthbuf_fragment>
  vec3 n = normalize(vNormalW);
  float mu = dot(n, uSunDir);
  vec3 day = texture2D(uDay, vUv).rgb;
  vec3 night = texture2D(uNight, vUv).rgb;
  // Lambert with a soft terminator (the Sun is 0.53° wide and the atmosphere refracts ~0.6°).
  float lit = smoothstep(-0.06, 0.12, mu) * max(mu, 0.0) / max(mu, 0.02);
  float diffuse = max(mu, 0.0);
  vec3 col = day * (0.04 + 1.15 * diffuse) * lit;
  // Twilight reddening near the terminator.
  col += vec3(0.30, 0.12, 0.04) * smoothstep(-0.08, 0.0, mu) * smoothstep(0.1, 0.0, mu) * 0.18;
  // City lights fade in as the Sun sets.
  float dark = smoothstep(0.05, -0.15, mu);
  col += pow(night, vec3(1.4)) * vec3(1.0, 0.82, 0.55) * 1.6 * dark;
  // Sun glint on water.
  if (uHasWater > 0.5) {
    float water = texture2D(uWater, vUv).r;
    vec3 h = normalize(uSunDir + normalize(vViewDirW));
    col += vec3(1.0, 0.95, 0.85) * water * pow(max(dot(n, h), 0.0), 180.0) * 0.35 * step(0.0, mu);
  }
  gl_FragColor = vec4(col, 1.0);
  #include <colorspace_fragment>
}
`

/** A thin limb glow: Rayleigh-blue on the day side, fading across the terminator. */
export const atmosphereVertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
varying vec3 vNormalW;
varying vec3 vViewDirW;
void main() {
  vec4 wp = modelMatrix * vec4(position, 1.0);
  vNormalW = normalize(mat3(modelMatrix) * normal);
  vViewDirW = normalize(cameraPosition - wp.xyz);
  gl_Position = projectionMatrix * viewMatrix * wp;
  #include <logdepthbuf_vertex>
}
`

export const atmosphereFragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform vec3 uSunDir;
varying vec3 vNormalW;
varying vec3 vViewDirW;
void main() {
  #include <logdepthbuf_fragment>
  vec3 n = normalize(vNormalW);
  float rim = 1.0 - max(dot(n, normalize(vViewDirW)), 0.0);
  float glow = pow(rim, 5.0);
  float mu = dot(n, uSunDir);
  float day = smoothstep(-0.25, 0.35, mu);
  // Blue by day; a narrow warm band only right at the terminator (sunset light through a long path).
  vec3 col = mix(vec3(0.85, 0.5, 0.3), vec3(0.32, 0.6, 1.0), smoothstep(-0.05, 0.2, mu));
  gl_FragColor = vec4(col * glow * day * 1.3, 1.0);
  #include <colorspace_fragment>
}
`

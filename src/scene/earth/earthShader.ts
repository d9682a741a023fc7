/**
 * Earth's surface: day imagery lit by the Sun, clouds, city lights on the night side, a narrow
 * coloured terminator and a specular glint on water; and the atmosphere: a thin limb glow whose
 * brightness follows the line of sight through an exponential haze, lit only where the Sun reaches
 * it (so the night-side limb stays dark). The Sun direction is a uniform in scene axes.
 * Includes three's logarithmic depth chunks so it sorts correctly against everything else.
 */
export const earthVertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
varying vec2 vUv;
varying vec3 vNormalW;
varying vec3 vViewDirW;
varying vec3 vGround;
void main() {
  vUv = uv;
  vGround = position;
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
uniform sampler2D uCloudMap;
uniform float uHasWater;
uniform float uClouds;
uniform float uHaze;
uniform vec3 uSunDir;
uniform vec2 uNightSize;
uniform vec2 uCloudSize;
uniform float uNightTexelKm;
varying vec2 vUv;
varying vec3 vNormalW;
varying vec3 vViewDirW;
varying vec3 vGround;

// Value noise on the ground (km, the Earth's own axes), for the lights' detail close up.
float hash3(ivec3 p) {
  uvec3 q = uvec3(p) * uvec3(1597334673u, 3812015801u, 2798796415u);
  uint h = (q.x ^ q.y ^ q.z) * 1597334673u;
  h ^= h >> 16u;
  return float(h >> 8u) * (1.0 / 16777216.0);
}
float vnoise(vec3 x) {
  vec3 fl = floor(x);
  vec3 f = x - fl;
  f = f * f * (3.0 - 2.0 * f);
  ivec3 c = ivec3(fl);
  float a = mix(hash3(c), hash3(c + ivec3(1, 0, 0)), f.x);
  float b = mix(hash3(c + ivec3(0, 1, 0)), hash3(c + ivec3(1, 1, 0)), f.x);
  float d = mix(hash3(c + ivec3(0, 0, 1)), hash3(c + ivec3(1, 0, 1)), f.x);
  float e = mix(hash3(c + ivec3(0, 1, 1)), hash3(c + ivec3(1, 1, 1)), f.x);
  return mix(mix(a, b, f.y), mix(d, e, f.y), f.z);
}
// Cubic B-spline from four bilinear taps (level 0: only used magnified): no texel squares, no JPEG block edges.
vec3 bspline(sampler2D tex, vec2 size, vec2 uv) {
  vec2 t = uv * size - 0.5;
  vec2 fi = floor(t);
  vec2 f = t - fi;
  vec2 f2 = f * f, f3 = f2 * f;
  vec2 w0 = (1.0 - 3.0 * f + 3.0 * f2 - f3) / 6.0;
  vec2 w1 = (4.0 - 6.0 * f2 + 3.0 * f3) / 6.0;
  vec2 w2 = (1.0 + 3.0 * f + 3.0 * f2 - 3.0 * f3) / 6.0;
  vec2 w3 = f3 / 6.0;
  vec2 g0 = w0 + w1, g1 = w2 + w3;
  vec2 h0 = (fi - 0.5 + w1 / g0) / size;
  vec2 h1 = (fi + 1.5 + w3 / g1) / size;
  return g0.y * (g0.x * textureLod(tex, h0, 0.0).rgb + g1.x * textureLod(tex, vec2(h1.x, h0.y), 0.0).rgb)
       + g1.y * (g0.x * textureLod(tex, vec2(h0.x, h1.y), 0.0).rgb + g1.x * textureLod(tex, h1, 0.0).rgb);
}
/**
 * City lights. From afar, the map as it is (a texel under a pixel or two). Closer, where a texel of
 * the 2048-wide map (~20 km) spans several pixels, it is sampled smoothly and broken into towns:
 * noise on the ground at 6 and 2 km places them (dense cores nearly whole, dim country a scatter
 * of small ones, each brighter than the texel's mean), and at 0.9 and 0.4 km speckles them into
 * points; each octave enters only once it spans a few pixels, so nothing shimmers. A little of the
 * smooth map stays as the glow between them, and the light summed over a texel stays about what
 * the map says.
 */
float octave(float cellKm, float footKm) {
  return smoothstep(1.0, 3.0, cellKm / footKm);
}
vec3 cityLights(vec2 uv, vec3 flat_, float footKm) {
  float w = smoothstep(1.5, 5.0, uNightTexelKm / footKm);
  if (w <= 0.0) return flat_;
  vec3 night = bspline(uNight, uNightSize, uv);
  float a0 = octave(6.0, footKm), a1 = 0.6 * octave(2.0, footKm);
  float v = 0.5 + 1.4 * (a0 * (vnoise(vGround / 6.0) - 0.5) + a1 * (vnoise(vGround / 2.0 + 17.3) - 0.5)) / max(a0 + a1, 1e-3);
  float l = max(night.r, max(night.g, night.b));
  float cover = clamp(2.0 * sqrt(max(l - 0.015, 0.0)), 0.0, 1.0);
  float town = smoothstep(1.0 - cover - 0.08, 1.0 - cover + 0.08, v);
  float speck = mix(1.0, 0.25 + 1.5 * vnoise(vGround / 0.9 + 41.7), octave(0.9, footKm));
  speck *= mix(1.0, 0.3 + 1.4 * vnoise(vGround / 0.4 + 73.1), octave(0.4, footKm));
  vec3 detail = night * (0.15 + 0.85 * town * speck / max(cover, 0.3));
  // Blended in from the plain sample (the B-spline does not pass through the texels and cuts
  // single-texel peaks): no step along the contour where the switch happens.
  return mix(flat_, mix(night, detail, min(1.0, (a0 + a1) * 1.6)), w);
}

void main() {
  #include <logdepthbuf_fragment>
  vec3 n = normalize(vNormalW);
  vec3 v = normalize(vViewDirW);
  float mu = dot(n, uSunDir);
  vec3 day = texture2D(uDay, vUv).rgb;
  // Sampled (and the pixel's ground size taken) outside any branch: derivatives need every pixel.
  vec3 nightMap = texture2D(uNight, vUv).rgb;
  float footKm = max(length(fwidth(vGround)), 1e-4);
  // The map's faint haze (and its JPEG blocks at low density) would grey the whole ocean: keep the
  // cloud decks and let thin cloud fade out.
  // Close up (a cloud texel over a few px) it is sampled smoothly, so cloud edges are soft rather
  // than stairs of texels.
  // Blended in over 2-4 px per cloud texel (no seam along the contour), by the cloud map's own texel size.
  float cloudMap = texture2D(uCloudMap, vUv).r;
  float cloudPx = uNightTexelKm * uNightSize.y / uCloudSize.y / footKm;
  if (cloudPx > 2.0) cloudMap = mix(cloudMap, bspline(uCloudMap, uCloudSize, vUv).r, smoothstep(2.0, 4.0, cloudPx));
  float cloud = uClouds * smoothstep(0.12, 0.8, cloudMap);
  // Lambert with a narrow terminator: the Sun's disc (0.53°) plus refraction (~0.6°) soften it over
  // a few tens of km; the band is tinted by light that crossed a long path through the air.
  float lit = smoothstep(-0.012, 0.035, mu);
  float diffuse = max(mu, 0.0);
  vec3 sunTint = mix(vec3(1.0, 0.52, 0.28), vec3(1.0), smoothstep(0.0, 0.14, mu));
  vec3 col = day * (1.18 * diffuse + 0.015) * lit * sunTint;
  // Sun glint on water: a bright core the size of the Sun's reflection in a wind-roughened sea,
  // and a faint halo; hidden under clouds.
  if (uHasWater > 0.5) {
    float water = texture2D(uWater, vUv).r;
    vec3 h = normalize(uSunDir + v);
    float nh = max(dot(n, h), 0.0);
    float fres = 0.02 + 0.98 * pow(1.0 - max(dot(n, v), 0.0), 5.0);
    float glint = pow(nh, 900.0) * 0.9 + pow(nh, 300.0) * 0.07 + fres * 0.06;
    col += vec3(1.0, 0.93, 0.80) * sunTint * water * glint * lit * (1.0 - cloud);
  }
  // Clouds: bright white by day (a softer terminator: they are lit a little beyond the ground's),
  // grey-blue in twilight, dark at night, where they veil the city lights.
  float cloudLit = smoothstep(-0.03, 0.06, mu) * (0.12 + 0.95 * diffuse);
  vec3 cloudCol = vec3(0.97, 0.98, 1.0) * sunTint * cloudLit;
  col = mix(col, cloudCol, cloud * 0.92);
  // City lights where the Sun has set.
  float dark = smoothstep(0.02, -0.10, mu);
  if (dark > 0.0) {
    vec3 night = cityLights(vUv, nightMap, footKm);
    vec3 lights = pow(night, vec3(1.25)) * vec3(1.0, 0.78, 0.48) * 2.6;
    col += lights * dark * (1.0 - 0.75 * cloud);
  }
  // Aerial perspective: the day side hazes blue towards the limb.
  float slant = pow(1.0 - max(dot(n, v), 0.0), 3.0);
  col += vec3(0.10, 0.22, 0.45) * slant * uHaze * smoothstep(-0.05, 0.25, mu) * 0.55;
  gl_FragColor = vec4(col, 1.0);
  #include <colorspace_fragment>
}
`

/** The atmosphere shell: drawn on a sphere a little above the ground, additive, no depth writes. */
export const atmosphereVertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
varying vec3 vWorld;
varying vec3 vCentre;
void main() {
  vec4 wp = modelMatrix * vec4(position, 1.0);
  vWorld = wp.xyz;
  vCentre = (modelMatrix * vec4(0.0, 0.0, 0.0, 1.0)).xyz;
  gl_Position = projectionMatrix * viewMatrix * wp;
  #include <logdepthbuf_vertex>
}
`

export const atmosphereFragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform vec3 uSunDir;
uniform float uRadius;
uniform float uScaleKm;
varying vec3 vWorld;
varying vec3 vCentre;
void main() {
  #include <logdepthbuf_fragment>
  vec3 d = normalize(vWorld - cameraPosition);
  vec3 oc = vCentre - cameraPosition;
  float tc = dot(oc, d);
  vec3 closest = cameraPosition + d * tc - vCentre;
  float b = length(closest);
  // Ray misses the ground: the haze seen edge-on, exponential in the tangent height above the
  // surface. Ray hits the ground: nothing here (the surface shader hazes the disc itself).
  if (b < uRadius) discard;
  float hgt = b - uRadius;
  // A pixel wider than the haze's scale height (the Earth seen from the Moon: ~400 km a pixel)
  // averages the thin shell with the black sky around it, so the glow fades by the ratio instead
  // of painting a bright ring a pixel wide round a small disc.
  float footprint = fwidth(b);
  float glow = exp(-hgt / uScaleKm) * min(1.0, uScaleKm / max(footprint, 1e-3));
  // Lit where the tangent point sees the Sun: at 20–60 km the Sun still shines a little past the
  // ground's terminator; warm where its light grazes the Earth, blue in full day.
  float mu = dot(closest / b, uSunDir);
  float litF = smoothstep(-0.12, 0.04, mu);
  vec3 col = mix(vec3(1.0, 0.42, 0.16), vec3(0.36, 0.62, 1.0), smoothstep(-0.02, 0.22, mu));
  // Forward scattering: brighter limb when looking towards the Sun.
  float fwd = 1.0 + 0.8 * pow(max(dot(d, uSunDir), 0.0), 6.0);
  gl_FragColor = vec4(col * glow * litF * fwd * 0.95, 1.0);
  #include <colorspace_fragment>
}
`

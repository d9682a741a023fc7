/**
 * The Moon's surface, shaded per pixel from its local position rather than the sphere's vertex UVs:
 * longitude and latitude come from the normalised position, so the poles do not pinch (no triangle
 * fan of stretched texels) and the seam picks its mip level from a parametrisation without a jump
 * (Tarini's trick). Relief comes from the elevation map as a slope in east/north, faded towards
 * the limb and the poles (no comb at the limb); the terminator follows the smooth sphere, so it is
 * clean, with the relief shading only inside the lit side. Photometry: Lommel–Seeliger mixed with
 * Lambert (the full Moon is nearly flat-lit, with no limb darkening), plus a faint earthshine.
 * Mesh-local axes follow three's SphereGeometry mapping: longitude 0 at +x, north at +y, 90° E at −z.
 */
export const moonVertex = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
varying vec3 vLocal;
varying vec3 vNormalW;
varying vec3 vViewDirW;
void main() {
  vLocal = position;
  vec4 wp = modelMatrix * vec4(position, 1.0);
  vNormalW = normalize(mat3(modelMatrix) * normal);
  vViewDirW = normalize(cameraPosition - wp.xyz);
  gl_Position = projectionMatrix * viewMatrix * wp;
  #include <logdepthbuf_vertex>
}
`

export const moonFragment = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform sampler2D uColor;
uniform sampler2D uBump;
uniform vec2 uBumpTexel;
uniform float uRelief;
uniform vec3 uSunDir;
uniform vec3 uEarthDir;
uniform mat3 uLocalToWorld;
varying vec3 vLocal;
varying vec3 vNormalW;
varying vec3 vViewDirW;
vec4 sampleSeamless(sampler2D tex, vec2 uv, vec2 uvAlt) {
  // uvAlt has its seam on the other side: take the gradients of whichever has no jump here.
  vec2 dx = dFdx(uv), dy = dFdy(uv);
  vec2 dxA = dFdx(uvAlt), dyA = dFdy(uvAlt);
  if (dot(dxA, dxA) + dot(dyA, dyA) < dot(dx, dx) + dot(dy, dy)) { dx = dxA; dy = dyA; }
  return textureGrad(tex, uv, dx, dy);
}
void main() {
  #include <logdepthbuf_fragment>
  vec3 p = normalize(vLocal);
  float lon = atan(-p.z, p.x);
  float lat = asin(clamp(p.y, -1.0, 1.0));
  vec2 uv = vec2(0.5 + lon / (2.0 * PI), 0.5 + lat / PI);
  vec2 uvAlt = vec2(fract(uv.x + 0.5), uv.y);
  vec3 albedo = sampleSeamless(uColor, uv, uvAlt).rgb;
  vec3 n = normalize(vNormalW);
  vec3 v = normalize(vViewDirW);
  // Relief: slopes of the elevation map along east and north (texels → radians of arc).
  float cl = max(cos(lat), 0.02);
  float hE = texture(uBump, uv + vec2(uBumpTexel.x, 0.0)).r - texture(uBump, uv - vec2(uBumpTexel.x, 0.0)).r;
  float hN = texture(uBump, uv + vec2(0.0, uBumpTexel.y)).r - texture(uBump, uv - vec2(0.0, uBumpTexel.y)).r;
  float sE = hE / (2.0 * uBumpTexel.x * 2.0 * PI * cl);
  float sN = hN / (2.0 * uBumpTexel.y * PI);
  vec3 eastL = vec3(-sin(lon), 0.0, -cos(lon));
  vec3 northL = vec3(-sin(lat) * cos(lon), cos(lat), sin(lat) * sin(lon));
  float fade = smoothstep(0.05, 0.35, dot(n, v)) * smoothstep(0.02, 0.2, cl);
  vec3 nb = normalize(n - uRelief * fade * (uLocalToWorld * (sE * eastL + sN * northL)));
  float mu0g = dot(n, uSunDir);
  float mu0 = max(dot(nb, uSunDir), 0.0);
  float mu = max(dot(n, v), 0.0);
  // Clean terminator on the smooth sphere (the Sun's 0.5° disc softens it a little).
  float lit = smoothstep(-0.01, 0.03, mu0g);
  float ls = 2.0 * mu0 / (mu0 + mu + 1e-3);
  float bright = mix(mu0, ls * 0.5, 0.6) * lit;
  vec3 col = albedo * bright * 1.55;
  // Earthshine: the night side faintly lit from the Earth's direction.
  col += albedo * vec3(0.55, 0.65, 0.85) * 0.018 * max(dot(n, uEarthDir), 0.0) * (1.0 - lit);
  gl_FragColor = vec4(col, 1.0);
  #include <colorspace_fragment>
}
`

/**
 * The terrain's material: Lambert's shader with the Moon's own photometry for direct sunlight,
 * McEwen's lunar-Lambert function (McEwen 1991, Icarus 92, "Photometric functions for
 * photoclinometry and other applications"):
 *   r = L(α) · 2μ0 / (μ0 + μ) + (1 − L(α)) · μ0,  L(α) = 1 − 0.019α + 2.42e-4 α² − 1.46e-6 α³ (α in °)
 * with μ0, μ the cosines of incidence and emission and α the phase angle. Regolith seen near zero
 * phase stays bright even with the Sun 1° up (no limb darkening: the full Moon's flat disc), which
 * a plain Lambert surface (r = μ0) would render black. The `psr` attribute (1 in permanently
 * shadowed crater interiors) removes direct sunlight there.
 */
import * as THREE from 'three'

export function regolithMaterial(): THREE.MeshLambertMaterial {
  const m = new THREE.MeshLambertMaterial({ vertexColors: true })
  m.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute float psr;\nvarying float vPsr;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvPsr = psr;')
    shader.fragmentShader = shader.fragmentShader
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
  }
  m.customProgramCacheKey = () => 'regolith-lunar-lambert'
  return m
}

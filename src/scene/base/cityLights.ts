/**
 * The city's own light. Structures carry a per-vertex `glow` colour (windows, lamps, furnace
 * mouths, beacons: structureGeometry.ts); their shared material adds it as emitted light times
 * `night`, a factor set each frame from the Sun's elevation at the site (BaseLights): faint
 * accents by day (0.2), full at lunar night (1, the Sun's upper limb below the horizon), eased
 * across the 1.5° around sunset, when the low Sun also fades out (sunFactor). At the pole the Sun
 * never stands more than ~1.6° up, so half a lunar day can pass in twilight.
 */
import * as THREE from 'three'
import { SUN_SEMI_DIAMETER_DEG } from '../../sim/base/illumination'

export const cityLight = {
  /** 0.2 by day … 1 at night (uniform, shared by every material that glows). */
  night: { value: 0.2 },
  /** Sun's elevation at the site, degrees (for captions and tests). */
  sunElevationDeg: 0,
}

const SUN_RADIUS_DEG = SUN_SEMI_DIAMETER_DEG
const smooth = (u: number) => (u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - 2 * u))

/** Share of the Sun's disc above a flat horizon (0 set … 1 up), as a smooth ramp over its diameter. */
export function sunFactor(elevationDeg: number): number {
  return smooth((elevationDeg + SUN_RADIUS_DEG) / (2 * SUN_RADIUS_DEG))
}

/** The night factor for a Sun elevation (deg): 0.2 with the Sun up, 1 once it has set. */
export function nightFactor(elevationDeg: number): number {
  return 0.2 + 0.8 * (1 - smooth((elevationDeg + 0.75) / 1.5))
}

/** Lambert with vertex colours plus the `glow` attribute as emitted light × night. */
export function cityMaterial(): THREE.MeshLambertMaterial {
  const m = new THREE.MeshLambertMaterial({ vertexColors: true })
  m.onBeforeCompile = (shader) => {
    shader.uniforms.uNight = cityLight.night
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', 'attribute vec3 glow;\nvarying vec3 vGlow;\n#include <common>')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvGlow = glow;')
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', 'uniform float uNight;\nvarying vec3 vGlow;\n#include <common>')
      .replace('#include <emissivemap_fragment>', '#include <emissivemap_fragment>\ntotalEmissiveRadiance += vGlow * uNight;')
  }
  m.customProgramCacheKey = () => 'city-glow'
  return m
}

/**
 * Hides the global Moon sphere under the local terrain patch while the base is in view: the
 * sphere (radius 1,737.4 km, coarsely tessellated) would otherwise cut through Shackleton's bowl.
 * The Moon's material gets a fragment test against the site's direction in the sphere's own
 * (object) axes, which is constant because the site is fixed on the Moon; a cosine threshold of 2
 * turns the hole off. Patched at run time on the mesh named "moon-surface" (Moon.tsx) so the
 * global Moon needs no knowledge of the base.
 */
import * as THREE from 'three'
import { MOON_RADIUS_KM } from '../../sim/constants'
import { BASE_ENU } from '../../sim/base/site'
import { PATCH_RADIUS_KM } from './terrainPatches'

const u = BASE_ENU.up
/** Three's sphere mapping: object x = body x, y = body z (north), z = −body y (Moon.tsx). */
export const holeUniforms = {
  uSiteDir: { value: new THREE.Vector3(u.x, u.z, -u.y).normalize() },
  uHoleCos: { value: 2 },
}
export const HOLE_COS = Math.cos(PATCH_RADIUS_KM / MOON_RADIUS_KM)

let patched: THREE.Material | null = null

/** Installs the hole test on the Moon's material once it exists; returns true when installed. */
export function patchMoon(scene: THREE.Scene): boolean {
  const mesh = scene.getObjectByName('moon-surface') as THREE.Mesh | undefined
  const mat = mesh?.material as THREE.Material | undefined
  if (!mat || Array.isArray(mat)) return false
  if (patched === mat) return true
  const prev = mat.onBeforeCompile
  mat.onBeforeCompile = (shader, renderer) => {
    prev?.call(mat, shader, renderer)
    shader.uniforms.uSiteDir = holeUniforms.uSiteDir
    shader.uniforms.uHoleCos = holeUniforms.uHoleCos
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nvarying vec3 vObjPos;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvObjPos = position;')
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nvarying vec3 vObjPos;\nuniform vec3 uSiteDir;\nuniform float uHoleCos;')
      .replace('#include <clipping_planes_fragment>', 'if (dot(normalize(vObjPos), uSiteDir) > uHoleCos) discard;\n#include <clipping_planes_fragment>')
  }
  mat.customProgramCacheKey = () => 'moon-with-base-hole'
  mat.needsUpdate = true
  patched = mat
  return true
}

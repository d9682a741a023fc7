/**
 * Reads back what the constellation shader computes, for the GPU/CPU agreement test: the same GLSL
 * (shaders/orbit.ts) evaluates chosen satellites, each into its own texel of a float render target,
 * and the EQJ positions (km) come back through readRenderTargetPixels.
 */
import * as THREE from 'three'
import { FLOATS_PER_SAT, satellites } from '../../state/constellation'
import { setShellUniforms, makeConstellationMaterial } from './Constellation'
import { orbitChunk } from './orbitShader'

const vertex = /* glsl */ `
attribute vec4 aEl;
attribute float aSlot;
uniform float uWidth;
varying vec3 vPos;
${orbitChunk}
void main() {
  int shell;
  vPos = satellitePositionEqj(aEl, shell);
  gl_Position = vec4(((aSlot + 0.5) / uWidth) * 2.0 - 1.0, 0.0, 0.0, 1.0);
  gl_PointSize = 1.0;
}
`
const fragment = /* glsl */ `
varying vec3 vPos;
void main() { gl_FragColor = vec4(vPos, 1.0); }
`

export function readbackSatellitePositions(gl: THREE.WebGLRenderer, indices: number[], tMs: number): number[][] {
  const n = indices.length
  const el = new Float32Array(n * FLOATS_PER_SAT)
  const slot = new Float32Array(n)
  indices.forEach((idx, k) => {
    el.set(satellites.elements.subarray(idx * FLOATS_PER_SAT, idx * FLOATS_PER_SAT + FLOATS_PER_SAT), k * FLOATS_PER_SAT)
    slot[k] = k
  })
  const geometry = new THREE.BufferGeometry()
  geometry.setAttribute('aEl', new THREE.BufferAttribute(el, FLOATS_PER_SAT))
  geometry.setAttribute('aSlot', new THREE.BufferAttribute(slot, 1))
  geometry.setDrawRange(0, n)
  // Reuse the live material's uniform values for the shells at tMs.
  const shellSource = makeConstellationMaterial()
  setShellUniforms(shellSource, tMs)
  const material = new THREE.ShaderMaterial({
    vertexShader: vertex,
    fragmentShader: fragment,
    uniforms: { uShellGeom: shellSource.uniforms.uShellGeom, uShellAngles: shellSource.uniforms.uShellAngles, uWidth: { value: n } },
  })
  const points = new THREE.Points(geometry, material)
  points.frustumCulled = false
  const scene = new THREE.Scene()
  scene.add(points)
  const camera = new THREE.OrthographicCamera()
  const target = new THREE.WebGLRenderTarget(n, 1, { type: THREE.FloatType, format: THREE.RGBAFormat, depthBuffer: false })
  const prev = gl.getRenderTarget()
  gl.setRenderTarget(target)
  gl.setClearColor(0x000000, 0)
  gl.clear()
  gl.render(scene, camera)
  const out = new Float32Array(n * 4)
  gl.readRenderTargetPixels(target, 0, 0, n, 1, out)
  gl.setRenderTarget(prev)
  target.dispose()
  geometry.dispose()
  material.dispose()
  shellSource.dispose()
  return indices.map((_, k) => [out[k * 4], out[k * 4 + 1], out[k * 4 + 2]])
}

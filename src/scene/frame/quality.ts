/**
 * Render quality, chosen once before the WebGL context exists. On a software rasteriser
 * (SwiftShader, llvmpipe: no GPU) every pixel costs CPU time, so 'low' drops MSAA and keeps the
 * pixel ratio at 1; with a GPU, 'high' keeps MSAA and up to 2× pixel ratio. URL `quality=high|low`
 * overrides the guess (e.g. to record a demo on a machine without a GPU at full quality).
 */
import { QUALITIES, type Quality } from '../../state/ui'

export type { Quality }

export function detectSoftwareRenderer(): boolean {
  try {
    const c = document.createElement('canvas')
    const gl = c.getContext('webgl2') ?? c.getContext('webgl')
    if (!gl) return false
    const ext = gl.getExtension('WEBGL_debug_renderer_info')
    const name = ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER))
    gl.getExtension('WEBGL_lose_context')?.loseContext()
    return /swiftshader|llvmpipe|software|basic render/i.test(name)
  } catch {
    return false
  }
}

export function chooseQuality(search: string): Quality {
  // A malformed value is reported with the other link parameters (src/present/deepLink.ts).
  const q = new URLSearchParams(search).get('quality')
  const asked = QUALITIES.find((x) => x === q)
  if (asked) return asked
  return detectSoftwareRenderer() ? 'low' : 'high'
}

/** The quality in force for this page (decided once, at load). */
export const QUALITY: Quality = typeof document === 'undefined' ? 'high' : chooseQuality(location.search)

/**
 * Sphere tessellation [width, height segments]. Software rasterisers pay per vertex, so 'low'
 * uses coarser spheres (still smooth at the sizes they are seen from the default views).
 */
export const SEGMENTS: Record<'earth' | 'atmosphere' | 'moon' | 'sky' | 'sun', [number, number]> = {
  earth: QUALITY === 'high' ? [160, 80] : [80, 40],
  atmosphere: QUALITY === 'high' ? [96, 48] : [48, 24],
  moon: QUALITY === 'high' ? [192, 96] : [80, 40],
  sky: QUALITY === 'high' ? [64, 32] : [32, 16],
  sun: QUALITY === 'high' ? [48, 24] : [16, 8],
}

export const ANISOTROPY = QUALITY === 'high' ? 8 : 1

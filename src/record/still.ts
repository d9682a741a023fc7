/**
 * Stills: a PNG of the current view (the canvas only, no UI) at a size independent of the window,
 * up to 7680×4320. The frame is drawn in lock-step with no time step, so the picture is the
 * instant on screen. Sizes above what one draw can take (gl MAX_VIEWPORT_DIMS, MAX_RENDERBUFFER_SIZE,
 * and 4096 to spare memory) are drawn in tiles with the camera's view offset and stitched on a 2D canvas.
 */
import * as THREE from 'three'
import { sceneRoot } from '../scene/frame/FrameDriver'
import { useUi } from '../state/ui'
import { drawFrame, holdView, ratioForHeight, releaseView, setRenderSize, viewCanvas, viewHeld } from './lockStep'
import { parseSize, useRecorder } from './store'

export const STILL_SIZES = [
  { w: 1920, h: 1080 },
  { w: 2560, h: 1440 },
  { w: 3840, h: 2160 },
  { w: 7680, h: 4320 },
] as const

/** The largest tile one draw may take on this GPU. */
export function maxTilePx(): number {
  const gl = sceneRoot()?.gl.getContext()
  if (!gl) return 2048
  const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array | null
  const rb = gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number
  return Math.min(4096, rb || 4096, dims ? Math.min(dims[0], dims[1]) : 4096)
}

/** Largest still offered: 7680×4320 where tiles of this GPU can cover it with a 2D canvas to stitch on. */
export function maxStill(): { w: number; h: number } {
  return maxTilePx() >= 1920 ? { w: 7680, h: 4320 } : { w: 3840, h: 2160 }
}

function canvasToPng(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('The still could not be encoded as PNG.'))), 'image/png'))
}

export interface Still {
  png: Blob
  width: number
  height: number
  tiles: number
}

/** Renders the current view at w×h into a PNG; `tilePx` caps the tile size (tests: force tiling at small sizes). */
export async function captureStill(w: number, h: number, tilePx = Number.POSITIVE_INFINITY): Promise<Still> {
  const max = maxStill()
  if (w > max.w || h > max.h || w < 16 || h < 16) throw new Error(`A still can be 16×16 to ${max.w}×${max.h} here; ${w}×${h} was asked.`)
  const tile = Math.max(64, Math.min(maxTilePx(), tilePx))
  const nx = Math.ceil(w / tile)
  const ny = Math.ceil(h / tile)
  const out = document.createElement('canvas')
  out.width = w
  out.height = h
  const ctx = out.getContext('2d')
  if (!ctx) throw new Error('No 2D canvas to compose the still on.')
  holdView()
  try {
    const cam = sceneRoot()?.camera
    const ratio = ratioForHeight(h)
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const x = i * tile
        const y = j * tile
        const tw = Math.min(tile, w - x)
        const th = Math.min(tile, h - y)
        setRenderSize(tw, th, ratio)
        if (cam instanceof THREE.PerspectiveCamera) {
          if (nx * ny > 1) cam.setViewOffset(w, h, x, y, tw, th)
          cam.aspect = w / h
          cam.updateProjectionMatrix()
        }
        if (!drawFrame(0)) throw new Error('The 3D view is not running.')
        const c = viewCanvas()
        if (!c) throw new Error('The 3D view is not running.')
        ctx.drawImage(c, x, y) // same task as the draw: the drawing buffer still holds it
      }
    }
  } finally {
    releaseView()
  }
  return { png: await canvasToPng(out), width: w, height: h, tiles: nx * ny }
}

/** Renders a still and downloads it. */
export async function downloadStill(w: number, h: number): Promise<Still> {
  const still = await captureStill(w, h)
  const url = URL.createObjectURL(still.png)
  const a = document.createElement('a')
  a.href = url
  a.download = `terawatt-${new Date().toISOString().replace(/[:.]/g, '').slice(0, 15)}-${w}x${h}.png`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return still
}

/** The still key and button: a PNG of the current view at the export panel's still size, with a notice. */
export async function takeStill(): Promise<void> {
  const st = useRecorder.getState()
  if (st.running || viewHeld()) return
  const size = parseSize(st.choices.stillSize) ?? { w: 3840, h: 2160 }
  try {
    const s = await downloadStill(size.w, size.h)
    useUi.getState().notify(`Still saved: ${s.width}×${s.height} PNG${s.tiles > 1 ? `, drawn in ${s.tiles} tiles` : ''}.`, 'info')
  } catch (e) {
    useUi.getState().notify(`The still failed: ${e instanceof Error ? e.message : String(e)}`, 'error')
  }
}

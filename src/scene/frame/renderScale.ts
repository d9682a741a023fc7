/**
 * The render scale: device pixels per CSS pixel of the picture being drawn, one value for every
 * scene piece that sizes something in pixels (stars, body markers, constellation points, payload
 * and planet markers, launch glows). It is the renderer's pixel ratio: live, the window's
 * devicePixelRatio (capped by the Canvas's dpr); during an export or a still, output height / 1080
 * above 1080p (src/record/lockStep.ts ratioForHeight), so a 4K frame looks like the 1080p frame at
 * twice the resolution, not like a frame of tiny dots. Sizes are written in CSS px and multiplied
 * by it.
 */
import * as THREE from 'three'

/** What the scale is read from: the renderer (narrowed, so it can be tested without a GL). */
type Renderer = Pick<THREE.WebGLRenderer, 'getPixelRatio'> & { domElement: { height: number } }

export function renderScale(gl: Renderer): number {
  return gl.getPixelRatio()
}

/**
 * Height of the whole picture in CSS px (device px / render scale): the window's canvas live, the
 * export's size during a take, the whole picture (not the tile) while a tiled still is drawn.
 */
export function pictureHeightCss(gl: Renderer, camera: THREE.Camera): number {
  const full = camera instanceof THREE.PerspectiveCamera && camera.view?.enabled ? camera.view.fullHeight : gl.domElement.height
  return full / gl.getPixelRatio()
}

/**
 * Recording (issue 12): frame-exact export through WebCodecs + mediabunny, checked from outside
 * the browser with ffprobe/ffmpeg (Debian's ffmpeg): codec, size, exactly 60 frames and 2.00 s for
 * a 2 s 30 fps clip in each format; the same range twice decodes to identical frames (framemd5);
 * consecutive frames differ where the scene moves; no frame is black; cancelling midway leaves no
 * error and the clock, the camera and the frame loop as they were; a still is the size asked and
 * not blank; an encoder the browser lacks is refused with a list of what it can do.
 * The bytes leave the page as scripts/render.mjs takes them (window.__terawattRenderWrite).
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ExportPlan } from '../../src/record/recorder'
import defaultTour from '../../src/present/tour/default.json'
import {
  closeOpenPages,
  frames,
  framesAdvance,
  launch,
  litFraction,
  openPage,
  renderedFrames,
  SHOTS_DIR,
  settle,
  WAIT_MS,
  waitFor,
  waitForBase,
} from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterEach(closeOpenPages)
afterAll(async () => {
  await browser?.close()
})

const FROM = '2030-06-21T12:00:00Z'
const W = 640
const H = 360
// 600× warp: in 2 s of video 20 minutes pass; low-orbit satellites move ~9,000 km, the Earth turns 5°.
const clip = (format: ExportPlan['format']): ExportPlan => ({
  width: W,
  height: H,
  fps: 30,
  format,
  quality: 'high',
  frames: 60,
  time: 'range',
  fromMs: Date.parse(FROM),
  warp: 600,
  caption: null,
})

/** Collects the bytes one export writes (positioned chunks, as scripts/render.mjs does). */
function byteSink(page: Page) {
  let buf = Buffer.alloc(0)
  let end = 0
  const ready = page.exposeFunction('__terawattRenderWrite', (position: number, b64: string) => {
    const data = Buffer.from(b64, 'base64')
    if (position + data.length > buf.length) {
      const next = Buffer.alloc(Math.max(position + data.length, buf.length * 2))
      buf.copy(next)
      buf = next
    }
    data.copy(buf, position)
    end = Math.max(end, position + data.length)
  })
  return {
    ready,
    take(): Buffer {
      const out = Buffer.from(buf.subarray(0, end))
      buf = Buffer.alloc(0)
      end = 0
      return out
    },
  }
}

async function exportClip(page: Page, sink: ReturnType<typeof byteSink>, plan: ExportPlan, name: string): Promise<string> {
  const r = await page.evaluate((p) => window.__terawattRecord!.runExport(p), plan)
  expect(r.frames).toBe(plan.frames)
  expect(r.sink).toBe('page')
  const bytes = sink.take()
  expect(bytes.length).toBe(r.bytes)
  mkdirSync(SHOTS_DIR, { recursive: true })
  const file = `${SHOTS_DIR}/${name}`
  writeFileSync(file, bytes)
  return file
}

interface Probe {
  codec: string
  width: number
  height: number
  frames: number
  durationS: number
}

function probe(file: string): Probe {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-count_frames',
    '-show_entries',
    'stream=codec_name,width,height,nb_read_frames:format=duration',
    '-of',
    'json',
    file,
  ]).toString()
  const j = JSON.parse(out) as { streams: { codec_name: string; width: number; height: number; nb_read_frames: string }[]; format: { duration: string } }
  const s = j.streams[0]
  return { codec: s.codec_name, width: s.width, height: s.height, frames: Number(s.nb_read_frames), durationS: Number(j.format.duration) }
}

/** MD5 of every decoded frame (ffmpeg's framemd5), in order. */
function frameMd5s(file: string): string[] {
  const out = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'framemd5', '-'], { maxBuffer: 64 << 20 }).toString()
  return out
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').pop()?.trim() ?? '')
}

/** Mean luminance (0–255) of every decoded frame. */
function frameLuma(file: string, w: number, h: number): number[] {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', 'format=gray', '-f', 'rawvideo', '-'], { maxBuffer: 256 << 20 })
  const n = Math.floor(raw.length / (w * h))
  const means: number[] = []
  for (let k = 0; k < n; k++) {
    let sum = 0
    for (let i = k * w * h; i < (k + 1) * w * h; i++) sum += raw[i]
    means.push(sum / (w * h))
  }
  return means
}

/** A still of the current view as a PNG decoded here (tilePx caps the tile: forces tiling). */
async function still(page: Page, w: number, h: number, tilePx?: number): Promise<{ png: PNG; tiles: number }> {
  const r = await page.evaluate(
    async ({ w, h, tilePx }) => {
      const s = await window.__terawattRecord!.captureStill(w, h, tilePx ?? undefined)
      const bytes = new Uint8Array(await s.png.arrayBuffer())
      let bin = ''
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return { b64: btoa(bin), tiles: s.tiles }
    },
    { w, h, tilePx: tilePx ?? null },
  )
  return { png: PNG.sync.read(Buffer.from(r.b64, 'base64')), tiles: r.tiles }
}

/** Luminance (0–255) per pixel, box-averaged by an integer factor (an exact downscale). */
function lumaDown(png: PNG, f: number): { w: number; h: number; l: Float32Array } {
  const w = Math.floor(png.width / f)
  const h = Math.floor(png.height / f)
  const l = new Float32Array(w * h)
  for (let y = 0; y < h * f; y++) {
    for (let x = 0; x < w * f; x++) {
      const i = (y * png.width + x) * 4
      l[Math.floor(y / f) * w + Math.floor(x / f)] += 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2]
    }
  }
  for (let i = 0; i < l.length; i++) l[i] /= f * f
  return { w, h, l }
}

/**
 * Light of points in the dark sky (stars, markers, satellites): luminance above 24 (above the Milky
 * Way's glow), summed over the 40×40 cells of a that are dark on average (sky, not a lit body), in
 * the same cells of a and b.
 */
function skyLight(a: { w: number; h: number; l: Float32Array }, b: { l: Float32Array }): { a: number; b: number; cells: number } {
  const C = 40
  let sa = 0
  let sb = 0
  let cells = 0
  for (let cy = 0; cy + C <= a.h; cy += C) {
    for (let cx = 0; cx + C <= a.w; cx += C) {
      let mean = 0
      for (let y = cy; y < cy + C; y++) for (let x = cx; x < cx + C; x++) mean += a.l[y * a.w + x]
      if (mean / (C * C) > 12) continue
      cells++
      for (let y = cy; y < cy + C; y++) {
        for (let x = cx; x < cx + C; x++) {
          sa += Math.max(0, a.l[y * a.w + x] - 24)
          sb += Math.max(0, b.l[y * a.w + x] - 24)
        }
      }
    }
  }
  return { a: sa, b: sb, cells }
}

/**
 * Light of the isolated stars of a, in a and in b: each local maximum brighter than 20 on black sky
 * (its 9×9 neighbourhood's mean under 6) in the outer fifths of the picture, where no satellite
 * is, summed over its 5×5 window above the window's darkest pixel. Equal when stars are as large
 * relative to the frame (measured: 0.73 at 4K, 0.67 at 8K: tiny points rasterize coarsely); 0.29 for a
 * 4K frame that draws them at their 1080p pixel size.
 */
function starLight(a: { w: number; h: number; l: Float32Array }, b: { l: Float32Array }): { a: number; b: number; stars: number } {
  const { w, h, l } = a
  let sa = 0
  let sb = 0
  let stars = 0
  const windowLight = (img: Float32Array, x: number, y: number) => {
    let min = Number.POSITIVE_INFINITY
    let sum = 0
    for (let j = -2; j <= 2; j++) {
      for (let i = -2; i <= 2; i++) {
        const v = img[(y + j) * w + x + i]
        min = Math.min(min, v)
        sum += v
      }
    }
    return sum - 25 * min
  }
  for (let y = 5; y < h - 5; y++) {
    for (let x = 5; x < w - 5; x++) {
      if (x > 0.2 * w && x < 0.78 * w) continue
      const v = l[y * w + x]
      if (v <= 20) continue
      let isMax = true
      let mean = 0
      for (let j = -4; j <= 4; j++) {
        for (let i = -4; i <= 4; i++) {
          const u = l[(y + j) * w + x + i]
          mean += u
          if (Math.abs(i) <= 1 && Math.abs(j) <= 1 && (u > v || (u === v && (j < 0 || (j === 0 && i < 0))))) isMax = false
        }
      }
      if (!isMax || mean / 81 >= 6) continue
      stars++
      sa += windowLight(l, x, y)
      sb += windowLight(b.l, x, y)
    }
  }
  return { a: sa, b: sb, stars }
}

async function openScene(): Promise<{ page: Page; errors: string[]; sink: ReturnType<typeof byteSink> }> {
  const w = await openPage(browser, `/?sats=10000&t=${FROM}&warp=600&play=0`)
  const sink = byteSink(w.page)
  await sink.ready
  await settle(w.page)
  await waitFor(w.page, 'the recorder handle', () => !!window.__terawattRecord)
  return { page: w.page, errors: w.errors, sink }
}

describe('video export', () => {
  it('exports a 2 s 640×360 30 fps clip in each format: codec, size, 60 frames, 2.00 s; repeatable; moving; never black', async () => {
    const { page, errors, sink } = await openScene()
    const mp4 = await exportClip(page, sink, clip('mp4'), 'record-a.mp4')
    const webm = await exportClip(page, sink, clip('webm'), 'record-a.webm')
    for (const [file, codec] of [
      [mp4, 'h264'],
      [webm, 'vp9'],
    ] as const) {
      const p = probe(file)
      expect(p, file).toMatchObject({ codec, width: W, height: H, frames: 60 })
      expect(p.durationS, `${file} duration`).toBeCloseTo(2, 2)
    }
    // The same range again: identical decoded frames.
    const mp4b = await exportClip(page, sink, clip('mp4'), 'record-b.mp4')
    const a = frameMd5s(mp4)
    const b = frameMd5s(mp4b)
    expect(a).toHaveLength(60)
    expect(b).toEqual(a)
    // The scene moves: every frame differs from the one before.
    for (let k = 1; k < a.length; k++) expect(a[k], `frame ${k} repeats frame ${k - 1}`).not.toBe(a[k - 1])
    const w = frameMd5s(webm)
    for (let k = 1; k < w.length; k++) expect(w[k], `webm frame ${k} repeats frame ${k - 1}`).not.toBe(w[k - 1])
    // No frame black.
    for (const file of [mp4, webm]) {
      const luma = frameLuma(file, W, H)
      expect(luma).toHaveLength(60)
      for (let k = 0; k < luma.length; k++) expect(luma[k], `${file} frame ${k} mean luminance`).toBeGreaterThan(4)
    }
    expect(errors).toEqual([])
  })

  it('cancel midway: no error, and the clock, camera and frame loop as they were', async () => {
    const { page, errors } = await openScene()
    const before = await page.evaluate(() => {
      const { camera } = window.__terawattGl!
      const c = window.__terawatt.useClock.getState()
      return {
        tMs: window.__terawatt.simTime.tMs,
        playing: c.playing,
        warp: c.warp,
        cam: camera.position.toArray(),
        w: window.__terawattGl!.gl.domElement.width,
      }
    })
    const outcome = await page.evaluate(
      async (plan) => {
        const ctrl = new AbortController()
        let seen = 0
        const run = window.__terawattRecord!.runExport(plan, {
          signal: ctrl.signal,
          onProgress: (p) => {
            seen = p.done
            if (p.done >= 10) ctrl.abort()
          },
        })
        try {
          await run
          return { cancelled: false, name: '', seen }
        } catch (e) {
          return { cancelled: true, name: e instanceof Error || e instanceof DOMException ? e.name : String(e), seen }
        }
      },
      { ...clip('mp4'), frames: 600 },
    )
    expect(outcome.cancelled).toBe(true)
    expect(outcome.name).toBe('AbortError')
    expect(outcome.seen).toBeGreaterThanOrEqual(10)
    expect(outcome.seen).toBeLessThan(600)
    const after = await page.evaluate(() => {
      const { camera } = window.__terawattGl!
      const c = window.__terawatt.useClock.getState()
      return {
        tMs: window.__terawatt.simTime.tMs,
        playing: c.playing,
        warp: c.warp,
        cam: camera.position.toArray(),
        w: window.__terawattGl!.gl.domElement.width,
        held: window.__terawattRecord!.viewHeld(),
      }
    })
    expect(after.held).toBe(false)
    expect(after.tMs).toBe(before.tMs)
    expect(after.playing).toBe(before.playing)
    expect(after.warp).toBe(before.warp)
    expect(after.w).toBe(before.w)
    for (let i = 0; i < 3; i++) expect(after.cam[i]).toBeCloseTo(before.cam[i], 3)
    // The real-time loop draws again.
    const f0 = await renderedFrames(page)
    await framesAdvance(page, f0, 3, 'the scene after a cancelled export')
    expect(errors).toEqual([])
  })

  it('a tour chapter recorded twice gives the same frames; the view comes back without the tour', async () => {
    const { page, errors, sink } = await openScene()
    const before = await page.evaluate(() => ({ cam: window.__terawattGl!.camera.position.toArray(), tMs: window.__terawatt.simTime.tMs }))
    // Chapter 2 of the default tour: a camera move and a time ramp, both on stage time.
    const plan: ExportPlan = { ...clip('mp4'), width: 320, height: 180, frames: 30, time: 'follow', tour: { id: 'default', chapter: 1 } }
    const a = frameMd5s(await exportClip(page, sink, plan, 'record-tour-a.mp4'))
    const b = frameMd5s(await exportClip(page, sink, plan, 'record-tour-b.mp4'))
    expect(a).toHaveLength(30)
    expect(b).toEqual(a)
    expect(new Set(a).size).toBeGreaterThan(20) // the move and the ramp change the picture
    await frames(page, 3)
    const after = await page.evaluate(() => ({
      cam: window.__terawattGl!.camera.position.toArray(),
      tMs: window.__terawatt.simTime.tMs,
      touring: document.querySelector('.overlay.touring') !== null,
    }))
    expect(after.tMs).toBe(before.tMs)
    expect(after.touring).toBe(false)
    for (let i = 0; i < 3; i++) expect(after.cam[i]).toBeCloseTo(before.cam[i], 0)
    expect(errors).toEqual([])
  })

  it('?export= opens the panel preset', async () => {
    const w = await openPage(browser, '/?sats=1000&export=1920x1080,60,webm')
    await waitFor(w.page, 'the export panel', () => !!document.querySelector('[data-testid="export-panel"]'))
    const v = await w.page.evaluate(() =>
      ['export-size', 'export-fps', 'export-format'].map((id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLSelectElement).value),
    )
    expect(v).toEqual(['1920x1080', '60', 'webm'])
    expect(w.errors).toEqual([])
  })

  it(
    'a still is the size asked, UI-free and not blank; an unsupported choice lists what the browser can encode',
    async () => {
      const { page, errors } = await openScene()
      const b64 = await page.evaluate(async () => {
        const s = await window.__terawattRecord!.captureStill(800, 450)
        const bytes = new Uint8Array(await s.png.arrayBuffer())
        let bin = ''
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
        return btoa(bin)
      })
      const png = PNG.sync.read(Buffer.from(b64, 'base64'))
      mkdirSync(SHOTS_DIR, { recursive: true })
      writeFileSync(`${SHOTS_DIR}/record-still.png`, PNG.sync.write(png))
      expect([png.width, png.height]).toEqual([800, 450])
      expect(litFraction(png, 40)).toBeGreaterThan(0.01)
      // The same view drawn in 3×2 tiles (camera view offsets, stitched) matches the single draw.
      const tiledB64 = await page.evaluate(async () => {
        const s = await window.__terawattRecord!.captureStill(800, 450, 300)
        if (s.tiles !== 6) return `tiles: ${s.tiles}`
        const bytes = new Uint8Array(await s.png.arrayBuffer())
        let bin = ''
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
        return btoa(bin)
      })
      expect(tiledB64.startsWith('tiles:'), tiledB64.slice(0, 20)).toBe(false)
      const tiled = PNG.sync.read(Buffer.from(tiledB64, 'base64'))
      writeFileSync(`${SHOTS_DIR}/record-still-tiled.png`, PNG.sync.write(tiled))
      expect([tiled.width, tiled.height]).toEqual([800, 450])
      let differ = 0
      for (let i = 0; i < png.data.length; i += 4) {
        const d = Math.abs(png.data[i] - tiled.data[i]) + Math.abs(png.data[i + 1] - tiled.data[i + 1]) + Math.abs(png.data[i + 2] - tiled.data[i + 2])
        if (d > 96) differ++
      }
      expect(differ / (800 * 450)).toBeLessThan(0.01)
      await frames(page, 2)
      const refused = await page.evaluate(
        async (plan) => {
          try {
            await window.__terawattRecord!.runExport(plan)
            return ''
          } catch (e) {
            return `${e instanceof Error ? e.name : ''}: ${e instanceof Error ? e.message : String(e)}`
          }
        },
        { ...clip('mp4'), width: 16384, height: 16384 },
      )
      expect(refused).toMatch(/^EncodeUnsupportedError: This browser cannot encode MP4 \(H\.264\) at 16384×16384/)
      expect(refused).toMatch(/can encode .*WebM \(VP9\) at 1280×720/)
      expect(errors).toEqual([])
    },
    WAIT_MS * 3,
  )

  it(
    'a 3840×2160 still drawn in tiles is the 1080p still at twice the resolution: the same picture, stars and markers as large (render scale)',
    async () => {
      const { page, errors } = await openScene()
      const hd = await still(page, 1920, 1080)
      const uhd = await still(page, 3840, 2160, 2048)
      mkdirSync(SHOTS_DIR, { recursive: true })
      writeFileSync(`${SHOTS_DIR}/record-still-1080p.png`, PNG.sync.write(hd.png))
      writeFileSync(`${SHOTS_DIR}/record-still-4k-tiled.png`, PNG.sync.write(uhd.png))
      expect([uhd.png.width, uhd.png.height, uhd.tiles]).toEqual([3840, 2160, 4])
      expect(litFraction(uhd.png, 40)).toBeGreaterThan(0.01)
      const a = lumaDown(hd.png, 1)
      const b = lumaDown(uhd.png, 2)
      // The same picture: few pixels of the 4K still, downscaled, differ much from the 1080p still.
      let differ = 0
      for (let i = 0; i < a.l.length; i++) if (Math.abs(a.l[i] - b.l[i]) > 48) differ++
      expect(differ / a.l.length).toBeLessThan(0.02)
      // Points sized in pixels scale with the frame: as much light in the dark sky at 4K (downscaled)
      // as at 1080p. Unscaled 1.4–7 px stars on a 4K frame would give about a quarter.
      const sky = skyLight(a, b)
      const stars = starLight(a, b)
      writeFileSync(`${SHOTS_DIR}/record-still-4k-scale.json`, JSON.stringify({ differ: differ / a.l.length, sky, stars }))
      expect(sky.cells).toBeGreaterThan(50)
      expect(stars.stars).toBeGreaterThan(5)
      expect(sky.b / sky.a, `sky light 4K/1080p over ${sky.cells} cells`).toBeGreaterThan(0.7)
      expect(sky.b / sky.a).toBeLessThan(1.4)
      expect(stars.b / stars.a, `star light 4K/1080p, ${stars.stars} stars`).toBeGreaterThan(0.55)
      expect(stars.b / stars.a).toBeLessThan(1.4)
      expect(errors).toEqual([])
    },
    WAIT_MS * 3,
  )

  it(
    'a 7680×4320 still (tiled where the GL asks) is exactly that size, not blank, and the 1080p still at four times the resolution',
    async () => {
      const { page, errors } = await openScene()
      const hd = await still(page, 1920, 1080)
      // The 8K PNG is checked in the page (decoded size), then brought here downscaled to 1920×1080.
      const r = await page.evaluate(async () => {
        const rec = window.__terawattRecord!
        if (rec.maxStill().w < 7680) return { error: `this GL offers stills up to ${rec.maxStill().w} px wide` }
        const s = await rec.captureStill(7680, 4320)
        const full = await createImageBitmap(s.png)
        const size = [full.width, full.height]
        full.close()
        const small = await createImageBitmap(s.png, { resizeWidth: 1920, resizeHeight: 1080, resizeQuality: 'high' })
        const c = new OffscreenCanvas(1920, 1080)
        c.getContext('2d')!.drawImage(small, 0, 0)
        const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer())
        let bin = ''
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
        return { error: null, size, tiles: s.tiles, pngBytes: s.png.size, b64: btoa(bin) }
      })
      expect(r.error).toBeNull()
      if (r.error !== null) return
      expect(r.size).toEqual([7680, 4320])
      const down = PNG.sync.read(Buffer.from(r.b64, 'base64'))
      mkdirSync(SHOTS_DIR, { recursive: true })
      writeFileSync(`${SHOTS_DIR}/record-still-8k-downscaled.png`, PNG.sync.write(down))
      expect(litFraction(down, 40)).toBeGreaterThan(0.01)
      const a = lumaDown(hd.png, 1)
      const b = lumaDown(down, 1)
      let differ = 0
      for (let i = 0; i < a.l.length; i++) if (Math.abs(a.l[i] - b.l[i]) > 48) differ++
      expect(differ / a.l.length, `8K downscaled vs 1080p, ${r.tiles} tiles`).toBeLessThan(0.02)
      const sky = skyLight(a, b)
      const stars = starLight(a, b)
      writeFileSync(`${SHOTS_DIR}/record-still-8k-scale.json`, JSON.stringify({ differ: differ / a.l.length, tiles: r.tiles, sky, stars }))
      expect(sky.b / sky.a, `sky light 8K/1080p over ${sky.cells} cells`).toBeGreaterThan(0.6)
      expect(sky.b / sky.a).toBeLessThan(1.6)
      expect(stars.stars).toBeGreaterThan(5)
      expect(stars.b / stars.a, `star light 8K/1080p, ${stars.stars} stars`).toBeGreaterThan(0.5)
      expect(stars.b / stars.a).toBeLessThan(1.6)
      expect(errors).toEqual([])
    },
    WAIT_MS * 4,
  )

  it('a range take runs at its own warp whatever the live clock, a turntable turns the camera, and the view comes back', async () => {
    // The live clock at 1×, the take at 600×: the scene (sled, launch glows) reads the clock's warp.
    const w = await openPage(browser, `/?sats=10000&t=${FROM}&warp=1&play=0`)
    const sink = byteSink(w.page)
    await sink.ready
    await settle(w.page)
    await waitFor(w.page, 'the recorder handle', () => !!window.__terawattRecord)
    const before = await w.page.evaluate(() => ({ cam: window.__terawattGl!.camera.position.toArray(), warp: window.__terawatt.useClock.getState().warp }))
    expect(before.warp).toBe(1)
    const plan: ExportPlan = { ...clip('mp4'), width: 320, height: 180, frames: 20, camera: { kind: 'turntable', degrees: 90 } }
    const seen = await w.page.evaluate(async (p) => {
      const warps = new Set<number>()
      const cams: number[][] = []
      await window.__terawattRecord!.runExport(p, {
        onProgress: () => {
          warps.add(window.__terawatt.useClock.getState().warp)
          cams.push(window.__terawattGl!.camera.position.toArray())
        },
      })
      return { warps: [...warps], cams }
    }, plan)
    const bytes = sink.take()
    mkdirSync(SHOTS_DIR, { recursive: true })
    writeFileSync(`${SHOTS_DIR}/record-turntable.mp4`, bytes)
    const md5 = frameMd5s(`${SHOTS_DIR}/record-turntable.mp4`)
    expect(md5).toHaveLength(20)
    expect(new Set(md5).size).toBe(20)
    // While rendering the clock ran at the take's warp (600), never the live 1×.
    expect(seen.warps.filter((x) => x !== 1 || seen.warps.length === 1)).toContain(600)
    // The camera turned: two rendering progress reports with different positions at one distance.
    const moving = seen.cams.filter((c, i) => i > 0 && Math.hypot(c[0] - seen.cams[0][0], c[2] - seen.cams[0][2]) > 1)
    expect(moving.length).toBeGreaterThan(0)
    await frames(w.page, 3)
    const after = await w.page.evaluate(() => ({ cam: window.__terawattGl!.camera.position.toArray(), warp: window.__terawatt.useClock.getState().warp }))
    expect(after.warp).toBe(1)
    for (let i = 0; i < 3; i++) expect(after.cam[i]).toBeCloseTo(before.cam[i], 0)
    expect(w.errors).toEqual([])
  })

  it(
    'a take of the mass-driver chapter (an eye shot) gives the view back: explore mode off, the camera where it was',
    async () => {
      const { page, errors, sink } = await openScene()
      const before = await page.evaluate(() => ({ cam: window.__terawattGl!.camera.position.toArray(), tMs: window.__terawatt.simTime.tMs }))
      const chapter = defaultTour.chapters.findIndex((c) => c.id === 'mass-driver')
      expect(chapter).toBeGreaterThanOrEqual(0)
      // 4 s: the chapter's 3 s flight, then the cut to the shot's eye (explore mode on).
      const plan: ExportPlan = { ...clip('mp4'), width: 160, height: 90, frames: 120, time: 'follow', tour: { id: 'default', chapter } }
      const during = await page.evaluate(async (p) => {
        let exploring = false
        await window.__terawattRecord!.runExport(p, {
          onProgress: () => {
            exploring ||= window.__terawattBase?.useBase.getState().exploring ?? false
          },
        })
        return { exploring }
      }, plan)
      sink.take()
      expect(during.exploring, 'the take reached the eye shot').toBe(true)
      await frames(page, 3)
      const after = await page.evaluate(() => ({
        cam: window.__terawattGl!.camera.position.toArray(),
        tMs: window.__terawatt.simTime.tMs,
        exploring: window.__terawattBase?.useBase.getState().exploring ?? false,
        focus: window.__terawatt.useUi.getState().focus,
      }))
      // The chapter put explore mode on at the eye; the take gives back the view it found.
      expect(after.exploring).toBe(false)
      expect(after.focus).toBe('earth')
      expect(after.tMs).toBe(before.tMs)
      for (let i = 0; i < 3; i++) expect(after.cam[i]).toBeCloseTo(before.cam[i], 0)
      expect(errors).toEqual([])
    },
    WAIT_MS * 3,
  )

  it(
    'exploring the base, a take of the base chapter (which leaves explore mode) gives back explore mode with the eye where the user stood',
    async () => {
      const w = await openPage(browser, '/?t=2045-09-06T12:00:00Z&play=0&focus=base')
      const sink = byteSink(w.page)
      await sink.ready
      await waitForBase(w.page)
      await waitFor(w.page, 'the recorder handle', () => !!window.__terawattRecord)
      // The user's own eye: explore mode on, then moved 120 m east of where it entered and turned.
      await w.page.evaluate(() => window.__terawattBase!.useBase.getState().setExploring(true))
      await waitFor(w.page, 'explore mode', () => window.__terawattBase!.useBase.getState().exploring)
      await frames(w.page, 3)
      const eye = await w.page.evaluate(() => {
        const e = window.__terawattBase!.explorer
        e.x += 120
        e.yaw = 1.1
        return { x: e.x, z: e.z, yaw: e.yaw }
      })
      await frames(w.page, 3)
      // Chapter 7 (the base, an orbit view: it leaves explore mode), recorded for 10 frames.
      const chapter = defaultTour.chapters.findIndex((c) => c.id === 'moon-base')
      const plan: ExportPlan = { ...clip('mp4'), width: 160, height: 90, frames: 10, time: 'follow', tour: { id: 'default', chapter } }
      const during = await w.page.evaluate(async (p) => {
        let left = false
        await window.__terawattRecord!.runExport(p, {
          onProgress: () => {
            left ||= !window.__terawattBase!.useBase.getState().exploring
          },
        })
        return { left }
      }, plan)
      sink.take()
      expect(during.left, 'the chapter left explore mode during the take').toBe(true)
      await frames(w.page, 5)
      const after = await w.page.evaluate(() => {
        const e = window.__terawattBase!.explorer
        return { exploring: window.__terawattBase!.useBase.getState().exploring, x: e.x, z: e.z, yaw: e.yaw }
      })
      expect(after.exploring).toBe(true)
      expect(after.x).toBeCloseTo(eye.x, 6)
      expect(after.z).toBeCloseTo(eye.z, 6)
      expect(after.yaw).toBeCloseTo(eye.yaw, 6)
      expect(w.errors).toEqual([])
    },
    WAIT_MS * 3,
  )

  it(
    "npm run render, the issue's example: a 2 s 640×360 30 fps MP4 of chapter 1 that ffprobe reads as 60 frames, with progress on stderr",
    async () => {
      const dir = mkdtempSync(`${tmpdir()}/terawatt-render-`)
      try {
        const out = `${dir}/clip.mp4`
        const dist = resolve(process.env.E2E_DIST ?? 'dist')
        const r = await new Promise<{ code: number | null; stderr: string }>((done) => {
          const p = spawn(
            process.execPath,
            ['scripts/render.mjs', '--tour', 'default', '--chapter', '1', '--seconds', '2', '--fps', '30', '--size', '640x360', '--out', out, '--dist', dist],
            {
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          )
          let stderr = ''
          p.stderr.on('data', (d) => {
            stderr += String(d)
          })
          p.on('close', (code) => done({ code, stderr }))
        })
        expect(r.code, r.stderr.slice(-2000)).toBe(0)
        expect(r.stderr).toMatch(/\d+\/60/)
        const pr = probe(out)
        expect(pr).toMatchObject({ codec: 'h264', width: 640, height: 360, frames: 60 })
        expect(pr.durationS).toBeCloseTo(2, 2)
        const luma = frameLuma(out, 640, 360)
        for (let k = 0; k < luma.length; k++) expect(luma[k], `frame ${k} mean luminance`).toBeGreaterThan(4)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    WAIT_MS * 3,
  )
})

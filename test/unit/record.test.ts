/**
 * Recording without a browser: a tour's chapters as exact frames (src/record/recorder.ts), and the
 * headless renderer's flags (scripts/render.mjs): a bad flag exits 2 and names the flag, before any
 * build, server or browser starts.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as THREE from 'three'
import { ratioForHeight } from '../../src/record/lockStep'
import { tourSchedule } from '../../src/record/recorder'
import { pictureHeightCss, renderScale } from '../../src/scene/frame/renderScale'
import { chapterDurationS, defaultTour } from '../../src/present/tour/useTour'

describe('tourSchedule', () => {
  it('starts each chapter on the frame its cumulative duration falls on, and sums the frames', async () => {
    const tour = defaultTour()
    expect(tour).not.toBeNull()
    if (!tour) return
    const s = await tourSchedule('default', null, 30)
    expect(s.starts.map((x) => x.chapter)).toEqual(tour.chapters.map((_, i) => i))
    let sum = 0
    for (let i = 0; i < tour.chapters.length; i++) {
      expect(s.starts[i].frame).toBe(Math.round(sum * 30))
      sum += chapterDurationS(tour, i)
    }
    expect(s.frames).toBe(Math.round(sum * 30))
  })

  it('one chapter: its own length; a chapter out of range is refused with the range', async () => {
    const tour = defaultTour()
    if (!tour) return
    const s = await tourSchedule('default', 1, 24)
    expect(s.starts).toEqual([{ chapter: 1, frame: 0 }])
    expect(s.frames).toBe(Math.round(chapterDurationS(tour, 1) * 24))
    await expect(tourSchedule('default', tour.chapters.length, 24)).rejects.toThrow(`chapters 1 to ${tour.chapters.length}`)
    await expect(tourSchedule('Bad!', null, 24)).rejects.toThrow('Tour not recorded')
  })
})

describe('npm run render flags', () => {
  const render = (...args: string[]) => spawnSync('node', ['scripts/render.mjs', ...args], { encoding: 'utf8', timeout: 20000 })
  it.each([
    [['--size', '640x361', '--out', 'x.mp4'], '--size "640x361"'],
    [['--fps', 'fast', '--out', 'x.mp4'], '--fps "fast"'],
    [['--format', 'avi', '--out', 'x.mp4'], '--format "avi"'],
    [['--from', '2030-06-21', '--out', 'x.mp4'], '--from "2030-06-21"'],
    [['--chapter', '2', '--out', 'x.mp4'], '--chapter needs --tour'],
    [['--tour', 'default', '--from', '2030-06-21T12:00:00Z', '--out', 'x.mp4'], '--from cannot be combined with --tour'],
    [['--seconds', '2'], '--out FILE is required'],
    [['--out', 'x.mp4', '--frobnicate'], 'unknown flag --frobnicate'],
    [['--tour', 'default', '--warp', '600', '--out', 'x.mp4'], '--warp cannot be combined with --tour'],
    [['--format', 'webm', '--out', 'x.mp4'], '--format webm writes a .webm file, but --out "x.mp4" ends in .mp4'],
    [['--format', 'av1', '--out', 'x.mp4'], '--format av1 writes a .webm file, but --out "x.mp4" ends in .mp4'],
    [['--format', 'mp4', '--out', 'x.webm'], '--format mp4 writes a .mp4 file, but --out "x.webm" ends in .webm'],
    [['--fps', '25', '--out', 'x.mp4'], '--fps "25" must be one of 24, 30, 60'],
    [['--look', 'ultra', '--out', 'x.mp4'], '--look "ultra" must be one of low, high'],
    [['--camera', 'turntable:0', '--out', 'x.mp4'], '--camera "turntable:0"'],
    [['--camera', 'dolly', '--out', 'x.mp4'], '--camera "dolly"'],
    [['--tour', 'default', '--camera', 'turntable', '--out', 'x.mp4'], '--camera cannot be combined with --tour'],
  ])('%j exits 2 naming the flag', (args, said) => {
    const r = render(...args)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(said)
  })
})

describe('npm run render: flags that pass', () => {
  it('--look sets the render quality, apart from the encoder --quality; av1 goes into .webm; --camera turntable[:DEG]', async () => {
    // @ts-expect-error plain JS (typed by JSDoc), not part of the TypeScript project
    const { parseRenderArgs } = await import('../../scripts/render.mjs')
    const o = parseRenderArgs(['--look', 'high', '--quality', 'low', '--format', 'av1', '--out', 'a b/clip.webm', '--camera', 'turntable:-90'])
    expect(o.look).toBe('high')
    expect(o.quality).toBe('low')
    expect(o.format).toBe('av1')
    expect(o.camera).toEqual({ kind: 'turntable', degrees: -90 })
    expect(parseRenderArgs(['--camera', 'turntable', '--out', 'x.mp4']).camera).toEqual({ kind: 'turntable', degrees: 360 })
    expect(parseRenderArgs(['--out', 'x.mkv', '--format', 'webm']).format).toBe('webm') // another extension: the user's choice
  })

  it('runs when started through a path with a space and a symlink (the main guard compares real paths)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render guard '))
    try {
      symlinkSync(resolve('scripts'), join(dir, 'linked'))
      const r = spawnSync('node', [join(dir, 'linked', 'render.mjs'), '--fps', '25', '--out', 'x.mp4'], { encoding: 'utf8', timeout: 20000 })
      expect(r.status).toBe(2)
      expect(r.stderr).toContain('--fps "25"')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('render scale (src/scene/frame/renderScale.ts, set by src/record/lockStep.ts)', () => {
  it('is 1 up to 1080 lines and height / 1080 above: a 4K take draws the 1080p look at twice the size', () => {
    expect([720, 1080, 1440, 2160, 4320].map((h) => ratioForHeight(h))).toEqual([1, 1, 4 / 3, 2, 4])
  })

  it('the picture height in CSS px is the same for a 1080p frame, a 4K frame and a tile of an 8K still', () => {
    const gl = (h: number, ratio: number) => ({ getPixelRatio: () => ratio, domElement: { height: h } })
    const cam = new THREE.PerspectiveCamera(45, 16 / 9)
    expect(pictureHeightCss(gl(1080, ratioForHeight(1080)), cam)).toBe(1080)
    expect(pictureHeightCss(gl(2160, ratioForHeight(2160)), cam)).toBe(1080)
    expect(renderScale(gl(2160, ratioForHeight(2160)))).toBe(2)
    // A tile of 4096×2160 of a 7680×4320 still: the whole picture counts, not the tile.
    cam.setViewOffset(7680, 4320, 4096, 2160, 3584, 2160)
    expect(pictureHeightCss(gl(2160, ratioForHeight(4320)), cam)).toBe(1080)
  })
})

/**
 * Recording without a browser: a tour's chapters as exact frames (src/record/recorder.ts), and the
 * headless renderer's flags (scripts/render.mjs): a bad flag exits 2 and names the flag, before any
 * build, server or browser starts.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { tourSchedule } from '../../src/record/recorder'
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
  ])('%j exits 2 naming the flag', (args, said) => {
    const r = render(...args)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(said)
  })
})

/**
 * What a take repeats and sets (src/record/take.ts), the `?export=` preset (src/record/store.ts) and
 * the panel's rules for its fields: pure functions, no GL, no browser.
 */
import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { EXPORT_SIZES } from '../../src/record/formats'
import { captionPlaceholder, lengthUsed, parseExportParam } from '../../src/record/store'
import { captionPx, layoutCaption, parseTakeCamera, stableCaptionLayout, takeWarp, turntableAngle, turntablePosition } from '../../src/record/take'
import { takeStageS } from '../../src/state/stageTime'

describe('the clock a take runs', () => {
  it("a range runs at the plan's warp, whatever the live clock's; the view as it plays and tours leave the warp alone", () => {
    expect(takeWarp({ time: 'range', warp: 4320 })).toBe(4320)
    expect(takeWarp({ time: 'range', warp: -60 })).toBe(-60)
    expect(takeWarp({ time: 'follow', warp: 600 })).toBeNull()
    expect(takeWarp({ time: 'range', warp: 1, tour: { id: 'default', chapter: null } })).toBeNull()
  })

  it('effects on stage time repeat take after take: seconds since the take began, whatever the live stage time', () => {
    // Frame k of a 30 fps take started at two different live stage times: bit for bit the same seconds.
    const run = (stage0: number) => [0, 1, 2, 29].map((k) => takeStageS(stage0 + (k * 1000) / 30, { active: true, elapsedMs: (k * 1000) / 30 }))
    expect(run(12_345.678)).toEqual(run(98_765.4321))
    expect(run(12_345.678)[3]).toBe(29 / 30)
    expect(takeStageS(5000, { active: false, elapsedMs: 123 })).toBe(5) // live: absolute stage time, the look unchanged
  })
})

describe('turntable camera', () => {
  it('parses current, turntable and turntable:DEG; refuses 0 and more than ten turns', () => {
    expect(parseTakeCamera('current')).toEqual({ kind: 'current' })
    expect(parseTakeCamera('turntable')).toEqual({ kind: 'turntable', degrees: 360 })
    expect(parseTakeCamera('turntable:-45.5')).toEqual({ kind: 'turntable', degrees: -45.5 })
    for (const bad of ['turntable:0', 'turntable:4000', 'turntable:', 'spin']) expect(parseTakeCamera(bad), bad).toBeNull()
  })

  it('turns the first offset about the up axis, linearly in frames: distance and height kept, a 360° take loops', () => {
    const from = new THREE.Vector3(10, 3, 0)
    const up = new THREE.Vector3(0, 2, 0)
    const out = new THREE.Vector3()
    turntablePosition(from, up, 90, 30, 120, out) // a quarter of the way: 22.5°
    expect(out.length()).toBeCloseTo(from.length(), 12)
    expect(out.y).toBeCloseTo(3, 12)
    expect(Math.atan2(-out.z, out.x)).toBeCloseTo((22.5 * Math.PI) / 180, 12)
    expect(turntableAngle(360, 0, 60)).toBe(0)
    expect(turntableAngle(360, 60, 60)).toBeCloseTo(2 * Math.PI, 12) // the frame after the last is the first again
  })
})

describe('burned-in caption layout', () => {
  // A monospace stand-in for canvas measureText: 0.53 em a character.
  const measure = (s: string, px: number) => s.length * px * 0.53
  const longest = 'Moon Base Alpha at full build-out: 12 GW of launch capacity, {satellites} satellites and rising fast'

  it('keeps a short caption on one line at full size', () => {
    expect(layoutCaption('2030-06-21 12:00:00 UTC', 1800, 45, measure)).toEqual({ lines: ['2030-06-21 12:00:00 UTC'], px: 45 })
  })

  it('breaks a long caption into two balanced lines within the width, and shrinks the font only if two lines do not fit', () => {
    const w = 1920 * 0.9
    const r = layoutCaption(longest, w, captionPx(1080), measure)
    expect(r.lines).toHaveLength(2)
    expect(r.lines.join(' ')).toBe(longest)
    for (const l of r.lines) expect(measure(l, r.px)).toBeLessThanOrEqual(w)
    expect(r.px).toBe(captionPx(1080))
    expect(Math.abs(r.lines[0].length - r.lines[1].length)).toBeLessThan(12)
    // A narrow frame: two lines at full size are too wide, so the font shrinks until they fit.
    const narrow = layoutCaption(longest, 700, 45, measure)
    expect(narrow.lines).toHaveLength(2)
    expect(narrow.px).toBeLessThan(45)
    for (const l of narrow.lines) expect(measure(l, narrow.px)).toBeLessThanOrEqual(700)
  })

  it('holds the break and the size while only the figures change (no word hops between lines mid-take)', () => {
    // A proportional stand-in: digits 1 are narrow, 8 wide, so the balanced split would move.
    const prop = (s: string, px: number) => [...s].reduce((a, ch) => a + (ch === '1' ? 0.3 : ch === '8' ? 0.9 : 0.53), 0) * px
    const memo = { key: '', firstLineWords: 0, px: 0 }
    const a = stableCaptionLayout('A constellation of 111,111 satellites in orbit today, launched by Starship from three pads', 1000, 40, prop, memo)
    const b = stableCaptionLayout('A constellation of 888,888 satellites in orbit today, launched by Starship from three pads', 1000, 40, prop, memo)
    expect(b.px).toBe(a.px)
    expect(b.lines[0].split(' ').length).toBe(a.lines[0].split(' ').length)
    expect(b.lines.join(' ')).toContain('888,888')
    // Other words: laid out afresh.
    const c = stableCaptionLayout('Short', 1000, 40, prop, memo)
    expect(c).toEqual({ lines: ['Short'], px: 40 })
  })

  it('never gives more than two lines, even when nothing fits (smallest size, most even split)', () => {
    const r = layoutCaption(`${longest} ${longest}`, 200, 40, measure)
    expect(r.lines).toHaveLength(2)
    expect(r.px).toBe(20)
  })
})

describe('?export= preset', () => {
  it('takes the offered sizes, rates, formats and qualities', () => {
    expect(parseExportParam('1920x1080,60,webm,very-high')).toEqual({ preset: { size: '1920x1080', fps: 60, format: 'webm', quality: 'very-high' }, bad: [] })
    expect(parseExportParam('1').preset).toEqual({})
  })

  it('refuses a size, rate or word the panel does not offer, naming it and the valid ones', () => {
    const sizes = EXPORT_SIZES.map((s) => `${s.w}x${s.h}`).join(', ')
    for (const size of ['640x360', '7680x4320', '641x361']) {
      const r = parseExportParam(`${size},30`)
      expect(r.preset).toEqual({ fps: 30 })
      expect(r.bad).toEqual([`size "${size}" is not offered (${sizes})`])
    }
    expect(parseExportParam('25').bad).toEqual(['frame rate "25" is not offered (24, 30, 60)'])
    expect(parseExportParam('avi').bad).toEqual(['"avi" is not understood'])
  })

  it('presets what to record: a tour, a chapter, a range with its length, times and a turntable', () => {
    expect(parseExportParam('tour:talk,chapter:3').preset).toEqual({ tourId: 'talk', what: 'chapter', chapter: 3 })
    expect(parseExportParam('chapter:3,tour:talk').preset).toEqual({ tourId: 'talk', what: 'chapter', chapter: 3 })
    expect(parseExportParam('tour').preset).toEqual({ what: 'tour' })
    expect(parseExportParam('from:2030-06-21T12:00:00Z,to:2030-06-22T12:00:00Z,20s,turntable:90,captions').preset).toEqual({
      what: 'range',
      fromIso: '2030-06-21T12:00:00Z',
      toIso: '2030-06-22T12:00:00Z',
      seconds: 20,
      camera: 'turntable',
      turntableDeg: 90,
      captions: true,
    })
    expect(parseExportParam('chapter:0,from:tomorrow,0s,tour:Bad!').bad).toEqual([
      'chapter "0" must be a chapter number from 1',
      'from "tomorrow" must be an ISO UTC time like 2030-06-21T12:00:00Z',
      'length "0s" must be above 0 s, at most 3600 s',
      'tour "Bad!": tour ids are lower-case letters, digits and hyphens',
    ])
  })
})

describe('the Export panel fields', () => {
  it('Length counts for a range, the view as it plays and a chapter cut short; not for a whole tour or a whole chapter', () => {
    expect(lengthUsed({ what: 'range', chapterSeconds: false })).toBe(true)
    expect(lengthUsed({ what: 'follow', chapterSeconds: false })).toBe(true)
    expect(lengthUsed({ what: 'tour', chapterSeconds: true })).toBe(false)
    expect(lengthUsed({ what: 'chapter', chapterSeconds: false })).toBe(false)
    expect(lengthUsed({ what: 'chapter', chapterSeconds: true })).toBe(true)
  })

  it("the empty caption is the chapter's in a tour", () => {
    expect(captionPlaceholder('tour')).toContain("chapter's caption")
    expect(captionPlaceholder('chapter')).toContain("chapter's caption")
    expect(captionPlaceholder('range')).toContain('date and time')
  })
})

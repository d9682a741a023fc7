/** Tours as data (src/present/tour/): the schema names a broken file's first problem; captions bind live figures. */
import { describe, expect, it } from 'vitest'
import defaultTourJson from '../../src/present/tour/default.json'
import { bindCaption, CAPTION_FIELDS, placeholders } from '../../src/present/tour/caption'
import { chapterDurationS, parseTourJson, validateTour } from '../../src/present/tour/schema'

const minimal = () => ({
  id: 'talk',
  title: 'A talk',
  chapters: [
    { id: 'one', title: 'One', caption: '{satellites} satellites', camera: { target: 'earth', distanceKm: 20000, durationS: 2 } },
    { id: 'two', title: 'Two', time: { ramp: { from: '2027-01-01', to: '2030-01-01', durationS: 6 } }, dwellS: 9 },
  ],
})

describe('validateTour', () => {
  it('accepts the bundled default tour, with every chapter framed and captioned', () => {
    const r = validateTour(defaultTourJson)
    if (!r.ok) throw new Error(r.error)
    expect(r.tour.chapters.length).toBeGreaterThanOrEqual(10)
    for (const c of r.tour.chapters) {
      expect(c.camera, c.id).not.toBeNull()
      expect(c.title.length, c.id).toBeGreaterThan(0)
      expect(c.notes.length, c.id).toBeGreaterThan(0)
    }
  })

  it('fills defaults (easing, angles) and reads times and ramps', () => {
    const r = validateTour(minimal())
    if (!r.ok) throw new Error(r.error)
    const [a, b] = r.tour.chapters
    expect(a.camera).toEqual({ target: 'earth', satellite: undefined, distanceKm: 20000, azimuthDeg: 0, elevationDeg: 0, durationS: 2, easing: 'inOut' })
    expect(b.time?.ramp).toEqual({ fromMs: Date.UTC(2027, 0, 1), toMs: Date.UTC(2030, 0, 1), durationS: 6, easing: 'inOut' })
    expect(chapterDurationS(r.tour, 0)).toBe(10) // the 2 s move + 8 s to speak over it
    expect(chapterDurationS(r.tour, 1)).toBe(9) // its dwell time
  })

  it('a base chapter with an azimuth or elevation asks for that view in the site frame; without them, the default view', () => {
    const tour = (camera: Record<string, unknown>) => ({ id: 't', title: 'T', chapters: [{ id: 'a', title: 'A', camera }] })
    const posed = validateTour(tour({ target: 'base', distanceKm: 2.2, azimuthDeg: 235, elevationDeg: 14 }))
    if (!posed.ok) throw new Error(posed.error)
    expect(posed.tour.chapters[0].camera?.site).toEqual({ bearingDeg: 235, elevationDeg: 14 })
    const plain = validateTour(tour({ target: 'base', distanceKm: 5 }))
    if (!plain.ok) throw new Error(plain.error)
    expect(plain.tour.chapters[0].camera?.site).toBeUndefined()
    const earth = validateTour(tour({ target: 'earth', distanceKm: 20000, azimuthDeg: 30 }))
    if (!earth.ok) throw new Error(earth.error)
    expect(earth.tour.chapters[0].camera?.site).toBeUndefined()
    const below = validateTour(tour({ target: 'base', distanceKm: 2, azimuthDeg: 10, elevationDeg: -5 }))
    expect(below).toEqual({ ok: false, error: 'chapters[0].camera.elevationDeg: at the base must be at least 1 (above the ground)' })
  })

  it("the default tour's mass-driver chapter frames the driver from the site frame, and the close-up looks from the Sun's side, above", () => {
    const r = validateTour(defaultTourJson)
    if (!r.ok) throw new Error(r.error)
    expect(r.tour.chapters.find((c) => c.id === 'mass-driver')?.camera?.site).toBeDefined()
    const sat = r.tour.chapters.find((c) => c.camera?.target === 'satellite')?.camera
    expect(Math.abs(sat?.azimuthDeg ?? 180)).toBeLessThan(60)
    expect(sat?.elevationDeg).toBeGreaterThan(15)
  })

  /** Changes a fresh minimal tour in place and returns it. */
  const edit = (t: ReturnType<typeof minimal>, change: (t: ReturnType<typeof minimal>) => void) => {
    change(t)
    return t
  }
  const broken: [string, (t: ReturnType<typeof minimal>) => unknown, RegExp][] = [
    ['not an object', () => [], /^tour: must be a JSON object/],
    ['no chapters', (t) => ({ ...t, chapters: [] }), /^tour\.chapters: must be a non-empty list/],
    [
      'a camera inside the Earth',
      (t) =>
        edit(t, (t) => {
          if (t.chapters[0].camera) t.chapters[0].camera.distanceKm = 6000
        }),
      /^chapters\[0\]\.camera\.distanceKm: 6000 is outside/,
    ],
    [
      'an unknown target',
      (t) =>
        edit(t, (t) => {
          ;(t.chapters[0].camera as { target: string }).target = 'mars'
        }),
      /^chapters\[0\]\.camera\.target: must be one of/,
    ],
    [
      'an unknown caption figure',
      (t) =>
        edit(t, (t) => {
          t.chapters[0].caption = '{gigawatts}'
        }),
      /^chapters\[0\]\.caption: unknown figure \{gigawatts\}/,
    ],
    [
      'a bad time',
      (t) =>
        edit(t, (t) => {
          if (t.chapters[1].time) t.chapters[1].time.ramp.from = 'soon'
        }),
      /^chapters\[1\]\.time\.ramp\.from: "soon" is not an ISO UTC time/,
    ],
    ['an unknown layer', (t) => ({ ...t, chapters: [{ ...t.chapters[0], layers: { planets: true } }] }), /^chapters\[0\]\.layers\.planets: unknown layer/],
    ['an unknown panel', (t) => ({ ...t, chapters: [{ ...t.chapters[0], panels: ['hud', 'radar'] }] }), /^chapters\[0\]\.panels\[1\]: unknown panel "radar"/],
    [
      'a repeated id',
      (t) =>
        edit(t, (t) => {
          t.chapters[1].id = 'one'
        }),
      /^chapters\[1\]\.id: "one" is used twice/,
    ],
    ['an unknown field', (t) => ({ ...t, chapter: [] }), /^tour\.chapter: unknown field/],
    ['a fractional warp', (t) => ({ ...t, chapters: [{ ...t.chapters[0], time: { at: '2030-01-01', warp: 0.5 } }] }), /^chapters\[0\]\.time\.warp: must be 0/],
  ]
  for (const [what, make, message] of broken) {
    it(`rejects ${what}, naming the first problem`, () => {
      const r = validateTour(make(minimal()))
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toMatch(message)
    })
  }

  it('reports JSON syntax errors', () => {
    const r = parseTourJson('{"id": "x",')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^tour: not valid JSON/)
  })

  it('reads warp 0 as paused', () => {
    const r = validateTour({ ...minimal(), chapters: [{ id: 'a', title: 'A', time: { at: '2030-01-01T00:00:00Z', warp: 0 } }] })
    if (!r.ok) throw new Error(r.error)
    expect(r.tour.chapters[0].time).toEqual({ at: Date.UTC(2030, 0, 1), warp: 1, play: false })
  })
})

describe('caption binding', () => {
  it('writes each figure in its format, live values in', () => {
    expect(bindCaption('{satellites} satellites, {orbitalComputeW} in orbit', { satellites: 1_000_000, orbitalComputeW: 1e11 })).toBe(
      '1,000,000 satellites, 100 GW in orbit',
    )
    expect(bindCaption('{year}: K {kardashev}, {dataCentreRatio}', { year: 2040, kardashev: 0.73456, dataCentreRatio: 2.13 })).toBe('2040: K 0.7346, 2.13×')
  })

  it('shows "–" for a figure not known yet, and leaves text without braces alone', () => {
    expect(bindCaption('{satellites} satellites', { satellites: Number.NaN })).toBe('– satellites')
    expect(bindCaption('Why the Moon', {})).toBe('Why the Moon')
  })

  it('lists the figures a template names; every one the default tour uses is known', () => {
    expect(placeholders('{a} and {bC}')).toEqual(['a', 'bC'])
    const used = (defaultTourJson.chapters as { caption?: string }[]).flatMap((c) => placeholders(c.caption ?? ''))
    expect(used.length).toBeGreaterThan(10)
    for (const p of used) expect(Object.keys(CAPTION_FIELDS)).toContain(p)
  })
})

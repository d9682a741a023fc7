/** Tours as data (src/present/tour/): the schema names a broken file's first problem; captions bind live figures. */
import { describe, expect, it } from 'vitest'
import defaultTourJson from '../../src/present/tour/default.json'
import { bindCaption, CAPTION_FIELDS, placeholders } from '../../src/present/tour/caption'
import { shotById } from '../../src/present/shots'
import { chapterDurationS, parseTourJson, shotFlight, validateTour } from '../../src/present/tour/schema'
import { autoplayStep, useTour } from '../../src/present/tour/useTour'
import { useBase } from '../../src/state/base'
import { basePoseRequest, cameraMove, siteView } from '../../src/state/camera'
import { stageTime } from '../../src/state/stageTime'

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

  it('a base chapter can name a shot: the flight lands where the shot stands, then its pose is taken', () => {
    const tour = (camera: Record<string, unknown>) => ({ id: 't', title: 'T', chapters: [{ id: 'a', title: 'A', camera }] })
    const r = validateTour(tour({ target: 'base', shot: 'mass-driver', durationS: 2 }))
    if (!r.ok) throw new Error(r.error)
    const cam = r.tour.chapters[0].camera
    const pose = shotById('mass-driver')?.pose
    if (pose?.mode !== 'eye') throw new Error('the mass-driver shot is an eye pose')
    expect(cam?.basePose).toEqual(pose)
    // The eye stands beside the muzzle: the flight ends there, at its distance and bearing from the base origin.
    expect(cam?.distanceKm).toBeCloseTo(Math.hypot(pose.eastM, pose.northM, pose.heightM) / 1000, 6)
    expect(cam?.site?.bearingDeg).toBeCloseTo((Math.atan2(pose.eastM, pose.northM) * 180) / Math.PI, 6)
    expect(cam?.durationS).toBe(2)
    // An orbit shot lands exactly on its pose.
    expect(shotFlight({ mode: 'orbit', azimuthDeg: 322, elevationDeg: 7, distanceM: 750 })).toEqual({
      distanceKm: 0.75,
      site: { bearingDeg: 322, elevationDeg: 7 },
    })
    expect(validateTour(tour({ target: 'base', shot: 'nowhere' }))).toEqual({
      ok: false,
      error: 'chapters[0].camera.shot: must be one of low-sun-2045, touchdown, mass-driver, city-night',
    })
    expect(validateTour(tour({ target: 'earth', shot: 'touchdown', distanceKm: 20000 }))).toEqual({
      ok: false,
      error: 'chapters[0].camera.shot: only with target "base"',
    })
    expect(validateTour(tour({ target: 'base', shot: 'touchdown', distanceKm: 2 }))).toEqual({
      ok: false,
      error: 'chapters[0].camera.distanceKm: not with a shot (the shot sets the view)',
    })
  })

  it("playing a shot chapter asks for the shot's pose; the next base chapter drops it and leaves explore mode; stopping drops a pose to come", () => {
    const r = validateTour({
      id: 't',
      title: 'T',
      chapters: [
        { id: 'driver', title: 'Driver', camera: { target: 'base', shot: 'mass-driver' } },
        { id: 'city', title: 'City', camera: { target: 'base', distanceKm: 0.4 } },
      ],
    })
    if (!r.ok) throw new Error(r.error)
    try {
      useTour.getState().playTour(r.tour, 0, true)
      expect(basePoseRequest.pose).toEqual(shotById('mass-driver')?.pose)
      expect(siteView.pose).toEqual(r.tour.chapters[0].camera?.site)
      expect(cameraMove.pose?.distanceKm).toBeCloseTo(r.tour.chapters[0].camera?.distanceKm ?? 0, 9)
      // BaseCamera takes the eye pose in explore mode; the next chapter gives the default view back.
      useBase.getState().setExploring(true)
      const seq = basePoseRequest.seq
      useTour.getState().next()
      expect(basePoseRequest.seq).toBeGreaterThan(seq)
      expect(basePoseRequest.pose).toBeNull()
      expect(siteView.pose).toBeNull()
      expect(useBase.getState().exploring).toBe(false)
      // While the tour is on, its keys are the clicker's, not explore mode's; a pose still to come is dropped on stop.
      expect(useBase.getState().exploreKeys).toBe(false)
      useTour.getState().goToChapter(0, true)
      useTour.getState().stopTour()
      expect(basePoseRequest.pose).toBeNull()
      expect(useBase.getState().exploreKeys).toBe(true)
    } finally {
      useTour.getState().stopTour()
      useBase.setState({ exploring: false })
    }
  })

  it("explore mode (a shot's eye) is left by every chapter, an Earth or a timeless chapter too, and by stopping on an eye chapter", () => {
    const r = validateTour({
      id: 't',
      title: 'T',
      chapters: [
        { id: 'driver', title: 'Driver', camera: { target: 'base', shot: 'mass-driver' } },
        { id: 'earth', title: 'Earth', camera: { target: 'earth', distanceKm: 20000 } },
        { id: 'words', title: 'Words', dwellS: 5 },
      ],
    })
    if (!r.ok) throw new Error(r.error)
    try {
      useTour.getState().playTour(r.tour, 0, true)
      useBase.getState().setExploring(true) // BaseCamera takes the eye pose on landing
      useTour.getState().next()
      expect(useTour.getState().chapter).toBe(1)
      expect(useBase.getState().exploring).toBe(false)
      useBase.getState().setExploring(true) // the viewer pressed explore during the tour, say
      useTour.getState().next()
      expect(useTour.getState().chapter).toBe(2)
      expect(useBase.getState().exploring).toBe(false)
      // Stopped on the eye chapter: the tour put explore mode on, so it is left with the tour.
      useTour.getState().goToChapter(0, true)
      useBase.getState().setExploring(true)
      useTour.getState().stopTour()
      expect(useBase.getState().exploring).toBe(false)
      // Stopped elsewhere: explore mode the viewer entered stays theirs.
      useTour.getState().playTour(r.tour, 1, true)
      useBase.getState().setExploring(true)
      useTour.getState().stopTour()
      expect(useBase.getState().exploring).toBe(true)
    } finally {
      useTour.getState().stopTour()
      useBase.setState({ exploring: false })
    }
  })

  it('autoplay steps on stage time alone (what a take of the view as it plays calls each frame), looping at the end', () => {
    const r = validateTour({
      id: 't',
      title: 'T',
      chapters: [
        { id: 'a', title: 'A', dwellS: 2 },
        { id: 'b', title: 'B', dwellS: 3 },
      ],
    })
    if (!r.ok) throw new Error(r.error)
    const was = stageTime.ms
    try {
      stageTime.ms = 1000
      useTour.getState().playTour(r.tour, 0, true)
      stageTime.ms = 2999
      expect(autoplayStep()).toBe(false)
      stageTime.ms = 3000
      expect(autoplayStep()).toBe(true)
      expect(useTour.getState()).toMatchObject({ chapter: 1, chapterStartedStageMs: 3000 })
      stageTime.ms = 6000
      expect(autoplayStep()).toBe(true)
      expect(useTour.getState().chapter).toBe(0) // a booth loops
    } finally {
      useTour.getState().stopTour()
      stageTime.ms = was
    }
  })

  it("the default tour's mass-driver chapter takes the mass-driver shot, and the close-up looks from the Sun's side, above", () => {
    const r = validateTour(defaultTourJson)
    if (!r.ok) throw new Error(r.error)
    expect(r.tour.chapters.find((c) => c.id === 'mass-driver')?.camera?.basePose).toEqual(shotById('mass-driver')?.pose)
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

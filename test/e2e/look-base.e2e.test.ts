/**
 * The look of Moon Base Alpha in real Chromium: screenshots for review of the default framing in
 * 2035, 2045 and 2050 by day and by night, the base before it exists, explore mode and the mass
 * driver firing; and checks that could fail: the city's own lights at lunar night, the "not yet
 * built" caption before the first landing, explore mode starting beside the habitats at walking
 * height, labels clear of the panels and of each other, a muzzle flash after a shot.
 *
 * Dates: the Sun's elevation at the site swings with the seasons (±1.5°): by day the Sun is up
 * 0.5–0.7°, by night its disc is 1.0–1.4° below the horizon, with the Earth up in every one
 * (computed with src/sim/base/site.ts sunAtSite / earthAtSite).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Mesh, Sprite } from 'three'
import {
  cameraSettled,
  closeOpenPages,
  frames,
  instanceScreen,
  launch,
  litFraction,
  openPage,
  sceneShot,
  shot,
  waitFor,
  waitForBase,
  type Watched,
} from './browser'
import { SHOTS } from '../../src/present/shots'
import { BASE_VIEW } from '../../src/scene/base/baseView'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterEach(closeOpenPages)
afterAll(async () => {
  await browser?.close()
})

interface Box {
  id: string
  x: number
  y: number
  w: number
  h: number
}

/** Visible labels (their tag) and the overlay's panels, client px. */
const labelAndPanelRects = (page: Page, labelSelector: string) =>
  page.evaluate((sel) => {
    const rect = (el: Element, id: string) => {
      const r = el.getBoundingClientRect()
      return { id, x: r.left, y: r.top, w: r.width, h: r.height }
    }
    const labels = [...document.querySelectorAll(sel)]
      .filter((el) => getComputedStyle(el).visibility === 'visible' && (el as HTMLElement).offsetWidth > 0)
      .map((el) => rect(el.querySelector('.base-label') ?? el, el.getAttribute('data-testid') ?? '?'))
    const panels = [...document.querySelectorAll('.overlay .panel, .overlay .corner-buttons')]
      .map((el) => rect(el, el.className))
      .filter((r) => r.w > 0 && r.h > 0)
    return { labels, panels }
  }, labelSelector)

const intersects = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

function expectNoCollisions(labels: Box[], panels: Box[]) {
  for (const l of labels) for (const p of panels) expect(intersects(l, p), `label ${l.id} over panel ${p.id}`).toBe(false)
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) expect(intersects(labels[i], labels[j]), `labels ${labels[i].id} and ${labels[j].id} overlap`).toBe(false)
}

const VIEWS: [string, string][] = [
  ['2035-03-05T00:00:00Z', 'look-base-2035-day'],
  ['2035-01-01T00:00:00Z', 'look-base-2035-night'],
  ['2045-01-01T00:00:00Z', 'look-base-2045-day'],
  ['2045-03-24T00:00:00Z', 'look-base-2045-night'],
]

/** Seeks the clock (paused) and waits until the sim and the scene show that instant. */
async function seek(page: Page, iso: string): Promise<void> {
  const t = Date.parse(iso)
  await page.evaluate((t) => window.__terawatt.useClock.getState().seek(t), t)
  await waitFor(page, `the clock at ${iso}`, (t) => window.__terawatt.simTime.tMs === t, t)
  await frames(page, 6)
}

/** Opens the base at an instant (paused) and waits for its scene and the camera at rest after its default view. */
async function openBase(iso: string): Promise<Watched> {
  const w = await openPage(browser, `/?focus=base&t=${iso}&play=0`)
  await waitFor(w.page, 'the base scene', () => !!window.__terawattBase && !!window.__terawattGl!.scene.getObjectByName('base-terrain'))
  await cameraSettled(w.page)
  // A link straight to the base stands at the default view's distance (it stood 1 km out whatever
  // BASE_VIEW said: the length was read after a unit vector was copied into the position).
  const km = await w.page.evaluate(() => window.__terawattGl!.camera.position.length())
  expect(Math.abs(km / BASE_VIEW.distanceKm - 1), `camera ${km} km from the base, default ${BASE_VIEW.distanceKm}`).toBeLessThan(0.02)
  return w
}

/** The default framing for an instant: hub in the middle (after 2035), lit, labels clear of the panels, the night caption when it is night. */
async function defaultView(page: Page, t: string, name: string): Promise<void> {
  await seek(page, t)
  // The default framing for this date (it looks toward the Earth, turned away from the Sun): focus the base afresh.
  await page.evaluate(() => window.__terawatt.useUi.getState().setFocus('base'))
  await frames(page, 3)
  await cameraSettled(page)
  if (!name.startsWith('look-base-2035')) {
    // The city's hub habitat (at the origin) stands in the middle of the frame, not a speck on the horizon.
    const hub = await instanceScreen(page, 'base-habitat', 0, 10)
    expect(hub.z, `${name}: hub in front of the camera`).toBeLessThan(1)
    expect(Math.abs(hub.x - 640), `${name}: hub x ${hub.x}`).toBeLessThan(320)
    expect(Math.abs(hub.y - 360), `${name}: hub y ${hub.y}`).toBeLessThan(200)
  }
  const png = await sceneShot(page, name)
  await shot(page, `${name}-ui`)
  expect(litFraction(png, 20), `${name}: lit pixels`).toBeGreaterThan(0.03)
  const { labels, panels } = await labelAndPanelRects(page, '[data-testid^=base-label-]')
  expectNoCollisions(labels, panels)
  const night = name.endsWith('night')
  const caption = await page.evaluate(() => document.querySelector('[data-testid=base-caption]')?.textContent ?? '')
  expect(caption.includes('Lunar night'), `${name}: caption "${caption}"`).toBe(night)
}

describe('the look of Moon Base Alpha', () => {
  it('before the first landing, and by day and by night in 2035 and 2045: captions, lights, labels clear of the panels', async () => {
    const { page, errors } = await openBase('2030-06-01T00:00:00Z')
    // 2030: nothing built yet, the caption says so and survey stakes mark the site.
    await waitFor(page, 'the "not yet built" caption', () => document.querySelector('[data-testid=base-caption]')?.textContent?.includes('not yet built'))
    const built = await page.evaluate(() => {
      const s = window.__terawattGl!.scene
      return { habitats: (s.getObjectByName('base-habitat') as Mesh & { count: number }).count, survey: s.getObjectByName('base-survey')!.visible }
    })
    expect(built.habitats).toBe(0)
    expect(built.survey).toBe(true)
    await shot(page, 'look-base-2030-not-built')

    for (const [t, name] of VIEWS) await defaultView(page, t, name)
    expect(errors).toEqual([])
    await page.close()
  })

  it('2050 by day, and at lunar night with and without the city lights', async () => {
    const { page, errors } = await openBase('2050-05-15T00:00:00Z')
    await defaultView(page, '2050-05-15T00:00:00Z', 'look-base-2050-day')

    // 2050-01-01 00:00Z, the Sun 1.4° down: the city lights itself.
    await seek(page, '2050-01-01T00:00:00Z')
    const sun = await page.evaluate(() => window.__terawattBase!.cityLight!.sunElevationDeg)
    expect(sun).toBeLessThan(-1)
    await waitFor(page, 'the night caption', () => document.querySelector('[data-testid=base-caption]')?.textContent?.includes('Lunar night'))
    await shot(page, 'look-base-2050-night-ui')
    const { labels, panels } = await labelAndPanelRects(page, '[data-testid^=base-label-]')
    expect(labels.length).toBeGreaterThan(0)
    expectNoCollisions(labels, panels)
    const on = await sceneShot(page, 'look-base-2050-night')
    await page.evaluate(() => {
      // Hold the lights off (the lights' own frame writes the factor back: pin the uniform the shaders read).
      Object.defineProperty(window.__terawattBase!.cityLight!.night, 'value', { get: () => 0, set: () => {}, configurable: true })
    })
    await frames(page, 3)
    const off = await sceneShot(page, 'look-base-2050-night-lights-off')
    const litOn = litFraction(on, 60),
      litOff = litFraction(off, 60)
    console.log(`lunar night 2050: pixels above 60/255 with the city's lights ${(litOn * 100).toFixed(2)} %, without ${(litOff * 100).toFixed(2)} %`)
    expect(litOn).toBeGreaterThan(litOff + 0.002)
    expect(errors).toEqual([])
    await page.close()
  })

  it('explore mode starts beside the habitats at walking height; the mass driver fires: the sled on the rails and a flash at the muzzle', async () => {
    const { page, errors } = await openPage(browser, '/?focus=base&t=2046-01-08T00:00:00Z&warp=1&play=0')
    await waitForBase(page)
    await cameraSettled(page)
    await page.keyboard.press('e')
    await waitFor(page, 'explore mode after pressing E', () => window.__terawattBase!.useBase.getState().exploring)
    await frames(page, 5)
    const e = await page.evaluate(() => ({ ...window.__terawattBase!.explorer }))
    expect(e.alt).toBeCloseTo(1.7, 5)
    const r = Math.hypot(e.x, e.z)
    expect(r).toBeGreaterThan(20)
    expect(r).toBeLessThan(700)
    await sceneShot(page, 'look-base-explore')
    await page.click('[data-testid=base-poi-massDriver]')
    await waitFor(page, 'explore mode at the mass driver', () => window.__terawattBase!.useBase.getState().jump?.id === 'massDriver')
    await waitFor(page, 'the deep-space windows', () => (window.__terawattDeep?.deepSpace.windows.length ?? 0) > 0)
    await frames(page, 5)
    const shotMs = await page.evaluate(() => {
      const d = window.__terawattDeep.deepSpace,
        t = window.__terawatt.simTime.tMs,
        W = d.windowMs
      for (const w of d.windows) {
        if (w.shots <= 0 || w.startMs + W <= t) continue
        for (let j = 0; j < w.shots; j++) {
          const s = w.startMs + ((j + 0.5) * W) / w.shots
          if (s > t + 3000) return s
        }
      }
      return null
    })
    expect(shotMs).not.toBeNull()
    // 1 s before the shot the sled is on the rails; 0.1 s after it the muzzle flashes.
    await page.evaluate((t) => window.__terawatt.useClock.getState().seek(t), shotMs! - 1000)
    await waitFor(page, 'the sled on the rails', () => !!window.__terawattGl!.scene.getObjectByName('deep-sled-bucket')?.visible)
    await sceneShot(page, 'look-base-massdriver-sled')
    await page.evaluate((t) => window.__terawatt.useClock.getState().seek(t), shotMs! + 100)
    await waitFor(page, 'the muzzle flash', () => !!window.__terawattGl!.scene.getObjectByName('deep-muzzle-flash')?.visible)
    const opacity = await page.evaluate(() => (window.__terawattGl!.scene.getObjectByName('deep-muzzle-flash') as Sprite).material.opacity)
    expect(opacity).toBeGreaterThan(0.3)
    await sceneShot(page, 'look-base-massdriver-firing')
    expect(errors).toEqual([])
    await page.close()
  })

  it("shots: ?shot= and the base panel's Shots menu apply each best frame: its time, clock and camera", async () => {
    const { page, errors } = await openPage(browser, '/?shot=low-sun-2045')
    await waitForBase(page)
    for (const s of SHOTS) {
      if (s.id !== 'low-sun-2045') await page.selectOption('[data-testid=base-shots]', s.id)
      const t = Date.parse(s.timeIso)
      // The shot's time (a running shot has moved on from it by at most a minute of sim time).
      await waitFor(page, `${s.id}: the clock at ${s.timeIso}`, (t) => Math.abs(window.__terawatt.simTime.tMs - t) < 60000, t)
      expect(await page.evaluate(() => window.__terawatt.useClock.getState().playing)).toBe(s.warp !== 0)
      // Its pose in the site frame: the overview camera at its distance, or explore mode's eye where it says.
      if (s.pose.mode === 'orbit') {
        const d = s.pose.distanceM
        await waitFor(
          page,
          `${s.id}: the camera ${d} m from the base origin`,
          (d) => Math.abs(window.__terawattBase!.baseView.cameraLocalM.length() - d) < d * 0.05,
          d,
        )
        expect(await page.evaluate(() => window.__terawattBase!.useBase.getState().exploring)).toBe(false)
      } else {
        const e = s.pose.eastM
        await waitFor(
          page,
          `${s.id}: the eye at ${e} m east`,
          (e) => window.__terawattBase!.useBase.getState().exploring && Math.abs(window.__terawattBase!.explorer.x - e) < 1,
          e,
        )
      }
      // A running shot (the mass driver's, at 1×) turns with the Moon: hold it still to settle and measure.
      if (s.warp !== 0) await page.evaluate(() => window.__terawatt.useClock.getState().pause())
      await frames(page, 5)
      await cameraSettled(page)
      if (s.id === 'touchdown') {
        // A ship on its plume over pad 2, on screen.
        await waitFor(page, 'the landing drawn', () => (window.__terawattLandings?.ships.length ?? 0) > 0)
        const ship = await page.evaluate(() => ({ ...window.__terawattLandings!.ships[0] }))
        expect(ship.pad).toBe(1)
        expect(ship.thrust).toBe(1)
        expect(ship.altitudeM).toBeGreaterThan(5)
        expect(ship.altitudeM).toBeLessThan(120)
        await page.evaluate(() => window.__terawatt.useClock.getState().pause())
        const hull = await instanceScreen(page, 'base-starship', 0, 25)
        expect(hull.z).toBeLessThan(1)
        expect(hull.x).toBeGreaterThan(100)
        expect(hull.x).toBeLessThan(1180)
        expect(hull.y).toBeGreaterThan(60)
        expect(hull.y).toBeLessThan(660)
      }
      if (s.id === 'mass-driver') {
        // The next shot after the shot's time: the sled on the rails 0.4 s before it, the flash 0.1 s after.
        await waitFor(page, 'the deep-space windows', () => (window.__terawattDeep?.deepSpace.windows.length ?? 0) > 0)
        const shotMs = await page.evaluate(() => {
          const d = window.__terawattDeep.deepSpace,
            t = window.__terawatt.simTime.tMs,
            W = d.windowMs
          for (const w of d.windows) {
            if (w.shots <= 0 || w.startMs + W <= t) continue
            for (let j = 0; j < w.shots; j++) {
              const s = w.startMs + ((j + 0.5) * W) / w.shots
              if (s > t + 1000) return s
            }
          }
          return null
        })
        expect(shotMs).not.toBeNull()
        await page.evaluate((t) => {
          const c = window.__terawatt.useClock.getState()
          c.pause()
          c.seek(t)
        }, shotMs! - 400)
        await waitFor(page, 'the sled on the rails', () => !!window.__terawattGl!.scene.getObjectByName('deep-sled-bucket')?.visible)
        await sceneShot(page, 'look-base-shot-mass-driver-sled')
        await page.evaluate((t) => window.__terawatt.useClock.getState().seek(t), shotMs! + 100)
        await waitFor(page, 'the muzzle flash', () => !!window.__terawattGl!.scene.getObjectByName('deep-muzzle-flash')?.visible)
        await frames(page, 3)
        // The flash is in the frame, not behind the camera or off its edge.
        const flash = await page.evaluate(() => {
          const { scene, camera } = window.__terawattGl!
          const p = scene.getObjectByName('deep-muzzle-flash')!.getWorldPosition(camera.position.clone()).project(camera)
          return { x: (p.x * 0.5 + 0.5) * innerWidth, y: (-p.y * 0.5 + 0.5) * innerHeight, z: p.z }
        })
        expect(flash.z).toBeLessThan(1)
        expect(flash.x).toBeGreaterThan(0)
        expect(flash.x).toBeLessThan(1280)
        expect(flash.y).toBeGreaterThan(0)
        expect(flash.y).toBeLessThan(720)
      }
      if (s.id === 'city-night') expect(await page.evaluate(() => window.__terawattBase!.cityLight!.sunElevationDeg)).toBeLessThan(-1)
      const png = await sceneShot(page, `look-base-shot-${s.id}`)
      const lit = litFraction(png, 30)
      console.log(`shot ${s.id}: ${(lit * 100).toFixed(1)} % of pixels above 30/255`)
      expect(lit, `${s.id}: lit pixels`).toBeGreaterThan(s.id === 'city-night' ? 0.01 : 0.1)
    }
    expect(errors).toEqual([])
    await page.close()
  })
})

/**
 * Presenting on stage (src/present/): clicker keys through every chapter of the default tour and
 * back, a screenshot per chapter (saved for review in test-results/e2e/present-*.png), H leaves
 * nothing over the canvas, an exact deep link reopens pixel for pixel, a malformed link gives one
 * notice, the presenter view follows and drives, autoplay advances, a broken tour file is refused.
 * Small scenes (sats=, a 960×540 window) keep SwiftShader's frames short.
 */
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { preview } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  cameraSettled,
  closeOpenPages,
  frames,
  launch,
  litFraction,
  noticeLog,
  openPage,
  ORIGIN,
  settle,
  shot,
  WAIT_MS,
  waitFor,
  waitForAsync,
} from './browser'

let browser: Browser
const SMALL = { width: 960, height: 540 }

beforeAll(async () => {
  browser = await launch()
})
afterEach(closeOpenPages)
afterAll(async () => {
  await browser?.close()
})

/** Fraction of pixels whose colour differs by more than `tol` in any channel. */
function diffFraction(a: PNG, b: PNG, tol = 24): number {
  let n = 0
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) > tol || Math.abs(a.data[i + 1] - b.data[i + 1]) > tol || Math.abs(a.data[i + 2] - b.data[i + 2]) > tol) n++
  }
  return n / (a.width * a.height)
}

const chapter = (page: Page) => page.evaluate(() => window.__terawattPresent.useTour.getState().chapter)

/** Whether chapter i (0-based) of the tour on is a satellite close-up. */
const isCloseUp = (page: Page, i: number) =>
  page.evaluate((i) => window.__terawattPresent.useTour.getState().tour?.chapters[i].camera?.target === 'satellite', i)

/** The eye pose chapter i (0-based) takes at the base, if it names a shot that has one. */
const eyePose = (page: Page, i: number) =>
  page.evaluate((i) => {
    const p = window.__terawattPresent.useTour.getState().tour?.chapters[i].camera?.basePose
    return p?.mode === 'eye' ? p : null
  }, i)

/** Waits until the tour is on chapter i (0-based) and its camera move has ended. */
async function atChapter(page: Page, i: number): Promise<void> {
  await waitFor(page, `the tour at chapter ${i + 1}`, (i) => window.__terawattPresent.useTour.getState().chapter === i, i)
  // Close up, the camera turns with the satellite's orbit while the clock runs, and a shot's eye at
  // the base turns with the Moon (in the scene's axes): hold the clock to see either at rest.
  if (await isCloseUp(page, i)) {
    await waitFor(page, 'the close-up model', () => !!window.__terawattGl!.scene.getObjectByName('satellite-model'))
    await page.evaluate(() => window.__terawatt.useClock.getState().pause())
  }
  const eye = await eyePose(page, i)
  if (eye) {
    // The flight lands over the shot's place, then the camera cuts to its eye (explore mode).
    await waitFor(
      page,
      "the shot's eye taken: explore mode, within 30 m of it",
      (eye) => {
        const b = window.__terawattBase
        if (!b?.useBase.getState().exploring) return false
        const p = b.baseView.cameraLocalM
        return Math.hypot(p.x - eye.eastM, p.z + eye.northM) < 30
      },
      eye,
    )
    await page.evaluate(() => window.__terawatt.useClock.getState().pause())
  }
  await frames(page, 2)
  await cameraSettled(page)
}

/**
 * What is on screen that should not be: a panel or notice under the tour caption or off the
 * screen, a panel column whose content is cut off (scrolled), the top bar over the caption.
 */
const layoutProblems = (page: Page) =>
  page.evaluate(() => {
    const problems: string[] = []
    const cap = document.querySelector('[data-testid="tour-caption"]')?.getBoundingClientRect()
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')}`
    for (const el of document.querySelectorAll('.overlay .panel, .overlay .notice, .overlay .column')) {
      const r = el.getBoundingClientRect()
      if (!(el as HTMLElement).offsetParent || r.width === 0 || r.height === 0) continue
      if (getComputedStyle(el).visibility === 'hidden' || Number(getComputedStyle(el).opacity) === 0) continue
      const hasContent = !el.classList.contains('column') || el.children.length > 0
      if (cap && hasContent && r.bottom > cap.top + 1 && r.top < cap.bottom - 1 && r.right > cap.left + 1 && r.left < cap.right - 1)
        problems.push(`${name(el)} under the caption`)
      if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) problems.push(`${name(el)} off the screen`)
      if (el.classList.contains('column') && el.scrollHeight > el.clientHeight + 2)
        problems.push(`${name(el)} cut off (${el.scrollHeight} px in ${el.clientHeight})`)
    }
    return problems
  })

/**
 * The close-up chapter's picture: the satellite's parts all on screen above the caption, and the
 * Earth's lit disc behind it (pixels brighter than the sky with the model hidden: > 10 %).
 */
async function closeUpFrame(page: Page): Promise<{ bottom: number; captionTop: number; earth: number }> {
  const geo = await page.evaluate(() => {
    const { scene, camera } = window.__terawattGl!
    const model = scene.getObjectByName('satellite-model')!
    model.updateMatrixWorld(true)
    let x0 = 1,
      x1 = 0,
      y0 = 1,
      y1 = 0
    const v = camera.position.clone()
    for (const c of model.children) {
      const m = c as import('three').InstancedMesh
      m.computeBoundingBox()
      const bb = m.boundingBox!
      for (let k = 0; k < 8; k++) {
        v.set(k & 1 ? bb.max.x : bb.min.x, k & 2 ? bb.max.y : bb.min.y, k & 4 ? bb.max.z : bb.min.z)
          .applyMatrix4(m.matrixWorld)
          .project(camera)
        x0 = Math.min(x0, (v.x + 1) / 2)
        x1 = Math.max(x1, (v.x + 1) / 2)
        y0 = Math.min(y0, (1 - v.y) / 2)
        y1 = Math.max(y1, (1 - v.y) / 2)
      }
    }
    const cap = document.querySelector('[data-testid="tour-caption"]')!.getBoundingClientRect()
    return { x0, x1, y0, bottom: y1, captionTop: cap.top / innerHeight }
  })
  expect(geo.x0).toBeGreaterThan(0)
  expect(geo.x1).toBeLessThan(1)
  expect(geo.y0).toBeGreaterThan(0)
  await page.evaluate(() => {
    window.__terawattGl!.scene.getObjectByName('satellite-model-root')!.visible = false
    window.__terawatt.useUi.setState({ uiHidden: true })
  })
  await frames(page, 3)
  const earth = litFraction(PNG.sync.read(await page.screenshot()), 40)
  await page.evaluate(() => {
    window.__terawattGl!.scene.getObjectByName('satellite-model-root')!.visible = true
    window.__terawatt.useUi.setState({ uiHidden: false })
  })
  await frames(page, 3)
  return { bottom: geo.bottom, captionTop: geo.captionTop, earth }
}

describe('presenting in real Chromium', () => {
  it('clicker keys step through every chapter and back; each chapter is drawn and differs from its neighbour', async () => {
    const { page, errors } = await openPage(browser, '/?tour=default&chapter=1&sats=3000&quality=low', SMALL)
    await settle(page)
    const n = await page.evaluate(() => window.__terawattPresent.useTour.getState().tour?.chapters.length ?? 0)
    expect(n).toBeGreaterThanOrEqual(10)
    let prev: PNG | null = null
    for (let i = 0; i < n; i++) {
      if (i > 0) await page.keyboard.press(i % 3 === 0 ? 'Space' : i % 3 === 1 ? 'PageDown' : 'ArrowRight')
      await atChapter(page, i)
      const title = await page.getByTestId('tour-title').textContent()
      expect(await layoutProblems(page), `chapter ${i + 1} (${title}): nothing under the caption, off the screen or cut off`).toEqual([])
      if (await isCloseUp(page, i)) {
        const f = await closeUpFrame(page)
        console.log(
          `chapter ${i + 1} close-up: satellite down to ${(f.bottom * 100).toFixed(0)} % of the height, caption from ${(f.captionTop * 100).toFixed(0)} %; lit Earth ${(f.earth * 100).toFixed(1)} %`,
        )
        expect(f.bottom, 'the satellite above the caption').toBeLessThan(f.captionTop)
        expect(f.earth, "the Earth's lit disc behind the satellite").toBeGreaterThan(0.1)
      }
      const png = await shot(page, `present-chapter-${String(i + 1).padStart(2, '0')}`)
      expect(litFraction(png, 30), `chapter ${i + 1} (${title}) is not blank`).toBeGreaterThan(0.02)
      if (prev) expect(diffFraction(prev, png), `chapter ${i + 1} (${title}) differs from chapter ${i}`).toBeGreaterThan(0.02)
      prev = png
    }
    // A clicker's back key, all the way to the first chapter.
    for (let i = n - 2; i >= 0; i--) {
      await page.keyboard.press(i % 2 ? 'PageUp' : 'ArrowLeft')
      await waitFor(page, `back at chapter ${i + 1}`, (i) => window.__terawattPresent.useTour.getState().chapter === i, i)
    }
    await page.keyboard.press('End')
    expect(await chapter(page)).toBe(n - 1)
    await page.keyboard.press('Home')
    expect(await chapter(page)).toBe(0)
    await page.keyboard.press('4')
    expect(await chapter(page)).toBe(3)
    // B blanks to black (and back), Esc leaves the tour and the panels come back.
    await page.keyboard.press('b')
    await frames(page, 2)
    expect(litFraction(await shot(page, 'present-blank'), 5)).toBe(0)
    await page.keyboard.press('b')
    await page.keyboard.press('Escape')
    await waitFor(page, 'the tour left', () => window.__terawattPresent.useTour.getState().tour === null)
    expect(await page.getByTestId('tour-caption').count()).toBe(0)
    expect(await page.getByTestId('hud').isVisible()).toBe(true)
    expect(errors).toEqual([])
  })

  it('at 1280×720 too, no chapter puts a panel under the caption, off the screen or cut off', async () => {
    const { page, errors } = await openPage(browser, '/?tour=default&chapter=1&sats=3000&quality=low')
    await settle(page)
    const n = await page.evaluate(() => window.__terawattPresent.useTour.getState().tour?.chapters.length ?? 0)
    for (let i = 0; i < n; i++) {
      await page.evaluate((i) => window.__terawattPresent.useTour.getState().goToChapter(i, true), i)
      await atChapter(page, i)
      await frames(page, 3)
      expect(await layoutProblems(page), `chapter ${i + 1} at 1280×720`).toEqual([])
      if (await isCloseUp(page, i)) {
        const f = await closeUpFrame(page)
        expect(f.bottom).toBeLessThan(f.captionTop)
        expect(f.earth).toBeGreaterThan(0.1)
      }
      await shot(page, `present-720-chapter-${String(i + 1).padStart(2, '0')}`)
    }
    expect(errors).toEqual([])
  })

  it('H leaves no DOM element over the canvas', async () => {
    const { page, errors } = await openPage(browser, '/?tour=default&chapter=2&sats=500&quality=low', SMALL)
    await settle(page, 2)
    await page.keyboard.press('h')
    await frames(page, 2)
    const covered = await page.evaluate(() => {
      const canvas = document.querySelector('canvas')
      const hits: string[] = []
      for (let y = 2; y < innerHeight; y += 24)
        for (let x = 2; x < innerWidth; x += 24) {
          const top = document.elementFromPoint(x, y)
          if (top !== canvas) hits.push(`${x},${y}: ${top?.tagName}.${top?.className}`)
        }
      return { hits: hits.slice(0, 5), overlay: document.querySelectorAll('.overlay, .tour-caption, .notice, .panel').length }
    })
    expect(covered).toEqual({ hits: [], overlay: 0 })
    await page.keyboard.press('h')
    await waitFor(page, 'the caption back after H', () => !!document.querySelector('[data-testid="tour-caption"]'))
    expect(errors).toEqual([])
  })

  it('an exact deep link reopens the same picture, pixel for pixel', async () => {
    const first = await openPage(browser, '/?t=2031-05-01T10:00:00Z&warp=0&focus=moon&sats=500&quality=low', SMALL)
    await settle(first.page)
    await cameraSettled(first.page)
    // Turn the camera by hand (as a presenter would), then take the view's link.
    await first.page.evaluate(() => {
      const cam = window.__terawattGl!.camera
      cam.position.set(cam.position.x * 0.6, cam.position.y + 1500, cam.position.z * 0.8)
    })
    await frames(first.page, 3)
    await cameraSettled(first.page)
    const query = await first.page.evaluate(() => window.__terawattPresent.currentQuery())
    expect(query).toContain('cam=')
    expect(query).toContain('play=0')
    const cam0 = await first.page.evaluate(() => window.__terawattPresent.cameraView)
    const shots: PNG[] = []
    for (const k of [1, 2]) {
      const { page, errors } = await openPage(browser, `/${query}`, SMALL)
      await settle(page, 8)
      await cameraSettled(page)
      const cam = await page.evaluate(() => window.__terawattPresent.cameraView)
      expect(Math.hypot(cam.x - cam0.x, cam.y - cam0.y, cam.z - cam0.z)).toBeLessThan(1e-6 * Math.hypot(cam0.x, cam0.y, cam0.z))
      shots.push(await shot(page, `present-link-${k}`))
      expect(errors).toEqual([])
      await page.close()
    }
    expect(diffFraction(shots[0], shots[1], 0)).toBe(0)
  })

  it('a malformed link gives one notice and no error', async () => {
    const { page, errors } = await openPage(browser, '/?t=soon&warp=fast&zoom=3&cam=1,2&layers=planets&scale=9&chapter=2&sats=300&quality=low', SMALL)
    await settle(page, 2)
    const log = await page.evaluate(() => window.__terawatt.useUi.getState().noticeLog.map((n) => n.text))
    const link = log.filter((t) => t.startsWith('Link:'))
    expect(link).toHaveLength(1)
    for (const part of ['t="soon"', 'warp="fast"', 'zoom', 'cam=', 'layers', 'scale=', 'chapter=']) expect(link[0]).toContain(part)
    expect(errors).toEqual([])
  })

  it('the presenter view follows the stage and drives it', async () => {
    const context = await browser.newContext({ viewport: SMALL })
    try {
      const stage = await context.newPage()
      const errors: string[] = []
      stage.on('pageerror', (e) => errors.push(e.message))
      await stage.goto(`${ORIGIN}/?tour=default&chapter=2&sats=300&quality=low`, { timeout: WAIT_MS })
      await waitFor(stage, 'the tour on the stage', () => !!window.__terawattPresent?.useTour.getState().tour)
      const presenter = await context.newPage()
      await presenter.goto(`${ORIGIN}/?presenter=1`, { timeout: WAIT_MS })
      await presenter.getByTestId('presenter-chapter').waitFor({ timeout: WAIT_MS })
      expect(await presenter.getByTestId('presenter-chapter').textContent()).toBe('2')
      expect((await presenter.getByTestId('presenter-notes').textContent())?.length).toBeGreaterThan(20)
      // Driven from the presenter view: the stage moves.
      await presenter.getByTestId('presenter-advance').click()
      await waitFor(stage, 'the stage at chapter 3', () => window.__terawattPresent.useTour.getState().chapter === 2)
      await presenter.keyboard.press('PageDown')
      await waitFor(stage, 'the stage at chapter 4', () => window.__terawattPresent.useTour.getState().chapter === 3)
      // Driven from the stage: the presenter view follows.
      await stage.keyboard.press('PageUp')
      await waitFor(presenter, 'the presenter view at chapter 3', () => document.querySelector('[data-testid="presenter-chapter"]')?.textContent === '3')
      await shot(presenter, 'present-presenter-view')
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('autoplay advances by itself', async () => {
    const { page, errors } = await openPage(browser, '/?tour=default&chapter=1&autoplay=1&sats=300&quality=low', SMALL)
    await waitFor(page, 'autoplay on', () => window.__terawattPresent.useTour.getState().autoplay)
    await waitFor(page, 'autoplay to move on to chapter 2', () => window.__terawattPresent.useTour.getState().chapter >= 1)
    expect(errors).toEqual([])
  })

  it('a broken tour file is refused with its first problem named, and nothing changes', async () => {
    const { page, errors } = await openPage(browser, '/?t=2030-01-01T00:00:00Z&warp=0&sats=300&quality=low', SMALL)
    await page.route('**/tours/broken.json', (r) =>
      r.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ id: 'broken', title: 'Broken', chapters: [{ id: 'a', title: 'A', camera: { target: 'earth', distanceKm: 10 } }] }),
      }),
    )
    const before = await page.evaluate(() => ({ t: window.__terawatt.simTime.tMs, focus: window.__terawatt.useUi.getState().focus }))
    const ok = await page.evaluate(() => window.__terawattPresent.useTour.getState().startTour('broken', 0))
    expect(ok).toBe(false)
    expect(await noticeLog(page)).toContain('chapters[0].camera.distanceKm: 10 is outside')
    const after = await page.evaluate(() => ({
      t: window.__terawatt.simTime.tMs,
      focus: window.__terawatt.useUi.getState().focus,
      tour: window.__terawattPresent.useTour.getState().tour,
    }))
    expect(after).toEqual({ ...before, tour: null })
    expect(errors).toEqual([])
  })

  it('keeps working offline once loaded (the service worker caches the build)', async () => {
    // Its own server, stopped halfway: the venue's network gone for real (connections refused),
    // not Playwright's offline emulation, which does not reach a service worker's own fetches
    // (microsoft/playwright#2311). (CI once reloaded before the service worker was ready: the wait
    // returned a promise, which page.waitForFunction takes as true at once; see waitForAsync.)
    const server = await preview({
      logLevel: 'warn',
      build: { outDir: resolve(process.env.E2E_DIST ?? 'dist') },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    })
    let serverUp = true
    const context = await browser.newContext({ viewport: SMALL })
    try {
      const address = server.httpServer.address()
      if (!address || typeof address === 'string') throw new Error('vite preview started without a TCP address')
      const origin = `http://127.0.0.1:${address.port}`
      // Automated browsers skip the service worker unless asked (src/serviceWorker.ts).
      await context.addInitScript(() => localStorage.setItem('terawatt.sw', '1'))
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${origin}/?t=2030-01-01T00:00:00Z&warp=0&sats=200&quality=low`, { timeout: WAIT_MS })
      await waitForAsync(page, 'the service worker active, every listed file cached', async () => {
        const reg = await navigator.serviceWorker.getRegistration()
        // Activated (not still activating) and controlling this page: "loaded once" is then true.
        if (reg?.active?.state !== 'activated' || !navigator.serviceWorker.controller) return false
        const list = (await (await fetch('precache.json')).json()) as { version: string; files: string[] }
        const cache = await caches.open(`terawatt-${list.version}`)
        return (await cache.keys()).length >= list.files.length
      })
      await server.close()
      serverUp = false
      const refused = await fetch(`${origin}/`).then(
        () => false,
        () => true,
      )
      expect(refused, 'the server is gone: a request from the test is refused').toBe(true)
      await page.reload({ timeout: WAIT_MS })
      const viaWorker = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).workerStart)
      expect(viaWorker, 'the reload went through the service worker (the server is gone: its cache answered)').toBeGreaterThan(0)
      await waitFor(page, 'the app booted again with the network gone', () => !!window.__terawatt && !!window.__terawattGl)
      await waitFor(page, 'the Earth and Moon textures from the cache', () => {
        const s = window.__terawattGl?.scene
        return !!s?.getObjectByName('earth-surface') && !!s.getObjectByName('moon-surface')
      })
      await waitFor(page, 'a worker snapshot offline', () => window.__terawatt.useSim.getState().snapshot !== null)
      expect(litFraction(await shot(page, 'present-offline'), 30)).toBeGreaterThan(0.02)
      expect(errors).toEqual([])
    } finally {
      await context.close().catch(() => {})
      if (serverUp) await server.close()
    }
  })

  it('stage type: nothing under 14 px at 1×, and everything twice as large at scale=2', async () => {
    const smallest = (page: Page) =>
      page.evaluate(() => {
        let min = Infinity
        let where = ''
        for (const el of document.querySelectorAll('.overlay *')) {
          const hasText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '')
          if (!hasText || !(el as HTMLElement).offsetParent) continue
          const px = Number.parseFloat(getComputedStyle(el).fontSize)
          if (px < min) {
            min = px
            where = `${el.tagName}.${el.className}`
          }
        }
        return { min, where, root: Number.parseFloat(getComputedStyle(document.documentElement).fontSize) }
      })
    const one = await openPage(browser, '/?t=2045-01-01T00:00:00Z&warp=0&sats=200&quality=low', SMALL)
    await settle(one.page, 2)
    await one.page.keyboard.press('?')
    const at1 = await smallest(one.page)
    expect(at1.root).toBe(14)
    expect(at1.min, `smallest text: ${at1.where}`).toBeGreaterThanOrEqual(14)
    await shot(one.page, 'present-scale-1')
    const two = await openPage(browser, '/?t=2045-01-01T00:00:00Z&warp=0&sats=200&quality=low&scale=2', SMALL)
    await settle(two.page, 2)
    const at2 = await smallest(two.page)
    expect(at2.root).toBe(28)
    expect(at2.min, `smallest text: ${at2.where}`).toBeGreaterThanOrEqual(28)
    await shot(two.page, 'present-scale-2')
    expect([...one.errors, ...two.errors]).toEqual([])
  })

  it('switching to the base while paused fills every value at once', async () => {
    const { page, errors } = await openPage(browser, '/?t=2045-01-01T00:00:00Z&warp=0&sats=300&quality=low', SMALL)
    await settle(page, 2)
    await page.keyboard.press('3')
    await waitFor(page, 'the base panel', () => !!document.querySelector('[data-testid="base-panel"]'))
    await waitFor(page, 'every base value filled while paused', () =>
      Array.from(document.querySelectorAll('[data-testid="base-panel"] dd')).every((d) => d.textContent !== '–'),
    )
    await waitFor(page, 'every mass-driver value filled while paused', () =>
      Array.from(document.querySelectorAll('[data-testid="mass-driver"] dd')).every((d) => d.textContent !== '–'),
    )
    expect(errors).toEqual([])
  })
})

import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { positionEqjExact, type ShellOrbit } from '../../src/sim/constellation/orbits'
import { constellationParams } from '../../src/sim/constellation/launches'
import { LaunchSchedule } from '../../src/sim/constellation/schedule'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { toIsoUtc } from '../../src/sim/time'
import type { LineSegments, Points, ShaderMaterial } from 'three'
import { cameraSettled, closeOpenPages, frames, launch, litFraction, noticeLog, openPage, satelliteOnScreen, sceneShot, settle, shot, waitFor } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterEach(closeOpenPages)
afterAll(async () => {
  await browser?.close()
})

const drawn = (page: Page) =>
  page.evaluate(() => {
    const o = window.__terawattGl!.scene.getObjectByName('constellation') as Points
    return { count: o.geometry.drawRange.count, visible: o.visible }
  })

/** Waits until the metrics panel and the drawn satellites agree (a snapshot for the drawn time arrived). */
const metricsAgree = (page: Page) =>
  waitFor(page, 'the metrics panel and the drawn constellation to show the same satellite count', () => {
    const o = window.__terawattGl!.scene.getObjectByName('constellation') as Points
    const text = document.querySelector('[data-testid=metric-satellites]')?.textContent ?? ''
    return Number(text.replace(/,/g, '')) === o.geometry.drawRange.count
  })

/** Waits until the worker has sent satellites deployed at the current time. */
const waitForSatellites = (page: Page) =>
  waitFor(page, 'a snapshot with satellites deployed', () => (window.__terawatt.useSim.getState().snapshot?.constellation?.satellites ?? 0) > 0)

describe('orbital compute constellation in real Chromium', () => {
  it('is visible, and its metrics are shown', async () => {
    const { page, errors } = await openPage(browser, '/?t=2028-06-01T12:00:00Z&play=0')
    await settle(page)
    await waitForSatellites(page)
    await metricsAgree(page)
    const on = await sceneShot(page, 'constellation-2028')
    await shot(page, 'constellation-2028-ui')
    const d = await drawn(page)
    expect(d.count).toBeGreaterThan(10000)
    // The story's yearly rows cover the horizon, one per year: 2026…2059, the last standing at its end, 1 January 2060
    // (34 rows); the charts draw them on demand (story.e2e).
    await waitFor(page, 'the yearly rows', () => window.__terawatt.useStory.getState().rows.length > 0)
    expect(await page.evaluate(() => window.__terawatt.useStory.getState().rows.map((r) => r.year))).toEqual(Array.from({ length: 34 }, (_, i) => 2026 + i))
    // The same view without the constellation: the satellites must account for many lit pixels.
    await page.evaluate(
      () => (((window.__terawattGl!.scene.getObjectByName('constellation') as Points).material as ShaderMaterial).uniforms.uOpacity.value = 0),
    )
    await frames(page, 3)
    const off = await sceneShot(page, 'constellation-2028-hidden')
    expect(litFraction(on, 60) - litFraction(off, 60)).toBeGreaterThan(0.005)
    expect(errors).toEqual([])
    await page.close()
  })

  it('scrubbing back removes satellites and forward brings them back', async () => {
    const { page } = await openPage(browser, '/?t=2029-03-01T00:00:00Z&play=0')
    await settle(page)
    await waitForSatellites(page)
    await metricsAgree(page)
    const late = await drawn(page)
    await page.evaluate(() => window.__terawatt.useClock.getState().seek(Date.UTC(2027, 0, 1)))
    await frames(page, 3)
    await metricsAgree(page)
    const early = await drawn(page)
    expect(early.count).toBeLessThan(late.count / 10)
    await page.evaluate(() => window.__terawatt.useClock.getState().seek(Date.UTC(2029, 2, 1)))
    await frames(page, 3)
    expect((await drawn(page)).count).toBe(late.count)
    await page.close()
  })

  it('the shader draws satellites where the CPU reference puts them (within 1 km, for decades)', async () => {
    const { page } = await openPage(browser, '/?sats=20000&t=2026-06-01T00:00:00Z&play=0')
    await settle(page)
    await waitFor(page, '20,000 satellites received', () => window.__terawatt.satellites.count >= 20000)
    const indices = [0, 1, 17, 333, 4096, 9999, 12345, 19999]
    const times = [Date.UTC(2026, 5, 1), Date.UTC(2029, 6, 4, 3, 2, 1), Date.UTC(2041, 10, 11, 11, 11), Date.UTC(2059, 11, 31, 23, 59)]
    const got = await page.evaluate(
      ({ indices, times }) => {
        const sats = window.__terawatt.satellites
        const el = indices.map((i) => Array.from(sats.elements.subarray(i * 4, i * 4 + 4)))
        return { shells: sats.shells, el, gpu: times.map((t) => window.__terawattGl!.readback(indices, t)) }
      },
      { indices, times },
    )
    const elements = new Float32Array(got.el.flat())
    const p = { x: 0, y: 0, z: 0 }
    let worst = 0
    times.forEach((t, ti) => {
      indices.forEach((_, k) => {
        positionEqjExact(elements, k, got.shells as ShellOrbit[], t, p)
        const g = got.gpu[ti][k]
        worst = Math.max(worst, Math.hypot(g[0] - p.x, g[1] - p.y, g[2] - p.z))
        expect(Math.hypot(g[0], g[1], g[2])).toBeGreaterThan(6378)
      })
    })
    console.log(`GPU vs CPU reference: worst ${(worst * 1000).toFixed(1)} m over ${indices.length * times.length} samples`)
    expect(worst).toBeLessThan(1)
    await page.close()
  })

  it('clicking a satellite opens its panel', async () => {
    const { page, errors } = await openPage(browser, '/?sats=2000&t=2030-01-01T00:00:00Z&play=0')
    await settle(page)
    await waitFor(page, '2,000 satellites received', () => window.__terawatt.satellites.count >= 2000)
    await frames(page, 5)
    await cameraSettled(page)
    const target = await satelliteOnScreen(page)
    expect(target).not.toBeNull()
    await page.mouse.click(target!.x, target!.y)
    await page.getByTestId('inspector').waitFor({ timeout: 20000 })
    const text = await page.getByTestId('inspector').textContent()
    expect(text).toContain('Compute satellite #')
    expect(text).toMatch(/Altitude\d+ km/)
    expect(text).toContain('Compute power')
    await shot(page, 'satellite-inspector')
    // Fly to it: the satellite model appears close up.
    await page.getByTestId('fly-to-satellite').click()
    await waitFor(
      page,
      'the satellite focused and its model in the scene',
      () => window.__terawatt.useUi.getState().focus === 'satellite' && !!window.__terawattGl!.scene.getObjectByName('satellite-model'),
    )
    await cameraSettled(page)
    const model = await page.evaluate(() => !!window.__terawattGl!.scene.getObjectByName('satellite-model'))
    expect(model).toBe(true)
    await sceneShot(page, 'satellite-close-up')
    expect(errors).toEqual([])
    await page.close()
  })

  it('a launch at low warp shows its notice and draws its ascent arc from the pad', async () => {
    const sched = new LaunchSchedule(constellationParams(defaultScenario()))
    sched.extendTo(Date.UTC(2028, 6, 1))
    const L = sched.launches.find((l) => l.tMs > Date.UTC(2028, 5, 1))!
    const start = toIsoUtc(L.tMs - 20000)
    const { page, errors } = await openPage(browser, `/?t=${start}&warp=60&play=1`)
    await settle(page)
    await waitFor(page, 'a launch notice', () => window.__terawatt.useUi.getState().noticeLog.some((n) => n.text.startsWith('Launch ')))
    await page.keyboard.press('Space') // pause to look at it
    await waitFor(page, 'the clock paused by Space', () => !window.__terawatt.useClock.getState().playing)
    await frames(page, 3)
    const notice = await noticeLog(page)
    expect(notice).toContain(`Launch ${L.index + 1} from`)
    const arcVertices = await page.evaluate(
      () => (window.__terawattGl!.scene.getObjectByName('launches')!.children[0] as LineSegments).geometry.drawRange.count,
    )
    expect(arcVertices).toBeGreaterThan(0)
    await shot(page, 'launch-notice')
    expect(errors).toEqual([])
    await page.close()
  })
})

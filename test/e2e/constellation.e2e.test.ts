import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { positionEqjExact, type ShellOrbit } from '../../src/sim/constellation/orbits'
import { constellationParams } from '../../src/sim/constellation/launches'
import { LaunchSchedule } from '../../src/sim/constellation/schedule'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { toIsoUtc } from '../../src/sim/time'
import { frames, launch, litFraction, noticeLog, openPage, sceneShot, settle, shot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const drawn = (page: Page) =>
  page.evaluate(() => {
    const o = (window as any).__terawattGl.scene.getObjectByName('constellation')
    return { count: o.geometry.drawRange.count as number, visible: o.visible as boolean }
  })

/** Waits until the metrics panel and the drawn satellites agree (a snapshot for the drawn time arrived). */
const metricsAgree = (page: Page) =>
  page.waitForFunction(() => {
    const o = (window as any).__terawattGl.scene.getObjectByName('constellation')
    const text = document.querySelector('[data-testid=metric-satellites]')?.textContent ?? ''
    return Number(text.replace(/,/g, '')) === o.geometry.drawRange.count
  }, null, { timeout: 30000 })

/** Waits until the worker has sent satellites deployed at the current time. */
const waitForSatellites = (page: Page) =>
  page.waitForFunction(() => (window as any).__terawatt.useSim.getState().snapshot?.constellation?.satellites > 0, null, { timeout: 30000 })

describe('orbital compute constellation in real Chromium', () => {
  it('is visible, and its metrics are shown', async () => {
    const { page, errors } = await openPage(browser, '/?t=2028-06-01T12:00:00Z&play=0')
    await settle(page, 500)
    await waitForSatellites(page)
    await metricsAgree(page)
    const on = await sceneShot(page, 'constellation-2028')
    await shot(page, 'constellation-2028-ui')
    const d = await drawn(page)
    expect(d.count).toBeGreaterThan(10000)
    // The growth chart plots the horizon month by month (2026–2060: 409 points).
    const chartPoints = await page.locator('[data-testid=growth-chart] polyline').getAttribute('points')
    expect(chartPoints!.trim().split(' ').length).toBe(409)
    // The same view without the constellation: the satellites must account for many lit pixels.
    await page.evaluate(() => ((window as any).__terawattGl.scene.getObjectByName('constellation').material.uniforms.uOpacity.value = 0))
    await frames(page, 3)
    const off = await sceneShot(page, 'constellation-2028-hidden')
    expect(litFraction(on, 60) - litFraction(off, 60)).toBeGreaterThan(0.005)
    expect(errors).toEqual([])
    await page.close()
  })

  it('scrubbing back removes satellites and forward brings them back', async () => {
    const { page } = await openPage(browser, '/?t=2029-03-01T00:00:00Z&play=0')
    await settle(page, 300)
    await waitForSatellites(page)
    await metricsAgree(page)
    const late = await drawn(page)
    await page.evaluate(() => (window as any).__terawatt.useClock.getState().seek(Date.UTC(2027, 0, 1)))
    await frames(page, 3)
    await metricsAgree(page)
    const early = await drawn(page)
    expect(early.count).toBeLessThan(late.count / 10)
    await page.evaluate(() => (window as any).__terawatt.useClock.getState().seek(Date.UTC(2029, 2, 1)))
    await frames(page, 3)
    expect((await drawn(page)).count).toBe(late.count)
    await page.close()
  })

  it('the shader draws satellites where the CPU reference puts them (within 1 km, for decades)', async () => {
    const { page } = await openPage(browser, '/?sats=20000&t=2026-06-01T00:00:00Z&play=0')
    await settle(page, 300)
    await page.waitForFunction(() => (window as any).__terawatt.satellites.count >= 20000, null, { timeout: 30000 })
    const indices = [0, 1, 17, 333, 4096, 9999, 12345, 19999]
    const times = [Date.UTC(2026, 5, 1), Date.UTC(2029, 6, 4, 3, 2, 1), Date.UTC(2041, 10, 11, 11, 11), Date.UTC(2059, 11, 31, 23, 59)]
    const got = await page.evaluate(
      ({ indices, times }) => {
        const w = window as any
        const sats = w.__terawatt.satellites
        const el = indices.map((i: number) => Array.from(sats.elements.subarray(i * 4, i * 4 + 4)))
        return { shells: sats.shells, el, gpu: times.map((t: number) => w.__terawattGl.readback(indices, t)) }
      },
      { indices, times },
    )
    const elements = new Float32Array(got.el.flat() as number[])
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
    await settle(page, 300)
    await page.waitForFunction(() => (window as any).__terawatt.satellites.count >= 2000, null, { timeout: 30000 })
    await page.waitForTimeout(1500)
    // Find a satellite in front of the Earth and on screen, from what the GPU computes.
    const target = await page.evaluate(() => {
      const w = window as any
      const { camera } = w.__terawattGl
      const V = camera.position.constructor
      const t = w.__terawatt.simTime.tMs
      const idx = Array.from({ length: 400 }, (_, i) => i * 5)
      const pos = w.__terawattGl.readback(idx, t)
      for (let k = 0; k < idx.length; k++) {
        const [x, y, z] = pos[k]
        const s = new V(x, z, -y)
        // Skip satellites the Earth hides: the segment camera → satellite must miss the sphere.
        const c = camera.position, d = s.clone().sub(c), len = d.length()
        d.normalize()
        const b = c.dot(d), disc = b * b - (c.lengthSq() - 6378.137 ** 2)
        if (disc > 0 && -b - Math.sqrt(disc) < len) continue
        const v = s.clone().project(camera)
        const px = (v.x * 0.5 + 0.5) * innerWidth, py = (-v.y * 0.5 + 0.5) * innerHeight
        if (px > 320 && px < innerWidth - 340 && py > 90 && py < innerHeight - 120) return { index: idx[k], x: px, y: py }
      }
      return null
    })
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
    await page.waitForTimeout(3500)
    const model = await page.evaluate(() => !!(window as any).__terawattGl.scene.getObjectByName('satellite-model'))
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
    await settle(page, 300)
    await page.waitForFunction(() => (window as any).__terawatt.useUi.getState().noticeLog.some((n: any) => n.text.startsWith('Launch ')), null, { timeout: 60000 })
    await page.keyboard.press('Space') // pause to look at it
    await page.waitForTimeout(500)
    const notice = await noticeLog(page)
    expect(notice).toContain(`Launch ${L.index + 1} from`)
    const arcVertices = await page.evaluate(() => (window as any).__terawattGl.scene.getObjectByName('launches').children[0].geometry.drawRange.count)
    expect(arcVertices).toBeGreaterThan(0)
    await shot(page, 'launch-notice')
    expect(errors).toEqual([])
    await page.close()
  })
})

import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { InstancedMesh } from 'three'
import {
  atPointOfInterest,
  cameraSettled,
  closeOpenPages,
  frames,
  instanceScreen,
  launch,
  litFraction,
  openPage,
  sceneShot,
  shot,
  simTimeAtLeast,
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

const drawCalls = (page: Page) => page.evaluate(() => window.__terawattGl!.gl.info.render.calls)
const sunAzimuthDeg = (page: Page) => page.evaluate(() => (window.__terawattBase!.site.sunAzimuth * 180) / Math.PI)

describe('Moon Base Alpha in real Chromium', () => {
  it('is drawn from the overview with its terrain and structures, within 200 draw calls', async () => {
    const { page, errors } = await openPage(browser, '/?focus=base&t=2040-01-08T00:00:00Z&play=0')
    await waitForBase(page)
    await cameraSettled(page)
    const png = await sceneShot(page, 'base-overview')
    await shot(page, 'base-overview-ui')
    expect(litFraction(png, 20)).toBeGreaterThan(0.05)
    const calls = await drawCalls(page)
    expect(calls).toBeGreaterThan(5)
    expect(calls).toBeLessThan(200)
    await expect.poll(() => page.getByTestId('base-population').textContent()).not.toBe('–')
    expect(errors).toEqual([])
    await page.close()
  })

  it('from the surface at two Sun azimuths two weeks apart', async () => {
    const azimuths: number[] = []
    for (const [date, name] of [
      ['2040-01-01', 'base-surface-jan01'],
      ['2040-01-15', 'base-surface-jan15'],
    ]) {
      const { page, errors } = await openPage(browser, `/?focus=base&t=${date}T00:00:00Z&play=0`)
      await waitForBase(page)
      await page.getByTestId('base-poi-habitat').click()
      await atPointOfInterest(page)
      const png = await sceneShot(page, name)
      expect(litFraction(png, 20)).toBeGreaterThan(0.02)
      azimuths.push(await sunAzimuthDeg(page))
      // The eye is near the ground (explore mode).
      const h = await page.evaluate(() => window.__terawattBase!.explorer.alt)
      expect(h).toBeLessThan(50)
      expect(errors).toEqual([])
      await page.close()
    }
    const diff = Math.abs(((azimuths[1] - azimuths[0] + 540) % 360) - 180)
    expect(diff).toBeGreaterThan(90)
  })

  it('clicking a structure opens its panel with sources', async () => {
    const { page, errors } = await openPage(browser, '/?focus=base&t=2040-01-08T00:00:00Z&play=0')
    await waitForBase(page)
    await page.getByTestId('base-poi-habitat').click()
    await atPointOfInterest(page)
    const p = await instanceScreen(page, 'base-habitat', 0, 5)
    expect(p.z).toBeLessThan(1)
    await page.mouse.click(p.x, p.y)
    const panel = page.getByTestId('base-structure')
    await expect.poll(() => panel.isVisible(), { timeout: 60000, message: 'the structure panel to open after the click' }).toBe(true)
    const text = await panel.textContent()
    expect(text).toContain('Habitat')
    expect(text).toContain('ISS')
    await shot(page, 'base-structure-panel')
    expect(errors).toEqual([])
    await page.close()
  })

  it('explore mode moves the camera and keeps it above the ground on a slope', async () => {
    const { page, errors } = await openPage(browser, '/?focus=base&t=2040-01-08T00:00:00Z&play=0')
    await waitForBase(page)
    await page.keyboard.press('e')
    await waitFor(page, 'explore mode after pressing E', () => window.__terawattBase!.useBase.getState().exploring)
    // Stand on Shackleton's rim facing into the crater, then run down its wall.
    await page.getByTestId('base-poi-shackleton').click()
    await waitFor(page, "the jump to Shackleton's rim", () => window.__terawattBase!.useBase.getState().jump?.id === 'shackleton')
    await frames(page, 5)
    // Step forward onto the wall itself (the jump stands back from the rim).
    await page.evaluate(() => {
      const e = window.__terawattBase!.explorer
      e.x += Math.sin(e.yaw) * 500
      e.z -= Math.cos(e.yaw) * 500
    })
    await frames(page, 5)
    const before = await page.evaluate(() => ({ ...window.__terawattBase!.explorer }))
    // Watch the eye's height above the drawn ground every frame while moving (state kept on a
    // window property of this test's own, not one of the app's handles).
    await page.evaluate(() => {
      const watch = { minClearance: Infinity, on: true }
      Object.assign(window, { __clearanceWatch: watch })
      const tick = () => {
        const b = window.__terawattBase!
        const c = b.baseView.cameraLocalM
        watch.minClearance = Math.min(watch.minClearance, c.y - b.groundM(c.x / 1000, -c.z / 1000))
        if (watch.on) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    // Run forward until the eye has covered 60 m: distance depends on frame time (each frame's
    // step is clamped), so wait on the distance itself, not on a wall-clock duration.
    await page.keyboard.down('Shift')
    await page.keyboard.down('w')
    await waitFor(
      page,
      'the explorer to run 60 m',
      (b) => Math.hypot(window.__terawattBase!.explorer.x - b.x, window.__terawattBase!.explorer.z - b.z) > 60,
      before,
    )
    await page.keyboard.up('w')
    await page.keyboard.up('Shift')
    // Try to sink below the ground: hold F until the eye is down at walking height, for 10 more frames.
    await page.keyboard.down('f')
    await waitFor(page, 'the eye sunk to walking height (1.7 m)', () => window.__terawattBase!.explorer.alt <= 1.7001)
    await frames(page, 10)
    await page.keyboard.up('f')
    await frames(page, 3)
    const after = await page.evaluate(() => {
      const watch = (window as Window & { __clearanceWatch?: { minClearance: number; on: boolean } }).__clearanceWatch!
      watch.on = false
      return { ...window.__terawattBase!.explorer, minClearance: watch.minClearance }
    })
    expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeGreaterThan(60)
    expect(Math.abs(after.groundM - before.groundM)).toBeGreaterThan(1) // it went down a slope
    expect(after.minClearance).toBeGreaterThanOrEqual(1.69)
    await sceneShot(page, 'base-explore-slope')
    // Leaving explore mode hands the camera back to the orbit controls.
    await page.keyboard.press('e')
    await waitFor(page, 'explore mode off after pressing E again', () => !window.__terawattBase!.useBase.getState().exploring)
    expect(errors).toEqual([])
    await page.close()
  })

  it('a Starship cargo landing: the ship descends onto its pad with its plume lit, and a notice at touchdown', async () => {
    // The first landing after 10 Jan 2040 in the default scenario, 12 s before touchdown (~36 m up).
    const { landingTimesBetween } = await import('../../src/sim/base/landings')
    const { defaultScenario } = await import('../../src/sim/scenario/validate')
    const landing = landingTimesBetween(defaultScenario(), Date.UTC(2040, 0, 10), Date.UTC(2040, 1, 10))[0]
    const tMs = Math.floor((landing.tMs - 12000) / 1000) * 1000
    const { page, errors } = await openPage(browser, `/?focus=base&t=${new Date(tMs).toISOString().replace('.000Z', 'Z')}&play=0`)
    await waitForBase(page)
    await page.getByTestId('base-poi-landingPad').click()
    await atPointOfInterest(page)
    await waitFor(page, 'the landings drawn at the base', () => !!window.__terawattLandings)
    const ships = await page.evaluate(() => window.__terawattLandings!.ships.map((s) => ({ ...s })))
    expect(ships.length).toBe(1)
    expect(ships[0].index).toBe(landing.index)
    expect(ships[0].pad).toBe(landing.pad)
    expect(ships[0].altitudeM).toBeGreaterThan(20)
    expect(ships[0].altitudeM).toBeLessThan(60)
    expect(ships[0].thrust).toBe(1)
    expect(await page.evaluate(() => (window.__terawattGl!.scene.getObjectByName('base-starship') as InstancedMesh).count)).toBe(1)
    expect(await page.evaluate(() => (window.__terawattGl!.scene.getObjectByName('base-starship-plume') as InstancedMesh).count)).toBe(1)
    // The hull (25 m up the ship) and the plume under it (8 m below its feet) are on screen and lit.
    const hull = await instanceScreen(page, 'base-starship', 0, 25)
    const plume = await instanceScreen(page, 'base-starship', 0, -8)
    const png = await sceneShot(page, 'base-landing-descent')
    for (const p of [hull, plume]) {
      expect(p.z).toBeLessThan(1)
      expect(p.x).toBeGreaterThan(20)
      expect(p.x).toBeLessThan(png.width - 20)
      expect(p.y).toBeGreaterThan(20)
      expect(p.y).toBeLessThan(png.height - 20)
      expect(litFraction(png, 30, { x: Math.round(p.x) - 6, y: Math.round(p.y) - 6, w: 12, h: 12 })).toBeGreaterThan(0.5)
    }
    // Run the clock through touchdown: the ship stands on its pad, engine off, and a notice says so.
    await page.evaluate(() => {
      const c = window.__terawatt.useClock.getState()
      c.setWarp(10)
      c.play()
    })
    // Sim time, not wall time: run until 10 s past touchdown, then pause and let the scene draw it.
    await simTimeAtLeast(page, landing.tMs + 10000, 'the clock to run 10 s past touchdown')
    await page.evaluate(() => window.__terawatt.useClock.getState().pause())
    await frames(page, 5)
    const notice = `Starship cargo landing ${landing.index + 1} on pad ${landing.pad + 1}`
    await waitFor(page, `the notice "${notice}"`, (t) => window.__terawatt.useUi.getState().noticeLog.some((n) => n.text.includes(t)), notice)
    const after = await page.evaluate(() => ({ ...window.__terawattLandings!.ships[0] }))
    expect(after.altitudeM).toBe(0)
    expect(after.thrust).toBe(0)
    await sceneShot(page, 'base-landing-on-pad')
    expect(errors).toEqual([])
    await page.close()
  })
})

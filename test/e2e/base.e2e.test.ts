import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, litFraction, openPage, sceneShot, settle, shot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** Waits for the base's terrain and structures, then a few frames. */
async function waitForBase(page: Page, ms = 2500): Promise<void> {
  await settle(page, 300)
  await page.waitForFunction(() => {
    const s = (window as any).__terawattGl.scene
    return s.getObjectByName('base-terrain') && s.getObjectByName('base-habitat')?.count > 0
  }, null, { timeout: 60000 })
  await page.waitForTimeout(ms)
}

const drawCalls = (page: Page) => page.evaluate(() => (window as any).__terawattGl.gl.info.render.calls as number)
const sunAzimuthDeg = (page: Page) => page.evaluate(() => ((window as any).__terawattBase.site.sunAzimuth * 180) / Math.PI)

/** Screen position (px) of a structure instance: its instance matrix, metres up from its base. */
const instanceScreen = (page: Page, name: string, index: number, upM: number) =>
  page.evaluate(
    ({ name, index, upM }) => {
      const { scene, camera, gl } = (window as any).__terawattGl
      const mesh = scene.getObjectByName(name)
      const M = mesh.matrixWorld.constructor
      const m = new M()
      mesh.getMatrixAt(index, m)
      const p = camera.position.clone().set(0, upM, 0).applyMatrix4(m).applyMatrix4(mesh.matrixWorld).project(camera)
      const r = gl.domElement.getBoundingClientRect()
      return { x: r.left + ((p.x + 1) / 2) * r.width, y: r.top + ((1 - p.y) / 2) * r.height, z: p.z }
    },
    { name, index, upM },
  )

describe('Moon Base Alpha in real Chromium', () => {
  it('is drawn from the overview with its terrain and structures, within 200 draw calls', async () => {
    const { page, errors } = await openPage(browser, '/?focus=base&t=2040-01-08T00:00:00Z&play=0')
    await waitForBase(page)
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
    for (const [date, name] of [['2040-01-01', 'base-surface-jan01'], ['2040-01-15', 'base-surface-jan15']]) {
      const { page, errors } = await openPage(browser, `/?focus=base&t=${date}T00:00:00Z&play=0`)
      await waitForBase(page, 500)
      await page.getByTestId('base-poi-habitat').click()
      await page.waitForTimeout(2500)
      const png = await sceneShot(page, name)
      expect(litFraction(png, 20)).toBeGreaterThan(0.02)
      azimuths.push(await sunAzimuthDeg(page))
      // The eye is near the ground (explore mode).
      const h = await page.evaluate(() => (window as any).__terawattBase.explorer.alt)
      expect(h).toBeLessThan(50)
      expect(errors).toEqual([])
      await page.close()
    }
    const diff = Math.abs(((azimuths[1] - azimuths[0] + 540) % 360) - 180)
    expect(diff).toBeGreaterThan(90)
  })

  it('clicking a structure opens its panel with sources', async () => {
    const { page, errors } = await openPage(browser, '/?focus=base&t=2040-01-08T00:00:00Z&play=0')
    await waitForBase(page, 500)
    await page.getByTestId('base-poi-habitat').click()
    await page.waitForTimeout(2000)
    const p = await instanceScreen(page, 'base-habitat', 0, 5)
    expect(p.z).toBeLessThan(1)
    await page.mouse.click(p.x, p.y)
    const panel = page.getByTestId('base-structure')
    await expect.poll(() => panel.isVisible(), { timeout: 10000 }).toBe(true)
    const text = await panel.textContent()
    expect(text).toContain('Habitat')
    expect(text).toContain('ISS')
    await shot(page, 'base-structure-panel')
    expect(errors).toEqual([])
    await page.close()
  })

  it('explore mode moves the camera and keeps it above the ground on a slope', async () => {
    const { page, errors } = await openPage(browser, '/?focus=base&t=2040-01-08T00:00:00Z&play=0')
    await waitForBase(page, 500)
    await page.keyboard.press('e')
    await page.waitForFunction(() => (window as any).__terawattBase.useBase.getState().exploring)
    // Stand on Shackleton's rim facing into the crater, then run down its wall.
    await page.getByTestId('base-poi-shackleton').click()
    await page.waitForTimeout(1000)
    // Step forward onto the wall itself (the jump stands back from the rim).
    await page.evaluate(() => {
      const e = (window as any).__terawattBase.explorer
      e.x += Math.sin(e.yaw) * 500
      e.z -= Math.cos(e.yaw) * 500
    })
    await page.waitForTimeout(1000)
    const before = await page.evaluate(() => ({ ...(window as any).__terawattBase.explorer }))
    // Watch the eye's height above the drawn ground every frame while moving.
    await page.evaluate(() => {
      const w = window as any
      w.__minClearance = Infinity
      const tick = () => {
        const b = w.__terawattBase
        const c = b.baseView.cameraLocalM
        w.__minClearance = Math.min(w.__minClearance, c.y - b.groundM(c.x / 1000, -c.z / 1000))
        if (w.__watch) requestAnimationFrame(tick)
      }
      w.__watch = true
      requestAnimationFrame(tick)
    })
    await page.keyboard.down('Shift')
    await page.keyboard.down('w')
    await page.waitForTimeout(3000)
    await page.keyboard.up('w')
    await page.keyboard.up('Shift')
    await page.keyboard.down('f') // try to sink below the ground
    await page.waitForTimeout(1000)
    await page.keyboard.up('f')
    await page.waitForTimeout(300)
    const after = await page.evaluate(() => {
      const w = window as any
      w.__watch = false
      return { ...w.__terawattBase.explorer, minClearance: w.__minClearance }
    })
    expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeGreaterThan(20)
    expect(Math.abs(after.groundM - before.groundM)).toBeGreaterThan(1) // it went down a slope
    expect(after.minClearance).toBeGreaterThanOrEqual(1.69)
    await sceneShot(page, 'base-explore-slope')
    // Leaving explore mode hands the camera back to the orbit controls.
    await page.keyboard.press('e')
    expect(await page.evaluate(() => (window as any).__terawattBase.useBase.getState().exploring)).toBe(false)
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
    await waitForBase(page, 500)
    await page.getByTestId('base-poi-landingPad').click()
    await page.waitForTimeout(2500)
    const ships = await page.evaluate(() => (window as any).__terawattLandings.ships.map((s: object) => ({ ...s })))
    expect(ships.length).toBe(1)
    expect(ships[0].index).toBe(landing.index)
    expect(ships[0].pad).toBe(landing.pad)
    expect(ships[0].altitudeM).toBeGreaterThan(20)
    expect(ships[0].altitudeM).toBeLessThan(60)
    expect(ships[0].thrust).toBe(1)
    expect(await page.evaluate(() => (window as any).__terawattGl.scene.getObjectByName('base-starship').count)).toBe(1)
    expect(await page.evaluate(() => (window as any).__terawattGl.scene.getObjectByName('base-starship-plume').count)).toBe(1)
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
      const c = (window as any).__terawatt.useClock.getState()
      c.setWarp(10)
      c.play()
    })
    await expect
      .poll(() => page.evaluate(() => (window as any).__terawatt.useUi.getState().noticeLog.map((n: { text: string }) => n.text).join(' | ')), { timeout: 30000 })
      .toContain(`Starship cargo landing ${landing.index + 1} on pad ${landing.pad + 1}`)
    await page.waitForTimeout(1000)
    await page.evaluate(() => (window as any).__terawatt.useClock.getState().pause())
    await page.waitForTimeout(1500)
    const after = await page.evaluate(() => ({ ...(window as any).__terawattLandings.ships[0] }))
    expect(after.altitudeM).toBe(0)
    expect(after.thrust).toBe(0)
    await sceneShot(page, 'base-landing-on-pad')
    expect(errors).toEqual([])
    await page.close()
  })
})

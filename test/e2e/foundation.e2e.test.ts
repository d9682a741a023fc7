import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cameraSettled, closeOpenPages, frames, launch, litFraction, noticeLog, openPage, ORIGIN, sceneShot, settle, shot, WAIT_MS, waitFor } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterEach(closeOpenPages)
afterAll(async () => {
  await browser?.close()
})

const state = (page: Page) =>
  page.evaluate(() => {
    const w = window.__terawatt
    return { tMs: w.simTime.tMs, warp: w.useClock.getState().warp, playing: w.useClock.getState().playing, focus: w.useUi.getState().focus }
  })

describe('foundation in real Chromium', () => {
  it('loads, draws a lit Earth, logs no errors and requests nothing off localhost', async () => {
    const { page, errors, requests } = await openPage(browser, '/?t=2030-06-21T12:00:00Z&play=0')
    await settle(page)
    await cameraSettled(page)
    const png = await sceneShot(page, 'earth-view')
    await shot(page, 'earth-view-ui')
    expect(litFraction(png)).toBeGreaterThan(0.05)
    expect(errors).toEqual([])
    const offsite = requests.filter((u) => !u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:'))
    expect(offsite).toEqual([])
    // The textures and the star catalogue really came from the app.
    expect(requests.some((u) => u.endsWith('/textures/earth_day.jpg'))).toBe(true)
    expect(requests.some((u) => u.endsWith('/data/stars.bin'))).toBe(true)
    await page.close()
  })

  it('draws the Moon when it is focused', async () => {
    const { page, errors } = await openPage(browser, '/?t=2030-06-28T12:00:00Z&focus=moon&play=0')
    await settle(page)
    await cameraSettled(page)
    const png = await sceneShot(page, 'moon-view')
    expect(litFraction(png, 30)).toBeGreaterThan(0.03)
    expect(errors).toEqual([])
    await page.close()
  })

  it('Space toggles play and the clock advances', async () => {
    const { page } = await openPage(browser, '/?t=2030-01-01T00:00:00Z&warp=3600&play=0')
    await settle(page)
    const before = await state(page)
    expect(before.playing).toBe(false)
    await frames(page, 10) // paused: ten frames later the clock has not moved
    expect((await state(page)).tMs).toBe(before.tMs)
    await page.keyboard.press('Space')
    expect((await state(page)).playing).toBe(true)
    // At 3600× the clock gains 20 simulated minutes in about a third of a second of real time.
    await waitFor(page, 'the clock to gain 20 simulated minutes while playing', (t0) => window.__terawatt.simTime.tMs > t0 + 20 * 60 * 1000, before.tMs)
    const after = await state(page)
    expect(after.playing).toBe(true)
    await page.keyboard.press('Space')
    const paused = await state(page)
    await frames(page, 10)
    expect((await state(page)).tMs).toBe(paused.tMs)
    const hudDate = await page.getByTestId('utc-date').textContent()
    expect(hudDate).toBe(new Date(paused.tMs).toISOString().slice(0, 10))
    await page.close()
  })

  it('a deep link restores time, warp and focus, and the URL follows changes', async () => {
    const { page, errors } = await openPage(browser, '/?t=2031-03-04T05:06:07Z&warp=-600&focus=moon&play=0')
    await settle(page)
    const s = await state(page)
    expect(s.tMs).toBe(Date.UTC(2031, 2, 4, 5, 6, 7))
    expect(s.warp).toBe(-600)
    expect(s.focus).toBe('moon')
    expect(await page.getByTestId('utc-time').textContent()).toBe('05:06:07 UTC')
    await page.keyboard.press('1') // focus Earth
    await page.keyboard.press(']') // faster
    // The URL follows the state (written when the state changes): wait for it, then check it all.
    await waitFor(page, 'the URL to show focus=earth and warp=-3600', () => {
      const q = new URL(location.href).searchParams
      return q.get('focus') === 'earth' && q.get('warp') === '-3600'
    })
    const url = new URL(page.url())
    expect(url.searchParams.get('focus')).toBe('earth')
    expect(Number(url.searchParams.get('warp'))).toBe(-3600)
    expect(url.searchParams.get('t')).toBe('2031-03-04T05:06:07Z')
    expect(errors).toEqual([])
    await page.close()
  })

  it("the README's example link plays, and at the end of the horizon the clock stops with a notice", async () => {
    const { page, errors } = await openPage(browser, '/?t=2029-03-01T12:00:00Z&warp=60')
    await settle(page, 2)
    expect((await state(page)).playing).toBe(true)
    await page.close()
    // A minute of sim time before the end at 600×: the clock reaches the end and stops, saying so.
    const end = await openPage(browser, '/?t=2059-12-31T23:59:00Z&warp=600')
    await waitFor(end.page, 'the clock stopped at the end of the horizon', () => !window.__terawatt.useClock.getState().playing)
    expect(await noticeLog(end.page)).toContain('end of the scenario horizon')
    const at = (await state(end.page)).tMs
    expect(at).toBe(Date.UTC(2060, 0, 1))
    // Space there does not jump back to 2026: the clock stays at the end, paused.
    await end.page.keyboard.press('Space')
    await frames(end.page, 3)
    expect(await state(end.page)).toMatchObject({ tMs: at, playing: false })
    expect(errors).toEqual([])
    expect(end.errors).toEqual([])
  })

  it('a malformed link shows a notice and falls back to defaults without crashing', async () => {
    const { page, errors } = await openPage(browser, '/?t=2030-02-31T00:00:00Z&warp=fast&focus=mars')
    await settle(page)
    const notices = await noticeLog(page)
    expect(notices).toContain('t="2030-02-31T00:00:00Z" is not an ISO UTC time')
    expect(notices).toContain('warp="fast"')
    expect(notices).toContain('focus="mars"')
    const s = await state(page)
    expect(s.focus).toBe('earth')
    expect(s.warp).toBe(1)
    expect(Math.abs(s.tMs - Date.now())).toBeLessThan(60000)
    const out = await openPage(browser, '/?t=1999-01-01T00:00:00Z')
    await settle(out.page)
    expect(await noticeLog(out.page)).toContain('outside the scenario horizon')
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
    await out.page.close()
    await page.close()
  })

  it('zooming out from Earth frames the whole Earth–Moon system with both bodies drawn', async () => {
    const { page, errors } = await openPage(browser, '/?t=2030-06-28T12:00:00Z&play=0')
    await settle(page)
    // Pull the camera back to 1.2 million km along its current direction, and find where both bodies land on screen.
    await page.evaluate(() => {
      const { camera } = window.__terawattGl!
      const m = window.__terawatt.frame.moon
      const V = camera.position.clone()
      // Look from 1.2 million km, square to the Earth–Moon line, so both bodies are separated on screen.
      const moonDir = V.clone().set(m.x, m.z, -m.y).normalize()
      camera.position.copy(V.set(0, 1, 0).cross(moonDir).normalize().multiplyScalar(1.2e6))
    })
    // The camera rig and the far-away level of detail take a few frames to follow.
    await frames(page, 10)
    await cameraSettled(page)
    const pos = await page.evaluate(() => {
      const { camera } = window.__terawattGl!
      const m = window.__terawatt.frame.moon
      const project = (x: number, y: number, z: number) => {
        const v = camera.position.clone().set(x, y, z).project(camera)
        return { x: Math.round((v.x * 0.5 + 0.5) * innerWidth), y: Math.round((-v.y * 0.5 + 0.5) * innerHeight), z: v.z }
      }
      return { earth: project(0, 0, 0), moon: project(m.x, m.z, -m.y), dist: camera.position.length() }
    })
    expect(pos.dist).toBeGreaterThan(1e6)
    const png = await sceneShot(page, 'earth-moon-system')
    for (const p of [pos.earth, pos.moon]) {
      expect(p.x).toBeGreaterThan(5)
      expect(p.x).toBeLessThan(1275)
      const region = { x: Math.max(0, p.x - 6), y: Math.max(0, p.y - 6), w: 13, h: 13 }
      expect(litFraction(png, 25, region), JSON.stringify(p)).toBeGreaterThan(0.05)
    }
    expect(errors).toEqual([])
    await page.close()
  })

  it('a crashed worker is restarted with a notice and the simulation continues', async () => {
    const { page, errors } = await openPage(browser, '/?t=2030-01-01T00:00:00Z&warp=86400&play=1')
    await settle(page)
    await page.evaluate(() => window.__terawatt.crashWorkerForTest())
    await waitFor(page, 'the restarted worker to be ready', () => window.__terawatt.useSim.getState().ready === true)
    const t0 = await page.evaluate(() => window.__terawatt.useSim.getState().snapshot!.tMs)
    // The restarted worker answers again: snapshots for later times keep arriving.
    await waitFor(page, 'a snapshot from the restarted worker for a later time', (t) => window.__terawatt.useSim.getState().snapshot!.tMs > t, t0)
    expect(await noticeLog(page)).toContain('restarting it with your scenario')
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
    await page.close()
  })

  it('a bad scenario value is explained by field and range, and the scenario in force is kept', async () => {
    const { page } = await openPage(browser, '/?play=0')
    await settle(page)
    await page.keyboard.press('s')
    const input = page.locator('#p-horizon-endYear')
    await input.fill('-5')
    await input.press('Enter')
    const text = await page.getByTestId('scenario-errors').textContent({ timeout: WAIT_MS })
    expect(text).toContain('horizon.endYear')
    expect(text).toContain('between 2001 and 2200')
    const end = await page.evaluate(() => window.__terawatt.useScenario.getState().scenario.horizon.endYear)
    expect(end).toBe(2060)
    await shot(page, 'scenario-panel-error')
    await page.close()
  })
})

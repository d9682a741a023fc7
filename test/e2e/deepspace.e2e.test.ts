/** Deep space in real Chromium: shots in flight, the heliocentric swarm, the Kardashev gauge. */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Group, Material, Mesh } from 'three'
import { atPointOfInterest, closeOpenPages, frames, launch, litFraction, openPage, sceneShot, settle, shot, waitFor } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterEach(closeOpenPages)
afterAll(async () => {
  await browser?.close()
})

const drawn = (page: Page, name: string) =>
  page.evaluate((name) => {
    const o = window.__terawattGl!.scene.getObjectByName(name) as Mesh
    return { count: o.geometry.drawRange.count === Infinity ? -1 : o.geometry.drawRange.count, visible: o.visible }
  }, name)

/** Waits until the deep-space worker has caught up with the shown time. */
const caughtUp = (page: Page) =>
  waitFor(page, 'the deep-space worker caught up with the shown time', () => {
    const s = window.__terawattDeep?.useDeepSpace.getState().snapshot
    return !!s && !s.catchingUp && s.tMs === window.__terawatt.simTime.tMs
  })

const setMaterialVisible = (page: Page, names: string[], visible: boolean) =>
  page.evaluate(
    ({ names, visible }) => {
      for (const n of names) ((window.__terawattGl!.scene.getObjectByName(n) as Mesh).material as Material).visible = visible
    },
    { names, visible },
  )

describe('deep space in real Chromium', () => {
  it('shots in flight are drawn in an Earth–Moon view after launches begin', async () => {
    const { page, errors } = await openPage(browser, '/?t=2041-03-01T00:00:00Z&play=0&focus=earth')
    await settle(page)
    await caughtUp(page)
    // Pull back to frame the Earth–Moon system (the Moon at ~360,000 km).
    await page.evaluate(() => window.__terawattGl!.camera.position.setLength(2.4e6))
    await waitFor(
      page,
      'more than 1,000 payloads drawn',
      () => (window.__terawattGl!.scene.getObjectByName('deep-payloads') as Mesh).geometry.drawRange.count > 1000,
    )
    await frames(page, 4)
    const payloads = await drawn(page, 'deep-payloads')
    expect(payloads.visible).toBe(true)
    expect(payloads.count).toBeGreaterThan(1000)
    expect(payloads.count).toBeLessThanOrEqual(10000)
    expect((await drawn(page, 'deep-trajectories')).visible).toBe(true)
    const on = await sceneShot(page, 'deepspace-earth-moon')
    await shot(page, 'deepspace-earth-moon-ui')
    await setMaterialVisible(page, ['deep-payloads', 'deep-trajectories'], false)
    await frames(page, 3)
    const off = await sceneShot(page, 'deepspace-earth-moon-hidden')
    const diff = litFraction(on, 40) - litFraction(off, 40)
    console.log(`payloads drawn ${payloads.count}; lit pixels from shots ${(diff * 100).toFixed(3)} %`)
    expect(diff).toBeGreaterThan(0.002)
    // The panel shows the launches so far (it was re-mounted by the overlay toggle: give it frames).
    await frames(page, 3)
    const shots = await page.textContent('[data-testid=md-shots]')
    expect(Number(shots?.replace(/,/g, ''))).toBeGreaterThan(10000)
    expect(errors).toEqual([])
    await page.close()
  })

  it('from the base, the sled runs the track and payloads leave the muzzle', async () => {
    // 2046: the driver throws what the factories make (~11 shots an hour). Rather than run the clock
    // and hope a frame lands in a payload's first minute (under load a frame can span minutes of
    // sim time at 60×), seek to 1.5 s after a shot, from the worker's own launch windows: the sled
    // view spreads a window's shots evenly (shot j at start + (j + ½)·W / shots, Sled.tsx).
    const { page, errors } = await openPage(browser, '/?t=2046-01-08T00:00:00Z&warp=60&play=0&focus=base')
    await settle(page)
    await caughtUp(page)
    await waitFor(page, 'the mass driver drawn at the base', () => window.__terawattGl!.scene.getObjectByName('base-massDriver')?.visible)
    await page.click('[data-testid=base-poi-massDriver]')
    await atPointOfInterest(page)
    const shotMs = await page.evaluate(() => {
      const d = window.__terawattDeep.deepSpace,
        t = window.__terawatt.simTime.tMs,
        W = d.windowMs
      for (const w of d.windows) {
        if (w.shots <= 0 || w.startMs + W <= t) continue
        for (let j = 0; j < w.shots; j++) {
          const s = w.startMs + ((j + 0.5) * W) / w.shots
          if (s > t) return s
        }
      }
      return null
    })
    expect(shotMs, 'a shot after the shown time in the windows the worker sent').not.toBeNull()
    await page.evaluate((t) => window.__terawatt.useClock.getState().seek(t), shotMs! + 1500)
    await caughtUp(page)
    await waitFor(page, 'the payload 1.5 s out of the muzzle drawn by the sled view', () => {
      const g = window.__terawattGl!.scene.getObjectByName('deep-sled') as Group | undefined
      return g?.visible && (g.children[1] as Mesh).geometry.drawRange.count > 0
    })
    await frames(page, 3)
    const pts = await page.evaluate(() => {
      const { scene, camera, gl } = window.__terawattGl!
      const g = scene.getObjectByName('deep-sled')!
      const pts = g.children[1] as Mesh
      const { start, count } = pts.geometry.drawRange
      const pos = pts.geometry.getAttribute('position')
      const r = gl.domElement.getBoundingClientRect()
      const out: { x: number; y: number }[] = []
      for (let i = start; i < start + count; i++) {
        const v = camera.position.clone().set(pos.getX(i), pos.getY(i), pos.getZ(i)).applyMatrix4(pts.matrixWorld).project(camera)
        if (Math.abs(v.x) < 1 && Math.abs(v.y) < 1 && v.z < 1) out.push({ x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height })
      }
      return out
    })
    expect(pts.length).toBeGreaterThan(0)
    const png = await sceneShot(page, 'deepspace-from-base')
    await shot(page, 'deepspace-from-base-ui')
    // A cyan payload dot (#7df9ff, 5 px) where the sled puts it.
    const cyanNear = (x: number, y: number) => {
      for (let dy = -3; dy <= 3; dy++)
        for (let dx = -3; dx <= 3; dx++) {
          const px = Math.round(x) + dx,
            py = Math.round(y) + dy
          if (px < 0 || py < 0 || px >= png.width || py >= png.height) continue
          const i = (py * png.width + px) * 4
          const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]]
          if (g > 150 && b > 150 && r < g - 40) return true
        }
      return false
    }
    expect(pts.some((p) => cyanNear(p.x, p.y))).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })

  it('the heliocentric view shows the swarm around the Sun', async () => {
    const { page, errors } = await openPage(browser, '/?t=2041-09-01T00:00:00Z&play=0&focus=sun')
    await settle(page)
    await caughtUp(page)
    await waitFor(
      page,
      'more than 100 swarm points drawn',
      () => (window.__terawattGl!.scene.getObjectByName('deep-swarm') as Mesh).geometry.drawRange.count > 100,
    )
    await frames(page, 4)
    const swarm = await drawn(page, 'deep-swarm')
    expect(swarm.visible).toBe(true)
    expect(swarm.count).toBeGreaterThan(100)
    expect(swarm.count).toBeLessThanOrEqual(10000)
    expect(await page.evaluate(() => window.__terawattGl!.scene.getObjectByName('planet-orbits')!.visible)).toBe(true)
    const on = await sceneShot(page, 'deepspace-heliocentric')
    await shot(page, 'deepspace-heliocentric-ui')
    await setMaterialVisible(page, ['deep-swarm'], false)
    await frames(page, 3)
    const off = await sceneShot(page, 'deepspace-heliocentric-hidden')
    const diff = litFraction(on, 30) - litFraction(off, 30)
    console.log(`swarm points drawn ${swarm.count}; lit pixels from the swarm ${(diff * 100).toFixed(3)} %`)
    expect(diff).toBeGreaterThan(0.0003)
    // Scrubbing back before the first shots empties the swarm, forward brings it back.
    await page.evaluate(() => window.__terawatt.useClock.getState().seek(Date.UTC(2039, 6, 1)))
    await frames(page, 3)
    expect((await drawn(page, 'deep-swarm')).count).toBe(0)
    await page.evaluate(() => window.__terawatt.useClock.getState().seek(Date.UTC(2041, 8, 1)))
    await frames(page, 3)
    expect((await drawn(page, 'deep-swarm')).count).toBe(swarm.count)
    expect(errors).toEqual([])
    await page.close()
  })

  it('the Kardashev gauge rises as time advances', async () => {
    const { page, errors } = await openPage(browser, '/?t=2040-06-01T00:00:00Z&play=0')
    await settle(page)
    await caughtUp(page)
    await frames(page, 3)
    const k1 = Number(await page.textContent('[data-testid=kardashev-k]'))
    // Far enough on for K's printed digits to change (the gauge prints the digits that change over the horizon).
    await page.evaluate(() => window.__terawatt.useClock.getState().seek(Date.UTC(2055, 5, 1)))
    // K comes from the story rows (posted once per scenario), not from the deep-space worker's catch-up.
    await frames(page, 3)
    const k2 = Number(await page.textContent('[data-testid=kardashev-k]'))
    console.log(`Kardashev K ${k1} → ${k2}`)
    expect(k1).toBeGreaterThanOrEqual(0.729)
    expect(k2).toBeGreaterThan(k1)
    expect(errors).toEqual([])
    await page.close()
  })
})

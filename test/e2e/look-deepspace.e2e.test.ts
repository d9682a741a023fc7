/**
 * The look of deep space in real Chromium: the heliocentric view with round, labelled planet
 * markers, the scale bar and the legend of trajectory outcomes; the Earth–Moon system framed by its
 * preset focus. Checks that could fail: planet markers are round (a square's corners would be lit),
 * labels never sit on a panel or on each other, the scale bar shows a length, the Earth–Moon
 * preset frames the Moon's orbit (camera ~1.1 million km out) with the Earth and the Moon named,
 * and the Moon's name hides while the Moon is behind the Earth (seen from beyond the Earth).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Points } from 'three'
import type { PNG } from 'pngjs'
import { cameraSettled, closeOpenPages, frames, launch, openPage, sceneShot, settle, shot, waitFor } from './browser'

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
const intersects = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

const rects = (page: Page) =>
  page.evaluate(() => {
    const rect = (el: Element, id: string) => {
      const r = el.getBoundingClientRect()
      return { id, x: r.left, y: r.top, w: r.width, h: r.height }
    }
    const labels = [...document.querySelectorAll('[data-testid^=deep-label-]')]
      .filter((el) => getComputedStyle(el).visibility === 'visible')
      .map((el) => rect(el, el.getAttribute('data-testid') ?? '?'))
    const panels = [...document.querySelectorAll('.overlay .panel, .overlay .corner-buttons')]
      .map((el) => rect(el, el.className))
      .filter((r) => r.w > 0 && r.h > 0)
    return { labels, panels }
  })

function expectNoCollisions(labels: Box[], panels: Box[]) {
  for (const l of labels) for (const p of panels) expect(intersects(l, p), `label ${l.id} over panel ${p.id}`).toBe(false)
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) expect(intersects(labels[i], labels[j]), `labels ${labels[i].id} and ${labels[j].id} overlap`).toBe(false)
}

const lum = (png: PNG, x: number, y: number) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4
  return 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2]
}

describe('the look of deep space', () => {
  it('round labelled planets, a scale bar and an outcome legend; the Earth–Moon system preset', async () => {
    const { page, errors } = await openPage(browser, '/?focus=sun&t=2046-01-01T00:00:00Z&play=0')
    await settle(page)
    await cameraSettled(page)
    await waitFor(page, 'the planet labels', () => document.querySelector('[data-testid=deep-label-mars]') !== null)
    await frames(page, 5)
    // Every planet marker on screen but the Earth's: bright at its centre, dark at the corners of its 10 px box.
    const markers = await page.evaluate(() => {
      const { scene, camera, gl } = window.__terawattGl!
      const pts = scene.getObjectByName('planet-markers') as Points
      const pos = pts.geometry.getAttribute('position')
      const r = gl.domElement.getBoundingClientRect()
      const out: { x: number; y: number }[] = []
      // Not the Earth (index 2): it sits in the cloud of payloads leaving it, which light its corners.
      for (let i = 0; i < pos.count; i++) {
        if (i === 2) continue
        const v = camera.position.clone().set(pos.getX(i), pos.getY(i), pos.getZ(i)).applyMatrix4(pts.matrixWorld).project(camera)
        if (Math.abs(v.x) < 0.95 && Math.abs(v.y) < 0.95 && v.z < 1) out.push({ x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height })
      }
      return out
    })
    expect(markers.length).toBeGreaterThanOrEqual(3)
    const png = await sceneShot(page, 'look-deepspace-heliocentric')
    let round = 0
    for (const m of markers) {
      const c = lum(png, m.x, m.y)
      const corners = [
        [-4, -4],
        [4, -4],
        [-4, 4],
        [4, 4],
      ].filter(([dx, dy]) => lum(png, m.x + dx, m.y + dy) < c * 0.5).length
      if (c > 40 && corners >= 3) round++
    }
    console.log(`planet markers on screen ${markers.length}, round ${round}`)
    expect(round).toBe(markers.length)
    await shot(page, 'look-deepspace-heliocentric-ui')
    const helio = await rects(page)
    expect(helio.labels.map((l) => l.id)).toContain('deep-label-earth')
    expectNoCollisions(helio.labels, helio.panels)
    // The key: a scale in AU and the five outcomes.
    const key = await page.evaluate(() => ({
      visible: getComputedStyle(document.querySelector('[data-testid=deep-key]')!).display !== 'none',
      scale: document.querySelector('[data-testid=deep-scale-label]')?.textContent ?? '',
      text: document.querySelector('[data-testid=deep-key]')?.textContent ?? '',
    }))
    expect(key.visible).toBe(true)
    expect(key.scale).toMatch(/AU$/)
    expect(key.text).toContain('Escaped')

    // The Earth–Moon system: one click on its preset.
    await page.getByRole('button', { name: 'Earth–Moon' }).click()
    await waitFor(page, 'the Earth–Moon focus', () => window.__terawatt.useUi.getState().focus === 'system')
    await cameraSettled(page)
    await frames(page, 5)
    const d = await page.evaluate(() => window.__terawattGl!.camera.position.length())
    expect(d).toBeGreaterThan(8e5)
    expect(d).toBeLessThan(1.5e6)
    await waitFor(page, 'the Earth and Moon labels', () =>
      ['deep-label-earth-local', 'deep-label-moon-local'].every(
        (id) => getComputedStyle(document.querySelector(`[data-testid=${id}]`)!).visibility === 'visible',
      ),
    )
    await sceneShot(page, 'look-deepspace-earth-moon')
    await shot(page, 'look-deepspace-earth-moon-ui')
    const local = await rects(page)
    expectNoCollisions(local.labels, local.panels)
    const scale = await page.evaluate(() => document.querySelector('[data-testid=deep-scale-label]')?.textContent ?? '')
    expect(scale).toMatch(/km$/)
    // The Moon behind the Earth: the eye 1.1 million km out on the far side of the Earth from the
    // Moon. The Moon's label hides (src/scene/labels/occlusion.ts); the Earth's stays.
    const behind = async (side: number) => {
      await page.evaluate((side) => {
        const { scene, camera } = window.__terawattGl!
        const earth = scene.getObjectByName('earth')!.getWorldPosition(camera.position.clone())
        const moon = scene.getObjectByName('moon')!.getWorldPosition(camera.position.clone())
        const dir = moon.clone().sub(earth).normalize()
        // side 0: straight behind the Earth; 1: 0.4 rad off that line (the Moon ~150,000 km clear of the disc, ~90 px aside).
        const off = dir.clone().set(-dir.z, 0, dir.x).normalize()
        camera.position.copy(earth).addScaledVector(
          dir
            .clone()
            .addScaledVector(off, side * 0.4)
            .normalize(),
          -1.1e6,
        )
        camera.lookAt(earth)
      }, side)
      await frames(page, 4)
      return page.evaluate(() =>
        ['earth-local', 'moon-local'].map((id) => getComputedStyle(document.querySelector(`[data-testid=deep-label-${id}]`)!).visibility),
      )
    }
    expect(await behind(0)).toEqual(['visible', 'hidden'])
    await sceneShot(page, 'look-deepspace-moon-behind-earth')
    expect(await behind(1)).toEqual(['visible', 'visible'])
    expect(errors).toEqual([])
    await page.close()
  })
})

/**
 * Shared helpers for end-to-end tests: Debian's Chromium through playwright-core with SwiftShader,
 * a page that records errors and every request, screenshots saved for people to look at, and a
 * lit-pixel measure of what the canvas shows.
 */
import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { PNG } from 'pngjs'

export const PORT = 4317
export const ORIGIN = `http://127.0.0.1:${PORT}`
export const SHOTS_DIR = 'test-results/e2e'

/** Console messages that are not ours and not problems: exact texts only. */
const ALLOWED_CONSOLE = ['THREE.Clock: This module has been deprecated. Please use THREE.Timer instead.']

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}

export interface Watched {
  page: Page
  errors: string[]
  requests: string[]
}

export async function openPage(browser: Browser, path: string, size = { width: 1280, height: 720 }): Promise<Watched> {
  const page = await browser.newPage({ viewport: size })
  const errors: string[] = []
  const requests: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !ALLOWED_CONSOLE.includes(m.text())) errors.push(`console.${m.type()}: ${m.text()}`)
  })
  page.on('request', (r) => requests.push(r.url()))
  await page.goto(ORIGIN + path)
  await page.waitForFunction(() => (window as any).__terawatt && (window as any).__terawattGl, null, { timeout: 60000 })
  return { page, errors, requests }
}

/** Waits until the worker has answered at least once and n frames have rendered. */
export async function settle(page: Page, ms = 2500): Promise<void> {
  await page.waitForFunction(() => (window as any).__terawatt.useSim.getState().snapshot !== null, null, { timeout: 60000 })
  await page.waitForTimeout(ms)
}

export async function shot(page: Page, name: string): Promise<PNG> {
  mkdirSync(SHOTS_DIR, { recursive: true })
  const buf = await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` })
  return PNG.sync.read(buf)
}

/** Fraction of pixels in a region whose luminance exceeds a threshold (0–255). */
export function litFraction(png: PNG, threshold = 40, region = { x: 0, y: 0, w: png.width, h: png.height }): number {
  let lit = 0
  for (let y = region.y; y < region.y + region.h; y++) {
    for (let x = region.x; x < region.x + region.w; x++) {
      const i = (y * png.width + x) * 4
      const l = 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2]
      if (l > threshold) lit++
    }
  }
  return lit / (region.w * region.h)
}

/** Screenshot with every overlay hidden, so only the 3D scene is measured. */
export async function sceneShot(page: Page, name: string): Promise<PNG> {
  await page.evaluate(() => (window as any).__terawatt.useUi.setState({ uiHidden: true }))
  await frames(page, 3)
  const png = await shot(page, name)
  await page.evaluate(() => (window as any).__terawatt.useUi.setState({ uiHidden: false }))
  return png
}

/** Every notice shown since the page loaded (they fade from the screen after a few seconds). */
export async function noticeLog(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).__terawatt.useUi.getState().noticeLog.map((n: { text: string }) => n.text).join(' | '))
}

/** Waits for n animation frames (the scene renders once per frame), however slow the machine is. */
export async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let k = 0
        const f = () => (++k >= n ? resolve() : requestAnimationFrame(f))
        requestAnimationFrame(f)
      }),
    n,
  )
}

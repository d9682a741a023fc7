/**
 * Shared helpers for end-to-end tests: Debian's Chromium through playwright-core with SwiftShader,
 * a page that records errors and every request, screenshots saved for people to look at, and a
 * lit-pixel measure of what the canvas shows.
 *
 * Tests wait on conditions (a snapshot arrived, frames rendered, sim time reached, the camera at
 * rest), never on wall-clock sleeps: under load a frame can take seconds. The page's handles are
 * typed by src/testHooks.ts (window.__terawatt, ...) and src/scene/SceneRoot.tsx (__terawattGl).
 */
import { mkdirSync } from 'node:fs'
import { launchChromium } from '../../bench/serve.mjs'
import type { Browser, Page } from 'playwright-core'
import type { InstancedMesh } from 'three'
import { PNG } from 'pngjs'
import { inject } from 'vitest'
import type {} from '../../src/testHooks'

/** The preview server's origin, chosen by globalSetup (a free port). */
export const ORIGIN = inject('e2eOrigin')
export const SHOTS_DIR = 'test-results/e2e'
/** Generous: SwiftShader on a loaded 2-core machine can take seconds per frame. */
export const WAIT_MS = 120000

/** Console messages that are not ours and not problems: exact texts only. */
const ALLOWED_CONSOLE = ['THREE.Clock: This module has been deprecated. Please use THREE.Timer instead.']

/** Debian's Chromium as every script launches it (bench/serve.mjs: SwiftShader where there is no GPU). */
export function launch(): Promise<Browser> {
  return launchChromium()
}

export interface Watched {
  page: Page
  errors: string[]
  requests: string[]
}

/** Pages opened by openPage and not yet closed: closeOpenPages (afterEach) closes what a failed test left open. */
const openPages = new Set<Page>()

export async function closeOpenPages(): Promise<void> {
  for (const p of openPages) await p.close().catch(() => {})
  openPages.clear()
}

export async function openPage(browser: Browser, path: string, size = { width: 1280, height: 720 }): Promise<Watched> {
  const page = await browser.newPage({ viewport: size })
  openPages.add(page)
  page.on('close', () => openPages.delete(page))
  const errors: string[] = []
  const requests: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !ALLOWED_CONSOLE.includes(m.text())) errors.push(`console.${m.type()}: ${m.text()}`)
  })
  page.on('request', (r) => requests.push(r.url()))
  await page.goto(ORIGIN + path, { timeout: WAIT_MS })
  await waitFor(page, 'the app booted (window.__terawatt and __terawattGl)', () => !!window.__terawatt && !!window.__terawattGl)
  return { page, errors, requests }
}

/** Anything but a promise: page.waitForFunction takes a returned Promise as truthy and stops waiting at once. */
type NotPromise = null | undefined | boolean | number | string | bigint | symbol | { then?: never }

/**
 * page.waitForFunction with a generous timeout and a failure that names what was awaited.
 * `what` goes in the error message; `fn` runs in the page (it cannot use variables of this file).
 * `fn` must answer at once: a condition that awaits (a cache, the service worker) uses waitForAsync.
 */
export async function waitFor<A>(page: Page, what: string, fn: (arg: A) => NotPromise, arg?: A, timeoutMs = WAIT_MS): Promise<void> {
  try {
    // Widened to Playwright's own parameter type (its Unboxed<A> is not exported); arg is A or absent.
    await page.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout: timeoutMs })
  } catch (e) {
    throw new Error(`waited ${timeoutMs / 1000} s for ${what}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
}

/**
 * waitFor for a condition that has to await (Cache Storage, the service worker's registration):
 * evaluates it, awaited, once per rendered frame of the page until it holds. The deadline holds
 * even if an evaluation never settles; an error thrown by the condition names what was awaited.
 */
export async function waitForAsync<A>(page: Page, what: string, fn: (arg: A) => Promise<unknown>, arg?: A, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${timeoutMs / 1000} s for ${what}`)), timeoutMs)
  })
  try {
    for (;;) {
      // Widened as in waitFor: arg is A or absent.
      const ok = await Promise.race([
        page.evaluate(fn as (arg: unknown) => Promise<unknown>, arg).catch((e: unknown) => {
          throw new Error(`while waiting for ${what}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
        }),
        expired,
      ])
      if (ok) return
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`)
      // The next frame; a page that draws none (hidden) is polled every 100 ms instead.
      const frame = page.evaluate(
        () =>
          new Promise((r) => {
            requestAnimationFrame(r)
            setTimeout(r, 100)
          }),
      )
      await Promise.race([frame, expired])
    }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Waits until the worker has answered, the textured bodies have loaded (their Suspense boundaries
 * mount them only then: Earth, Moon, Milky Way), the network is quiet, and n more frames rendered.
 */
export async function settle(page: Page, n = 5): Promise<void> {
  await waitFor(page, 'a first worker snapshot', () => window.__terawatt.useSim.getState().snapshot !== null)
  await waitFor(page, 'the Earth, Moon and Milky Way textures (their meshes mount when loaded)', () => {
    const s = window.__terawattGl?.scene
    return !!s && !!s.getObjectByName('earth-surface') && !!s.getObjectByName('moon-surface') && !!s.getObjectByName('milky-way')
  })
  await page.waitForLoadState('networkidle', { timeout: WAIT_MS })
  await frames(page, n)
}

/** Waits until the clock shows at least tMs (sim time, not wall time). */
export async function simTimeAtLeast(page: Page, tMs: number, what = `sim time ${new Date(tMs).toISOString()}`): Promise<void> {
  await waitFor(page, what, (t) => window.__terawatt.simTime.tMs >= t, tMs)
}

/**
 * Waits until the camera is at rest (a focus flight or damped orbit has ended): its position moved
 * less than 1e-6 of its distance from the origin over `still` consecutive frames.
 */
export async function cameraSettled(page: Page, still = 5): Promise<void> {
  await waitForAsync(
    page,
    `the camera at rest for ${still} frames`,
    (still) =>
      new Promise<boolean>((resolve) => {
        const cam = window.__terawattGl!.camera
        let k = 0,
          n = 0
        let x = cam.position.x,
          y = cam.position.y,
          z = cam.position.z
        const f = () => {
          const p = cam.position
          const moved = Math.hypot(p.x - x, p.y - y, p.z - z) / Math.max(1e-9, p.length())
          x = p.x
          y = p.y
          z = p.z
          k = moved < 1e-6 ? k + 1 : 0
          // One probe covers up to 60 frames; waitForAsync runs it again until the deadline.
          if (k >= still) resolve(true)
          else if (++n > 60) resolve(false)
          else requestAnimationFrame(f)
        }
        requestAnimationFrame(f)
      }),
    still,
  )
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
  await page.evaluate(() => window.__terawatt.useUi.setState({ uiHidden: true }))
  await frames(page, 3)
  const png = await shot(page, name)
  await page.evaluate(() => window.__terawatt.useUi.setState({ uiHidden: false }))
  return png
}

/** Every notice shown since the page loaded (they fade from the screen after a few seconds). */
export async function noticeLog(page: Page): Promise<string> {
  return page.evaluate(() =>
    window.__terawatt.useUi
      .getState()
      .noticeLog.map((n) => n.text)
      .join(' | '),
  )
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

/** Frames the renderer has drawn since the page loaded (three's own counter, one per render). */
export async function renderedFrames(page: Page): Promise<number> {
  return page.evaluate(() => window.__terawattGl!.gl.info.render.frame)
}

/** Waits until the renderer has drawn n more frames than `from` (a count from renderedFrames). */
export async function framesAdvance(page: Page, from: number, n: number, what = 'the scene'): Promise<void> {
  await waitFor(page, `${what} to draw ${n} more frames (from frame ${from})`, ({ from, n }) => window.__terawattGl!.gl.info.render.frame >= from + n, {
    from,
    n,
  })
}

/**
 * A satellite in front of the Earth and on screen (clear of the panels), from what the GPU
 * computes for the shown time: its index and screen position, or null.
 */
export async function satelliteOnScreen(page: Page): Promise<{ index: number; x: number; y: number } | null> {
  return page.evaluate(() => {
    const gl = window.__terawattGl!
    const { camera } = gl
    const t = window.__terawatt.simTime.tMs
    const idx = Array.from({ length: 400 }, (_, i) => i * 5)
    const pos = gl.readback(idx, t)
    for (let k = 0; k < idx.length; k++) {
      const [x, y, z] = pos[k]
      const s = camera.position.clone().set(x, z, -y)
      // Skip satellites the Earth hides: the segment camera → satellite must miss the sphere.
      const c = camera.position,
        d = s.clone().sub(c),
        len = d.length()
      d.normalize()
      const b = c.dot(d),
        disc = b * b - (c.lengthSq() - 6378.137 ** 2)
      if (disc > 0 && -b - Math.sqrt(disc) < len) continue
      const v = s.clone().project(camera)
      const px = (v.x * 0.5 + 0.5) * innerWidth,
        py = (-v.y * 0.5 + 0.5) * innerHeight
      if (px > 320 && px < innerWidth - 340 && py > 90 && py < innerHeight - 120) return { index: idx[k], x: px, y: py }
    }
    return null
  })
}

/** Screen position (px) of a structure instance: its instance matrix, metres up from its base. */
export const instanceScreen = (page: Page, name: string, index: number, upM: number) =>
  page.evaluate(
    ({ name, index, upM }) => {
      const { scene, camera, gl } = window.__terawattGl!
      const mesh = scene.getObjectByName(name) as InstancedMesh
      const m = mesh.matrixWorld.clone()
      mesh.getMatrixAt(index, m)
      const p = camera.position.clone().set(0, upM, 0).applyMatrix4(m).applyMatrix4(mesh.matrixWorld).project(camera)
      const r = gl.domElement.getBoundingClientRect()
      return { x: r.left + ((p.x + 1) / 2) * r.width, y: r.top + ((1 - p.y) / 2) * r.height, z: p.z }
    },
    { name, index, upM },
  )

/** Waits for the base's terrain and structures and its test handles, then a few frames. */
export async function waitForBase(page: Page): Promise<void> {
  await settle(page)
  await waitFor(page, 'the base terrain and habitats drawn', () => {
    const s = window.__terawattGl!.scene
    return !!window.__terawattBase && !!s.getObjectByName('base-terrain') && ((s.getObjectByName('base-habitat') as InstancedMesh | undefined)?.count ?? 0) > 0
  })
  await frames(page, 5)
}

/** After a point-of-interest button: explore mode is on and the eye has been placed there. */
export async function atPointOfInterest(page: Page): Promise<void> {
  await waitFor(page, 'explore mode after the jump to a point of interest', () => window.__terawattBase!.useBase.getState().exploring)
  await frames(page, 5)
  await cameraSettled(page)
}

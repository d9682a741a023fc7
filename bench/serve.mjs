// The built app in headless Chromium, as the scripts that drive it share it (bench/export.mjs,
// scripts/render.mjs): Vite's preview server on a free port, and Debian's Chromium launched as
// test/e2e/browser.ts launches it (SwiftShader where there is no GPU), and a page of the app
// waited on until its scene and first snapshot are there.
import { chromium } from 'playwright-core'
import { preview } from 'vite'

/** Chromium's flags, as test/e2e/browser.ts passes them. */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * Serves dist on 127.0.0.1 (a free port) with Vite's preview server.
 * @param {string} dist the built app's folder
 * @param {string} [root] the Vite project's root (its vite.config is read), default the current folder
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export async function servePreview(dist, root) {
  const server = await preview({ root, logLevel: 'warn', build: { outDir: dist }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } })
  const address = server.httpServer.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return { origin, close: () => server.close() }
}

/**
 * Debian's Chromium (or $CHROMIUM_PATH), headless, with CHROMIUM_ARGS and any extra flags.
 * @param {string[]} [extraArgs]
 */
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] })
}

/**
 * Waits until a page of the app has its recorder hook, a first constellation snapshot, the Earth,
 * the Moon and the Milky Way in the scene, and no network traffic left.
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout]
 */
export async function waitForApp(page, timeout = 120000) {
  await page.waitForFunction(() => !!window.__terawatt && !!window.__terawattGl && !!window.__terawattRecord, undefined, { timeout })
  await page.waitForFunction(() => window.__terawatt.useSim.getState().snapshot !== null, undefined, { timeout })
  await page.waitForFunction(
    () => {
      const s = window.__terawattGl?.scene
      return !!s && !!s.getObjectByName('earth-surface') && !!s.getObjectByName('moon-surface') && !!s.getObjectByName('milky-way')
    },
    undefined,
    { timeout },
  )
  await page.waitForLoadState('networkidle', { timeout })
}

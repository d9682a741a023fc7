#!/usr/bin/env node
/**
 * Export speed and memory: the built app (dist/ or --dist DIR) in headless Chromium (launched as
 * test/e2e/browser.ts launches it), recording with the app's own recorder (src/record/) the way
 * scripts/render.mjs does (bytes streamed out of the page, discarded here).
 *
 *   node bench/export.mjs [--dist DIR] [--seconds S] [--long S] [--sats N] [--format mp4|webm]
 *
 * Prints a markdown table: frames per second of export at 1280×720 and 1920×1080 (S seconds of
 * 30 fps video each), the ratio to real time, and the JS heap over a longer 1280×720 export
 * (--long, 20 s by default): its peak, and its mean in the first and the last quarter of the
 * frames, which should match (flat, not growing with the length).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { preview } from 'vite'

const args = process.argv.slice(2)
const flag = (name, dflt) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt
}
const dist = resolve(flag('--dist', 'dist'))
const seconds = Number(flag('--seconds', '4'))
const longS = Number(flag('--long', '20'))
const sats = flag('--sats', '')
const format = flag('--format', 'mp4')
const FPS = 30
const T0 = '2030-06-21T12:00:00Z'

if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`bench/export: ${dist}/index.html missing: run \`npx vite build\` first (npm run bench does).`)
  process.exit(1)
}

const server = await preview({ logLevel: 'warn', build: { outDir: dist }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } })
const address = server.httpServer.address()
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--enable-precise-memory-info',
  ],
})

async function openApp() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
  await page.exposeFunction('__terawattRenderWrite', async () => {})
  const q = new URLSearchParams({ t: T0, warp: '600', play: '0', ui: '0' })
  if (sats) q.set('sats', sats)
  await page.goto(`${origin}/?${q.toString()}`, { timeout: 120000 })
  await page.waitForFunction(() => !!window.__terawattRecord && window.__terawatt?.useSim.getState().snapshot !== null, undefined, { timeout: 120000 })
  await page.waitForFunction(
    () => {
      const s = window.__terawattGl?.scene
      return !!s && !!s.getObjectByName('earth-surface') && !!s.getObjectByName('moon-surface') && !!s.getObjectByName('milky-way')
    },
    undefined,
    { timeout: 120000 },
  )
  await page.waitForLoadState('networkidle', { timeout: 120000 })
  return page
}

/** One export; heap sampled at every progress report (a few a second). */
async function run(page, w, h, s) {
  return page.evaluate(
    async ({ w, h, s, fps, format, t0 }) => {
      const rec = window.__terawattRecord
      if (!rec) throw new Error('the page has no recorder (window.__terawattRecord)')
      /** @type {any} */
      const perf = performance
      const mem = () => perf.memory?.usedJSHeapSize ?? Number.NaN
      /** @type {[number, number][]} */
      const heap = []
      /** @type {import('../src/record/recorder').ExportPlan} */
      const plan = {
        width: w,
        height: h,
        fps,
        format,
        quality: 'high',
        frames: Math.round(s * fps),
        time: 'range',
        fromMs: Date.parse(t0),
        warp: 600,
        caption: null,
      }
      const t = performance.now()
      const r = await rec.runExport(plan, { onProgress: (p) => p.phase === 'rendering' && heap.push([p.done, mem()]) })
      return { frames: r.frames, wallS: (performance.now() - t) / 1000, bytes: r.bytes, heap }
    },
    { w, h, s, fps: FPS, format: /** @type {import('../src/record/formats').FormatId} */ (format === 'webm' ? 'webm' : 'mp4'), t0: T0 },
  )
}

const rows = []
const page = await openApp()
await run(page, 640, 360, 0.5) // warm-up: encoder, shaders
for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
]) {
  const r = await run(page, w, h, seconds)
  const fps = r.frames / r.wallS
  rows.push(`| ${w}×${h} | ${r.frames} | ${r.wallS.toFixed(1)} | ${fps.toFixed(2)} | ${(fps / FPS).toFixed(3)}× | ${(r.bytes / 1e6).toFixed(2)} |`)
  console.error(`bench/export: ${w}×${h} ${fps.toFixed(2)} frames/s`)
}
const long = await run(page, 1280, 720, longS)
const MB = (b) => (b / 1048576).toFixed(1)
const samples = long.heap.filter(([, b]) => Number.isFinite(b))
const q = Math.max(1, Math.floor(samples.length / 4))
const mean = (xs) => xs.reduce((a, [, b]) => a + b, 0) / Math.max(1, xs.length)
const peak = samples.reduce((m, [, b]) => Math.max(m, b), 0)
await browser.close()
await server.close()

console.log(`### Video export (${format}, ${FPS} fps, ${sats ? `sats=${sats}` : 'default scenario'}, ${new Date().toISOString().slice(0, 10)})

| size | frames | wall s | export frames/s | × real time | MB |
|---|---|---|---|---|---|
${rows.join('\n')}

JS heap during a ${longS} s 1280×720 export (${long.frames} frames, ${long.wallS.toFixed(0)} s): peak ${MB(peak)} MB; mean ${MB(mean(samples.slice(0, q)))} MB in the first quarter of the frames, ${MB(mean(samples.slice(-q)))} MB in the last (${samples.length} samples).`)

#!/usr/bin/env node
/**
 * Export speed, memory and the largest still: the built app (dist/ or --dist DIR) in headless
 * Chromium (bench/serve.mjs: launched as test/e2e/browser.ts launches it), recording with the app's
 * own recorder (src/record/) the way scripts/render.mjs does. The bytes stream out of the page as
 * they are encoded (the 'page' sink: window.__terawattRenderWrite) and are dropped here, so the
 * page never holds the file: what the heap shows is the recorder's own memory.
 *
 *   node bench/export.mjs [--dist DIR] [--seconds S] [--long S] [--sats N] [--format mp4|webm]
 *                         [--only speed,heap,still] [--sizes WxH,...] [--heap-size WxH] [--still-out FILE.png]
 *
 * Prints markdown, and with all three parts (what `npm run bench` runs) writes it to BENCHMARKS.md's
 * "Video export" section (BENCH_FILE picks another file):
 *   speed  frames per second of export at 1280×720 and 1920×1080 (--sizes; S seconds of 30 fps video each)
 *          and the ratio to real time;
 *   heap   the JS heap of the page during a longer 1280×720 export (--long, 20 s by default; --heap-size),
 *          sampled from outside every 25 frames right after a full garbage collection (CDP
 *          HeapProfiler.collectGarbage, then Runtime.getHeapUsage): the live heap per quarter of
 *          the frames, which is flat when nothing is kept per frame, and the peak (after GC, and
 *          as held with its garbage, read every 250 ms);
 *   still  a 7680×4320 PNG still (tiled where the GL's limits ask for it): its time, tiles and size.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import { writeSection } from './section.mjs'
import { launchChromium, servePreview, waitForApp } from './serve.mjs'

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
const only = flag('--only', 'speed,heap,still').split(',')
const stillOut = flag('--still-out', '')
const sizes = flag('--sizes', '1280x720,1920x1080')
  .split(',')
  .map((x) => x.split('x').map(Number))
const [heapW, heapH] = flag('--heap-size', '1280x720').split('x').map(Number)
const FPS = 30
const T0 = '2030-06-21T12:00:00Z'

if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`bench/export: ${dist}/index.html missing: run \`npx vite build\` first (npm run bench does).`)
  process.exit(1)
}

const server = await servePreview(dist)
const browser = await launchChromium()
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function openApp() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
  await page.exposeFunction('__terawattRenderWrite', async () => {})
  const q = new URLSearchParams({ t: T0, warp: '600', play: '0', ui: '0' })
  if (sats) q.set('sats', sats)
  await page.goto(`${server.origin}/?${q.toString()}`, { timeout: 120000 })
  await waitForApp(page)
  return page
}

/** One export of s seconds at w×h; frames done so far in window.__benchDone. */
async function run(page, w, h, s) {
  return page.evaluate(
    async ({ w, h, s, fps, format, t0 }) => {
      const rec = window.__terawattRecord
      if (!rec) throw new Error('the page has no recorder (window.__terawattRecord)')
      const bench = /** @type {{ __benchDone?: number }} */ (/** @type {unknown} */ (window))
      bench.__benchDone = 0
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
      const r = await rec.runExport(plan, {
        onProgress: (p) => {
          bench.__benchDone = p.done
        },
      })
      return { frames: r.frames, wallS: r.wallS, bytes: r.bytes, sink: r.sink }
    },
    { w, h, s, fps: FPS, format: /** @type {import('../src/record/formats').FormatId} */ (format === 'webm' ? 'webm' : 'mp4'), t0: T0 },
  )
}

const out = []
const MB = (b) => (b / 1048576).toFixed(1)
const page = await openApp()
console.error('bench/export: app ready')
await run(page, 640, 360, 0.5) // warm-up: encoder, shaders
console.error('bench/export: warmed up')

if (only.includes('speed')) {
  const rows = []
  for (const [w, h] of sizes) {
    const r = await run(page, w, h, seconds)
    const fps = r.frames / r.wallS
    rows.push(`| ${w}×${h} | ${r.frames} | ${r.wallS.toFixed(1)} | ${fps.toFixed(2)} | ${(fps / FPS).toFixed(3)}× | ${(r.bytes / 1e6).toFixed(2)} |`)
    console.error(`bench/export: ${w}×${h} ${fps.toFixed(2)} frames/s (${r.sink} sink)`)
  }
  out.push(`| size | frames | wall s | export frames/s | × real time | MB |
|---|---|---|---|---|---|
${rows.join('\n')}`)
}

if (only.includes('heap')) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  const liveHeap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  const before = await liveHeap()
  let finished = false
  const longRun = run(page, heapW, heapH, longS).finally(() => {
    finished = true
  })
  /** @type {[number, number][]} frames done, live heap bytes */
  const samples = []
  // A forced GC (CDP: V8's low-memory notification) costs the page a second or more, so it is
  // taken every STEP frames only; frames done are polled cheaply in between.
  const STEP = 25
  let next = STEP
  // The peak: the heap as the page holds it (garbage included) read at every poll, and the most
  // the live heap reached after a GC.
  let peakRaw = 0
  while (!finished) {
    await sleep(250)
    if (finished) break
    peakRaw = Math.max(peakRaw, (await cdp.send('Runtime.getHeapUsage')).usedSize)
    const done = await page.evaluate(() => /** @type {{ __benchDone?: number }} */ (/** @type {unknown} */ (window)).__benchDone ?? 0)
    if (done < next) continue
    next = (Math.floor(done / STEP) + 1) * STEP
    const heap = await liveHeap()
    samples.push([done, heap])
    console.error(`bench/export: heap ${(heap / 1024).toFixed(0)} KB after GC at frame ${done}`)
  }
  const long = await longRun
  const after = await liveHeap()
  const quarter = (i) => samples.filter(([d]) => d > (long.frames * i) / 4 && d <= (long.frames * (i + 1)) / 4).map(([, b]) => b)
  const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN)
  const qs = [0, 1, 2, 3].map(quarter)
  // Least-squares slope of the live heap against frames done: bytes kept per frame. Over all the
  // samples, and over the second half alone: the first frames also warm up (compiled code, caches),
  // which a longer take does not repeat; what is kept per frame shows in both.
  const slopeOf = (xs) => {
    const mx = mean(xs.map(([d]) => d))
    const my = mean(xs.map(([, b]) => b))
    const sxy = xs.reduce((a, [d, b]) => a + (d - mx) * (b - my), 0)
    const sxx = xs.reduce((a, [d]) => a + (d - mx) ** 2, 0)
    return sxx > 0 ? sxy / sxx : Number.NaN
  }
  const n = samples.length
  const slope = slopeOf(samples)
  const lateSlope = slopeOf(samples.filter(([d]) => d > long.frames / 2))
  // Fewer than two samples (a short take) give no slope.
  const perFrame = (b) => (Number.isFinite(b) ? `${(b / 1024).toFixed(2)} KB/frame` : '–')
  out.push(`JS heap of the page after a full GC (CDP), during a ${longS} s ${heapW}×${heapH} export (${long.frames} frames, ${long.wallS.toFixed(0)} s, ${long.sink} sink: bytes streamed out of the page), ${n} samples:

| before | 1st quarter | 2nd | 3rd | 4th | after | slope | slope, 2nd half | peak after GC | peak as held (garbage included, polled every 250 ms) |
|---|---|---|---|---|---|---|---|---|---|
| ${MB(before)} MB | ${qs.map((q) => `${MB(mean(q))} MB (${q.length})`).join(' | ')} | ${MB(after)} MB | ${perFrame(slope)} | ${perFrame(lateSlope)} | ${MB(Math.max(before, after, ...samples.map(([, b]) => b)))} MB | ${MB(peakRaw)} MB |`)
}

if (only.includes('still')) {
  const r = await page.evaluate(async () => {
    const rec = window.__terawattRecord
    if (!rec) throw new Error('the page has no recorder (window.__terawattRecord)')
    const t = performance.now()
    const s = await rec.captureStill(7680, 4320)
    const ms = performance.now() - t
    const bmp = await createImageBitmap(s.png)
    const c = new OffscreenCanvas(480, 270)
    const ctx = c.getContext('2d')
    if (!ctx) throw new Error('no 2D context')
    ctx.drawImage(bmp, 0, 0, 480, 270)
    const px = ctx.getImageData(0, 0, 480, 270).data
    let lit = 0
    for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] > 60) lit++
    const buf = new Uint8Array(await s.png.arrayBuffer())
    let b64 = ''
    for (let i = 0; i < buf.length; i += 0x8000) b64 += String.fromCharCode.apply(null, Array.from(buf.subarray(i, i + 0x8000)))
    return { ms, tiles: s.tiles, width: bmp.width, height: bmp.height, bytes: s.png.size, lit: lit / (480 * 270), b64: btoa(b64) }
  })
  if (stillOut) writeFileSync(stillOut, Buffer.from(r.b64, 'base64'))
  out.push(
    `A 7680×4320 PNG still: ${r.width}×${r.height} decoded, ${r.tiles} tile(s), ${(r.ms / 1000).toFixed(1)} s to draw and encode, ${(r.bytes / 1e6).toFixed(1)} MB, ${(r.lit * 100).toFixed(1)} % lit${stillOut ? ` (${stillOut})` : ''}.`,
  )
}

await browser.close()
await server.close()
const report = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Chromium (software WebGL where there is no GPU); ${format}, ${FPS} fps, ${sats ? `sats=${sats}` : 'the default scenario'}, from ${T0} at 600× warp.\n\n${out.join('\n\n')}`
console.log(report)
// The full set (speed, heap, still) is what `npm run bench` runs: it replaces the section; a partial run (--only) only prints.
if (only.length === 3) writeSection('export', 'Video export', report)

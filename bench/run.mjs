// npm run bench: measures the built app in Debian's Chromium (SwiftShader) at 10k, 100k and 1M
// satellites, beside the floor page (../shared/tools/floor: the least a page can do to draw N
// orbiting points) in the same run, and writes the table to BENCHMARKS.md.
// Per size: rAF callback ms per frame, Chrome's TaskDuration per frame, fps, draw calls,
// worker messages and bytes per second in steady state, the largest message, JS heap growth over the window.
import { execSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { chromium } from 'playwright-core'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 8000)
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number)
const FLOOR_DIR = '../shared/tools/floor'

function serve(cwd, port) {
  const p = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd, stdio: 'ignore', detached: true })
  process.on('exit', () => { try { process.kill(-p.pid) } catch {} })
  return p
}
async function waitUp(port) {
  for (let i = 0; i < 100; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return } catch {} await new Promise((r) => setTimeout(r, 200)) }
  throw new Error(`server on ${port} did not start`)
}

// Counts rAF callback time and every message the page receives from workers (bytes estimated from
// the payload: typed arrays by byteLength, the rest by its JSON length).
const instrument = () => {
  const w = window
  w.__bench = { rafMs: 0, frames: 0, msgs: 0, bytes: 0, maxMsg: 0, calls: 0 }
  const raf = w.requestAnimationFrame.bind(w)
  w.requestAnimationFrame = (cb) => raf((t) => { const t0 = performance.now(); cb(t); w.__bench.rafMs += performance.now() - t0 })
  const size = (d) => {
    if (d && d.buffer instanceof ArrayBuffer) return d.byteLength
    if (d && typeof d === 'object') { let n = 0; for (const k in d) n += k.length + size(d[k]); return n + 2 }
    return JSON.stringify(d ?? null).length
  }
  const W = w.Worker
  w.Worker = class extends W {
    constructor(...a) {
      super(...a)
      this.addEventListener('message', (e) => { const b = size(e.data); w.__bench.msgs++; w.__bench.bytes += b; w.__bench.maxMsg = Math.max(w.__bench.maxMsg, b) })
    }
  }
  const count = () => { w.__bench.frames++; raf(count) }
  raf(count)
}

async function measure(browser, url, isApp) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await page.addInitScript(instrument)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  await page.goto(url)
  await page.waitForTimeout(WARMUP_MS)
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]))
  await cdp.send('HeapProfiler.collectGarbage')
  const a = await metrics()
  // The largest message is measured in the steady window (the one-off initial batch is excluded).
  const b0 = await page.evaluate(() => { window.__bench.maxMsg = 0; return { ...window.__bench } })
  await page.waitForTimeout(SECONDS * 1000)
  const b1 = await page.evaluate(() => ({ ...window.__bench }))
  await cdp.send('HeapProfiler.collectGarbage')
  const b = await metrics()
  const info = isApp ? await page.evaluate(() => {
    const gl = window.__terawattGl?.gl
    return { calls: gl?.info.render.calls ?? null, satellites: window.__terawatt?.satellites.count ?? null }
  }) : { calls: null, satellites: null }
  const frames = Math.max(1, b1.frames - b0.frames)
  await page.close()
  return {
    fps: +(frames / SECONDS).toFixed(1),
    rafMsPerFrame: +((b1.rafMs - b0.rafMs) / frames).toFixed(2),
    taskMsPerFrame: +(((b.TaskDuration - a.TaskDuration) * 1000) / frames).toFixed(2),
    drawCalls: info.calls,
    satellites: info.satellites,
    msgsPerS: +((b1.msgs - b0.msgs) / SECONDS).toFixed(1),
    bytesPerS: Math.round((b1.bytes - b0.bytes) / SECONDS),
    maxMsgBytes: b1.maxMsg,
    heapGrowthMB: +((b.JSHeapUsedSize - a.JSHeapUsedSize) / 1e6).toFixed(2),
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] })
serve('.', 4401)
await waitUp(4401)
let floorOk = false
try {
  if (!existsSync(`${FLOOR_DIR}/dist/index.html`)) execSync('npm ci --no-audit --no-fund && npx vite build', { cwd: FLOOR_DIR, stdio: 'inherit' })
  serve(FLOOR_DIR, 4402)
  await waitUp(4402)
  floorOk = true
} catch (e) {
  console.error('floor page unavailable:', e.message)
}

const rows = []
for (const n of SIZES) {
  const app = await measure(browser, `http://127.0.0.1:4401/?sats=${n}&t=2030-01-01T00:00:00Z&warp=60&play=1`, true)
  const floor = floorOk ? await measure(browser, `http://127.0.0.1:4402/?n=${n}`, false) : null
  rows.push({ n, app, floor })
  console.log(JSON.stringify({ n, app, floor }))
}
await browser.close()

const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const fmt = (x) => (x === null || x === undefined ? '–' : String(x))
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium with SwiftShader (software WebGL), 1280×720, ${SECONDS} s per row after ${WARMUP_MS / 1000} s warm-up. App URL: \`/?sats=N&t=2030-01-01T00:00:00Z&warp=60&play=1\`.`,
  '',
  '| satellites | app rAF ms/frame | floor rAF ms/frame | app task ms/frame | floor task ms/frame | task app ÷ floor | app fps | floor fps | draw calls | worker msgs/s | worker bytes/s | largest steady msg (B) | heap growth MB |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(({ n, app, floor }) => `| ${n.toLocaleString('en-US')} | ${app.rafMsPerFrame} | ${fmt(floor?.rafMsPerFrame)} | ${app.taskMsPerFrame} | ${fmt(floor?.taskMsPerFrame)} | ${floor ? (app.taskMsPerFrame / floor.taskMsPerFrame).toFixed(2) : '–'} | ${app.fps} | ${fmt(floor?.fps)} | ${fmt(app.drawCalls)} | ${app.msgsPerS} | ${app.bytesPerS} | ${app.maxMsgBytes} | ${app.heapGrowthMB} |`),
]
const table = lines.join('\n')
const file = 'BENCHMARKS.md'
const start = '<!-- bench:constellation:start -->', end = '<!-- bench:constellation:end -->'
let doc = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`
if (!doc.includes(start)) doc += `\n${start}\n${end}\n`
doc = doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`)
writeFileSync(file, doc)
console.log(table)
process.exit(0)

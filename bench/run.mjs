// npm run bench: measures the built app in Debian's Chromium (SwiftShader) at 10k, 100k and 1M
// satellites, beside the floor page (bench/floor/: the least a page can do to draw N
// orbiting points) in the same run, and writes the table to BENCHMARKS.md.
// Per size: rAF callback ms per frame, Chrome's TaskDuration per frame, fps, draw calls,
// worker messages and bytes per second in steady state, the largest message, JS heap growth over the window.
// Deep-space frame part: the same measures in an Earth–Moon view with ~10k mass-driver payloads in
// flight (and the same view before the first shots, for comparison), written to its own section.
// Overlay part: one page at 10k satellites, the DOM overlay shown, then hidden (as ui=0 does), then
// shown again, in the same run: ms per frame and heap growth each way; then the same on a fresh page
// at a small window and quality=low (about 20 fps under software GL, so text changes fall on a minority
// of frames as at 60 fps on a GPU) under a Chrome trace (bench/overlayTrace.mjs): the renderer main
// thread's self time per frame and per second by kind (script, style, layout, paint, compositing, GL
// command buffer), shown minus hidden, which is the overlay's own cost apart from the software-GL
// waits that swamp the all-task figure, the heap's slope after forced GCs and the DOM-change census; and
// the load: time to the first drawn frame and the longest main-thread task while loading, with the
// overlay and with ui=0.
// Views part: the base at full build-out (focus=base, 2050) and deep space (focus=sun), one row each.
// BENCH_PARTS picks the parts (comma list of constellation, frame, overlay, views; deepspace is
// bench/deepSpace.ts); default all. BENCH_DIST: the build to serve (default dist/); BENCH_FILE: the
// markdown file the tables go to (default BENCHMARKS.md); BENCH_QUALITY: adds `&quality=` to the app URLs.
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { traceOverlay, tracePage } from './overlayTrace.mjs'
import { launchChromium, servePreview } from './serve.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 8000)
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number)
const FLOOR_DIR = 'bench/floor'
const PARTS = (process.env.BENCH_PARTS ?? 'constellation,deepspace,frame,overlay,views').split(',').map((s) => s.trim())
/** The overlay part's page: the constellation row's 10k view. */
const OVERLAY_SATS = Number(process.env.BENCH_OVERLAY_SATS ?? 10000)
/** "During load" is from navigation to this long after the first drawn frame. */
const LOAD_SETTLE_MS = Number(process.env.BENCH_LOAD_SETTLE_MS ?? 2000)
/** How long the deep-space worker may take to catch up from its epoch to the view's instant. */
const DEEP_TIMEOUT_MS = Number(process.env.BENCH_DEEP_TIMEOUT_MS ?? 300000)
/** The deep-space view: 10k payloads drawn in flight (the default cap) in March 2045. */
const DEEP_T = process.env.BENCH_DEEP_T ?? '2045-03-01T00:00:00Z'
const DEEP_BEFORE_T = '2039-06-01T00:00:00Z'
/** Camera distance from the Earth, km: frames the Earth–Moon system and the shots leaving it. */
const DEEP_CAMERA_KM = 2.4e6

const DIST = process.env.BENCH_DIST ?? 'dist'
const QUALITY_Q = process.env.BENCH_QUALITY ? `&quality=${process.env.BENCH_QUALITY}` : ''

// Counts rAF callback time and every message the page receives from workers (bytes estimated from
// the payload: typed arrays by byteLength, the rest by its JSON length).
const instrument = () => {
  const w = window
  w.__bench = { rafMs: 0, frames: 0, msgs: 0, bytes: 0, maxMsg: 0, calls: 0 }
  const raf = w.requestAnimationFrame.bind(w)
  w.requestAnimationFrame = (cb) =>
    raf((t) => {
      const t0 = performance.now()
      cb(t)
      w.__bench.rafMs += performance.now() - t0
    })
  const size = (d) => {
    if (d && d.buffer instanceof ArrayBuffer) return d.byteLength
    if (d && typeof d === 'object') {
      let n = 0
      for (const k in d) n += k.length + size(d[k])
      return n + 2
    }
    return JSON.stringify(d ?? null).length
  }
  const W = w.Worker
  w.Worker = class extends W {
    /** @param {ConstructorParameters<typeof Worker>} a */
    constructor(...a) {
      super(...a)
      this.addEventListener('message', (e) => {
        const b = size(e.data)
        w.__bench.msgs++
        w.__bench.bytes += b
        w.__bench.maxMsg = Math.max(w.__bench.maxMsg, b)
      })
    }
  }
  const count = () => {
    w.__bench.frames++
    raf(count)
  }
  raf(count)
}

// prepare(page): runs after loading, before the warm-up (the deep-space view waits for its worker
// and moves the camera); after(page): extra figures read at the end of the window.
/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {boolean} isApp
 * @param {{ prepare?: (page: import('playwright-core').Page) => Promise<object>, after?: (page: import('playwright-core').Page) => Promise<object> }} [parts]
 */
async function measure(browser, url, isApp, { prepare, after } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await page.addInitScript(instrument)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  await page.goto(url)
  const prepared = prepare ? await prepare(page) : {}
  await page.waitForTimeout(WARMUP_MS)
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]))
  await cdp.send('HeapProfiler.collectGarbage')
  const a = await metrics()
  // The largest message is measured in the steady window (the one-off initial batch is excluded).
  const b0 = await page.evaluate(() => {
    window.__bench.maxMsg = 0
    return { ...window.__bench }
  })
  await page.waitForTimeout(SECONDS * 1000)
  const b1 = await page.evaluate(() => ({ ...window.__bench }))
  await cdp.send('HeapProfiler.collectGarbage')
  const b = await metrics()
  const info = isApp
    ? await page.evaluate(() => {
        const gl = window.__terawattGl?.gl
        return { calls: gl?.info.render.calls ?? null, satellites: window.__terawatt?.satellites.count ?? null }
      })
    : { calls: null, satellites: null }
  const frames = Math.max(1, b1.frames - b0.frames)
  const extra = after ? await after(page) : {}
  await page.close()
  return {
    ...prepared,
    ...extra,
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

if (!['constellation', 'frame', 'overlay', 'views'].some((p) => PARTS.includes(p))) process.exit(0)
const browser = await launchChromium()
const server = await servePreview(DIST)
/** @type {{ origin: string, close(): Promise<void> } | null} */
let floorServer = null
const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const fmt = (x) => (x === null || x === undefined ? '–' : String(x))
const file = process.env.BENCH_FILE ?? 'BENCHMARKS.md'

/** Replaces the text between a section's markers, adding the section (after the first of `afterMarkers` present) if absent. */
function writeSection(name, heading, table, afterMarkers) {
  const start = `<!-- bench:${name}:start -->`,
    end = `<!-- bench:${name}:end -->`
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
  if (!doc.includes(start)) {
    const section = `\n${heading ? `## ${heading}\n\n` : ''}${start}\n${end}\n`
    const after = afterMarkers.find((m) => doc.includes(m))
    if (after) {
      const i = doc.indexOf(after) + after.length
      doc = `${doc.slice(0, i)}\n${section}${doc.slice(i).replace(/^\n+/, '\n')}`
    } else doc += section
  }
  doc = doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`)
  writeFileSync(file, doc)
}

if (PARTS.includes('constellation')) {
  let floorOk = false
  try {
    if (!existsSync(`${FLOOR_DIR}/dist/index.html`)) execSync('npx vite build --config bench/floor/vite.config.ts', { stdio: 'inherit' })
    floorServer = await servePreview('dist', FLOOR_DIR) // dist relative to the floor's own root
    floorOk = true
  } catch (e) {
    console.error('floor page unavailable:', e.message)
  }

  const rows = []
  for (const n of SIZES) {
    const app = await measure(browser, `${server.origin}/?sats=${n}&t=2030-01-01T00:00:00Z&warp=60&play=1${QUALITY_Q}`, true)
    const floor = floorOk && floorServer ? await measure(browser, `${floorServer.origin}/?n=${n}`, false) : null
    rows.push({ n, app, floor })
    console.log(JSON.stringify({ n, app, floor }))
  }

  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium with SwiftShader (software WebGL), 1280×720, ${SECONDS} s per row after ${WARMUP_MS / 1000} s warm-up. App URL: \`/?sats=N&t=2030-01-01T00:00:00Z&warp=60&play=1\`.`,
    '',
    '| satellites | app rAF ms/frame | floor rAF ms/frame | app task ms/frame | floor task ms/frame | task app ÷ floor | app fps | floor fps | draw calls | worker msgs/s | worker bytes/s | largest steady msg (B) | heap growth MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      ({ n, app, floor }) =>
        `| ${n.toLocaleString('en-US')} | ${app.rafMsPerFrame} | ${fmt(floor?.rafMsPerFrame)} | ${app.taskMsPerFrame} | ${fmt(floor?.taskMsPerFrame)} | ${floor ? (app.taskMsPerFrame / floor.taskMsPerFrame).toFixed(2) : '–'} | ${app.fps} | ${fmt(floor?.fps)} | ${fmt(app.drawCalls)} | ${app.msgsPerS} | ${app.bytesPerS} | ${app.maxMsgBytes} | ${app.heapGrowthMB} |`,
    ),
  ]
  const table = lines.join('\n')
  writeSection('constellation', null, table, [])
  console.log(table)
}

if (PARTS.includes('frame')) {
  mkdirSync('bench/out', { recursive: true })
  // Waits for the deep-space worker to catch up from its epoch to the view's instant, then frames
  // the Earth–Moon system from DEEP_CAMERA_KM (as test/e2e/deepspace.e2e.test.ts does).
  const prepare = async (page) => {
    const t0 = Date.now()
    await page.waitForFunction(
      () => {
        const s = window.__terawattDeep?.useDeepSpace.getState().snapshot
        return !!(s && !s.catchingUp && window.__terawattGl)
      },
      null,
      { timeout: DEEP_TIMEOUT_MS, polling: 250 },
    )
    const catchUpS = +((Date.now() - t0) / 1000).toFixed(1)
    await page.evaluate((km) => window.__terawattGl?.camera.position.setLength(km), DEEP_CAMERA_KM)
    return { catchUpS }
  }
  const after = (name) => async (page) => {
    await page.screenshot({ path: `bench/out/${name}.png` })
    return page.evaluate(() => {
      const gl = window.__terawattGl
      if (!gl) throw new Error('window.__terawattGl is missing')
      const drawn = (n) => {
        const o = /** @type {import('three').Points | undefined} */ (gl.scene.getObjectByName(n))
        return o ? (o.visible ? o.geometry.drawRange.count : 0) : null
      }
      const s = window.__terawattDeep.useDeepSpace.getState().snapshot
      return {
        payloadsDrawn: drawn('deep-payloads'),
        trajectoryWindows: window.__terawattDeep.deepSpace.windows.length,
        shotsPerHour: s ? +s.shotsPerHour.toFixed(1) : null,
        catchingUpAtEnd: s ? s.catchingUp : null,
        cameraKm: Math.round(gl.camera.position.length()),
      }
    })
  }
  const views = [
    { label: `${DEEP_T.slice(0, 10)}: payloads in flight`, t: DEEP_T, shot: 'deepspace-frame' },
    { label: `${DEEP_BEFORE_T.slice(0, 10)}: before the first shot (same view)`, t: DEEP_BEFORE_T, shot: 'deepspace-frame-before' },
  ]
  const deepRows = []
  for (const v of views) {
    const url = `${server.origin}/?t=${v.t}&warp=60&play=1&focus=earth`
    const r = await measure(browser, url, true, { prepare, after: after(v.shot) })
    deepRows.push({ ...v, r })
    console.log(JSON.stringify({ view: v.label, ...r }))
  }
  const dtable = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium with SwiftShader (software WebGL), 1280×720, ${SECONDS} s per row after the deep-space worker caught up and ${WARMUP_MS / 1000} s warm-up. App URL: \`/?t=T&warp=60&play=1&focus=earth\`, the camera then pulled back to ${DEEP_CAMERA_KM.toLocaleString('en-US')} km from the Earth (the Earth–Moon system and the shots leaving it; the default satellites are drawn too). Screenshots: \`bench/out/deepspace-frame*.png\`. Target: main thread under 2 ms per frame with 10k payloads in flight.`,
    '',
    '| view | payloads drawn in flight | trajectory windows held | rAF ms/frame | task ms/frame | fps | draw calls | worker msgs/s | worker bytes/s | heap growth MB | worker catch-up after load, s |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...deepRows.map(
      ({ label, r }) =>
        `| ${label} | ${fmt(r.payloadsDrawn?.toLocaleString('en-US'))} | ${fmt(r.trajectoryWindows)} | ${r.rafMsPerFrame} | ${r.taskMsPerFrame} | ${r.fps} | ${fmt(r.drawCalls)} | ${r.msgsPerS} | ${r.bytesPerS} | ${r.heapGrowthMB} | ${r.catchUpS} |`,
    ),
  ].join('\n')
  writeSection('deepspace-frame', 'Deep space: main thread per frame', dtable, ['<!-- bench:deepspace:end -->', '<!-- bench:constellation:end -->'])
  console.log(dtable)
}
if (PARTS.includes('overlay')) {
  // Added after `instrument`, so it wraps the counting requestAnimationFrame: the first drawn frame
  // is stamped at the end of the rAF callback in which the renderer's frame counter first moved;
  // long tasks (>= 50 ms, the Long Tasks API) are kept with their start times.
  const instrumentLoad = () => {
    /** @type {any} */
    const w = window
    /** @type {{ firstFrameMs: number | null, longTasks: { start: number, ms: number }[] }} */
    const load = { firstFrameMs: null, longTasks: [] }
    w.__benchLoad = load
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) load.longTasks.push({ start: e.startTime, ms: e.duration })
    }).observe({ type: 'longtask', buffered: true })
    const raf = w.requestAnimationFrame.bind(w)
    w.requestAnimationFrame = (/** @type {FrameRequestCallback} */ cb) =>
      raf((/** @type {number} */ t) => {
        cb(t)
        if (load.firstFrameMs === null && (w.__terawattGl?.gl.info.render.frame ?? 0) > 0) load.firstFrameMs = performance.now()
      })
  }
  /** @param {import('playwright-core').Page} page */
  const loadFigures = async (page) => {
    await page.waitForFunction(() => /** @type {any} */ (window).__benchLoad?.firstFrameMs != null, null, { timeout: 180000, polling: 100 })
    const first = await page.evaluate(() => /** @type {any} */ (window).__benchLoad.firstFrameMs)
    await page.waitForFunction((until) => performance.now() > until, first + LOAD_SETTLE_MS, { polling: 100 })
    return page.evaluate((settle) => {
      const load = /** @type {any} */ (window).__benchLoad
      const end = load.firstFrameMs + settle
      const tasks = load.longTasks.filter((/** @type {{ start: number }} */ x) => x.start < end)
      return {
        firstFrameMs: Math.round(load.firstFrameMs),
        longestTaskMs: tasks.length ? Math.round(Math.max(...tasks.map((/** @type {{ ms: number }} */ x) => x.ms))) : null,
        longTasks: tasks.length,
        longTaskTotalMs: Math.round(tasks.reduce((/** @type {number} */ a, /** @type {{ ms: number }} */ x) => a + x.ms, 0)),
      }
    }, LOAD_SETTLE_MS)
  }
  /**
   * One steady window on an open page: rAF and all-task main-thread ms per frame, fps, JS heap growth (after GC).
   * @param {import('playwright-core').Page} page
   * @param {import('playwright-core').CDPSession} cdp
   */
  const steady = async (page, cdp) => {
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]))
    await cdp.send('HeapProfiler.collectGarbage')
    const a = await metrics()
    const b0 = await page.evaluate(() => ({ ...window.__bench }))
    await page.waitForTimeout(SECONDS * 1000)
    const b1 = await page.evaluate(() => ({ ...window.__bench }))
    await cdp.send('HeapProfiler.collectGarbage')
    const b = await metrics()
    const frames = Math.max(1, b1.frames - b0.frames)
    return {
      fps: +(frames / SECONDS).toFixed(1),
      rafMsPerFrame: +((b1.rafMs - b0.rafMs) / frames).toFixed(2),
      taskMsPerFrame: +(((b.TaskDuration - a.TaskDuration) * 1000) / frames).toFixed(2),
      heapGrowthMB: +((b.JSHeapUsedSize - a.JSHeapUsedSize) / 1e6).toFixed(2),
    }
  }
  const url = (ui) => `${server.origin}/?sats=${OVERLAY_SATS}&t=2030-01-01T00:00:00Z&warp=60&play=1${ui ? '' : '&ui=0'}`
  /** @param {boolean} hidden */
  const setHidden = (page, hidden) => page.evaluate((h) => window.__terawatt.useUi.setState({ uiHidden: h }), hidden)

  /** Loads url on a fresh page and returns its load figures. @param {string} u */
  const loadOnce = async (u) => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await p.addInitScript(instrument)
    await p.addInitScript(instrumentLoad)
    await p.goto(u)
    const r = await loadFigures(p)
    await p.close()
    return r
  }
  // Load: one unmeasured load first (HTTP cache, compiled code and shader caches are then warm for
  // both), then ui=0 and the overlay, each on a fresh page.
  await loadOnce(url(true))
  const loadOff = await loadOnce(url(false))
  const loadOn = await loadOnce(url(true))

  // The same page and satellites, overlay shown / hidden / shown again (the mean of the two shown
  // windows cancels drift: worker warm-up, heap settling).
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await page.addInitScript(instrument)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  await page.goto(url(true))
  await page.waitForTimeout(WARMUP_MS)
  const on1 = await steady(page, cdp)
  await setHidden(page, true)
  await page.waitForTimeout(1000)
  const off = await steady(page, cdp)
  await setHidden(page, false)
  await page.waitForTimeout(1000)
  const on2 = await steady(page, cdp)
  await page.close()
  const trace = await traceOverlay(browser, server.origin, { seconds: Math.min(SECONDS, 15), warmupMs: WARMUP_MS })
  console.log(
    JSON.stringify({
      overlay: {
        on1,
        off,
        on2,
        loadOn,
        loadOff,
        trace: {
          page: trace.page,
          fps: trace.fps,
          groups: trace.groups,
          own: trace.own,
          ownPerS: trace.ownPerS,
          busy: trace.busy,
          layers: trace.layers,
          heap: trace.heap,
          census: trace.census,
        },
      },
    }),
  )

  const mean = (/** @type {number} */ x, /** @type {number} */ y) => +((x + y) / 2).toFixed(2)
  const on = {
    fps: mean(on1.fps, on2.fps),
    rafMsPerFrame: mean(on1.rafMsPerFrame, on2.rafMsPerFrame),
    taskMsPerFrame: mean(on1.taskMsPerFrame, on2.taskMsPerFrame),
    heapGrowthMB: mean(on1.heapGrowthMB, on2.heapGrowthMB),
  }
  const row = (/** @type {string} */ label, /** @type {typeof on} */ r) =>
    `| ${label} | ${r.taskMsPerFrame} | ${r.rafMsPerFrame} | ${r.fps} | ${r.heapGrowthMB} |`
  const loadRow = (/** @type {string} */ label, /** @type {Awaited<ReturnType<typeof loadFigures>>} */ r) =>
    `| ${label} | ${r.firstFrameMs} | ${r.longestTaskMs === null ? '< 50' : r.longestTaskMs} | ${r.longTasks} | ${r.longTaskTotalMs} |`
  const otable = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium with SwiftShader (software WebGL), 1280×720. One page, \`/?sats=${OVERLAY_SATS}&t=2030-01-01T00:00:00Z&warp=60&play=1\`, ${WARMUP_MS / 1000} s warm-up, then ${SECONDS} s windows: overlay shown, hidden (\`useUi.uiHidden\`, what \`ui=0\` sets), shown again (the "shown" row is the mean of the two). Heap growth: JS heap after GC, end minus start of a window. Target: the overlay adds at most 0.5 ms of main-thread time per frame (judged on its own cost, below, where software GL's waits swamp the task time); heap flat.`,
    '',
    '| overlay | task ms/frame | rAF ms/frame | fps | heap growth MB per window |',
    '|---|---|---|---|---|',
    row('shown', on),
    row('hidden (ui=0)', off),
    `| **overlay cost (all main-thread tasks)** | **${(on.taskMsPerFrame - off.taskMsPerFrame).toFixed(2)}** | ${(on.rafMsPerFrame - off.rafMsPerFrame).toFixed(2)} | | ${(on.heapGrowthMB - off.heapGrowthMB).toFixed(2)} |`,
    '',
    `Where it goes, at a frame rate where a text change falls on a minority of frames (as at 60 fps on a GPU, not on nearly every frame as at 1280×720 here): a Chrome trace of a fresh page, ${tracePage()}, shown / hidden / shown again, ${Math.min(SECONDS, 15)} s each (\`node bench/overlayTrace.mjs\` prints it by event): the renderer main thread's self time by kind, per frame and per second. Under software GL most of a frame's main-thread time is waiting on the GPU process (the "GL" and "other" rows move with the GPU process's load, not with the overlay), so the overlay's own cost is the shown − hidden difference of script, style, layout, paint and compositing; the task-time difference above includes those waits. Frames: ${trace.fps.shown.toFixed(1)} fps shown, ${trace.fps.hidden.toFixed(1)} hidden. Layers: ${trace.layers.shown.layers} shown (${trace.layers.shown.drawing} drawing, ${(trace.layers.shown.areaPx / 1e6).toFixed(2)} Mpx), ${trace.layers.hidden.layers} hidden (${trace.layers.hidden.drawing} drawing, ${(trace.layers.hidden.areaPx / 1e6).toFixed(2)} Mpx). DOM changes shown: ${trace.census.shown.changedFramesPerS.toFixed(2)} frames a second of ${trace.census.shown.fps.toFixed(1)} carry one. JS heap after forced GC (slope over ${trace.heap.shown.seconds.toFixed(0)} s): shown ${trace.heap.shown.kbPerS.toFixed(1)} KB/s, hidden ${trace.heap.hidden.kbPerS.toFixed(1)} KB/s.`,
    '',
    '| main thread, self time | shown, ms/frame | hidden, ms/frame | shown − hidden, ms/frame | shown − hidden, ms/s |',
    '|---|---|---|---|---|',
    ...trace.groups.map(
      (g, i) => `| ${g.group} | ${g.shown.toFixed(3)} | ${g.hidden.toFixed(3)} | ${g.diff.toFixed(3)} | ${trace.groupsPerS[i].diff.toFixed(1)} |`,
    ),
    `| all tasks (trace) | ${trace.busy.shown.toFixed(3)} | ${trace.busy.hidden.toFixed(3)} | ${(trace.busy.shown - trace.busy.hidden).toFixed(3)} | |`,
    `| **overlay's own: script + style + layout + paint + compositing** | | | **${trace.own.toFixed(3)}** | **${trace.ownPerS.toFixed(1)}** |`,
    '',
    `Load, fresh page each, after one unmeasured load (warm caches): time from navigation to the first frame the app drew, and main-thread long tasks (≥ 50 ms, Long Tasks API) from navigation to ${LOAD_SETTLE_MS / 1000} s after that frame.`,
    '',
    '| page | first frame, ms | longest task, ms | long tasks | long-task total, ms |',
    '|---|---|---|---|---|',
    loadRow('overlay shown', loadOn),
    loadRow('ui=0', loadOff),
  ].join('\n')
  writeSection('overlay', 'Overlay and load', otable, ['<!-- bench:constellation:end -->'])
  console.log(otable)
}
if (PARTS.includes('views')) {
  // The base at full build-out (2050, by day) and deep space framed on the Sun: the other two looks.
  const views = [
    { label: 'Moon Base Alpha, full build-out (focus=base, 2050-06-01)', path: '/?t=2050-06-01T12:00:00Z&warp=60&play=1&focus=base' },
    { label: 'Deep space (focus=sun, 2045-03-01)', path: '/?t=2045-03-01T00:00:00Z&warp=60&play=1&focus=sun' },
  ]
  const vrows = []
  for (const v of views) {
    const r = await measure(browser, `${server.origin}${v.path}${QUALITY_Q}`, true)
    vrows.push({ ...v, r })
    console.log(JSON.stringify({ view: v.label, ...r }))
  }
  const vtable = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium with SwiftShader (software WebGL), 1280×720, ${SECONDS} s per row after ${WARMUP_MS / 1000} s warm-up (the default satellites).`,
    '',
    '| view | URL | rAF ms/frame | task ms/frame | fps | draw calls | heap growth MB |',
    '|---|---|---|---|---|---|---|',
    ...vrows.map(
      ({ label, path, r }) => `| ${label} | \`${path}\` | ${r.rafMsPerFrame} | ${r.taskMsPerFrame} | ${r.fps} | ${fmt(r.drawCalls)} | ${r.heapGrowthMB} |`,
    ),
  ].join('\n')
  writeSection('views', 'Base and deep space: main thread per frame', vtable, ['<!-- bench:overlay:end -->', '<!-- bench:constellation:end -->'])
  console.log(vtable)
}
await browser.close()
await server.close()
await floorServer?.close()
process.exit(0)

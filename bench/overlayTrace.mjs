// Where the overlay's main-thread time goes, at a frame rate where it can be judged: one page at a
// small window (480×270 by default), quality=low and no atmosphere or clouds, so that software GL
// (SwiftShader) still draws about 20 frames a second and a text change falls on a minority of
// frames, as at 60 fps on a GPU. A Chrome trace of the overlay shown, then hidden (useUi.uiHidden, what ui=0 sets), then shown
// again, each window the same length. The renderer's main thread (CrRendererMain) is summed by
// event name as self time (an event's duration less its children's, so nothing is counted twice),
// grouped into script / style / layout / paint / compositing / GL / other, per frame and per second,
// plus the compositor and GPU main threads' totals and the layer tree (count and painted area).
// Then the JS heap after forced GCs (slope over a window, shown and hidden) and a census of the
// overlay's DOM changes (MutationObserver: changes a second by panel, frames a second that carry one).
//
//   node bench/overlayTrace.mjs            # serves dist/ (BENCH_DIST) via bench/serve.mjs, prints the tables
//   TRACE_DISTS=before=/tmp/a,after=/tmp/b TRACE_REPEAT=2 node bench/overlayTrace.mjs   # builds side by side, alternating, same run
//   TRACE_SECONDS=10 TRACE_JSON=/tmp/x.json node bench/overlayTrace.mjs
//   TRACE_VIEWPORT=1280x720 TRACE_QUALITY=high BENCH_OVERLAY_SATS=10000 TRACE_WARP=60 TRACE_QUERY='&layers=...' ...   # the page
//   TRACE_PROFILE=1 ...                    # also a V8 CPU profile, shown vs hidden, by function
//   TRACE_CSS='.panel { ... }' ...         # a stylesheet added to the page first (try a change without a build)
//
// Exported: traceOverlay(browser, origin) for bench/run.mjs (the overlay row's trace columns).
// Software GL makes every frame slow and its GL waits large; the shown-minus-hidden differences of
// style, layout, paint, compositing and script are what the overlay itself costs.
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const SECONDS = Number(process.env.TRACE_SECONDS ?? 15)
const WARMUP_MS = Number(process.env.TRACE_WARMUP_MS ?? 8000)
const SATS = Number(process.env.BENCH_OVERLAY_SATS ?? 10000)
const [VW, VH] = (process.env.TRACE_VIEWPORT ?? '480x270').split('x').map(Number)
const QUALITY = process.env.TRACE_QUALITY ?? 'low'
const WARP = Number(process.env.TRACE_WARP ?? 60)
/**
 * More of the query, appended to the page's. Default: no atmosphere or clouds, which with the small
 * window is what let software GL reach 20 fps on the 2-core machine (TRACE_QUERY= for all layers).
 */
const EXTRA_QUERY = process.env.TRACE_QUERY ?? '&layers=constellation,launches,labels,orbits'
/** Heap: samples after a forced GC, this far apart, per state (shown, hidden). */
const HEAP_SAMPLES = Number(process.env.TRACE_HEAP_SAMPLES ?? 6)
const HEAP_EVERY_MS = Number(process.env.TRACE_HEAP_EVERY_MS ?? 2000)
/** The traced page's path. */
export const tracePath = () => `/?sats=${SATS}&t=2030-01-01T00:00:00Z&warp=${WARP}&play=1&quality=${QUALITY}${EXTRA_QUERY}`
/** The traced page, in words (for the tables). */
export const tracePage = () => `\`${tracePath()}\` at ${VW}×${VH}`

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink',
  'cc',
  'gpu',
  'viz',
  'v8.execute',
  'toplevel',
  'renderer.scheduler',
]

/** Groups of main-thread self time, by event name (first match wins). @type {[string, RegExp][]} */
export const GROUPS = [
  ['GL', /WebGL|GLES2|CommandBuffer|gpu::|Gpu|\bGL\b|SwapBuffers|ReadPixels|Flush|WaitFor|SyncToken|SharedImage/i],
  [
    'script',
    /FunctionCall|EvaluateScript|v8\.|V8\.|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|GCEvent|MinorGC|MajorGC|HandlePostMessage|PostMessage/,
  ],
  ['style', /UpdateLayoutTree|RecalculateStyles|RecalcStyle|ParseAuthorStyleSheet|ScheduleStyleRecalculation|StyleInvalidator/],
  ['layout', /Layout|InlineNode::|ShapeText/i],
  ['paint', /Paint|RasterInvalidation|Decode/],
  ['compositing', /Layerize|UpdateLayer|CompositeLayers|Commit|LayerTreeHost|ProxyMain|BeginMainFrame|cc::|Compositing|ScrollTree|PaintController/],
]
export const groupOf = (/** @type {string} */ name) => GROUPS.find(([, re]) => re.test(name))?.[0] ?? 'other'

/**
 * Self time in ms per event name on one thread (complete 'X' events and B/E pairs), and the
 * inclusive time of top-level tasks (the thread's busy time).
 * @param {any[]} events
 * @param {number} pid
 * @param {number} tid
 */
export function selfTimes(events, pid, tid) {
  /** @type {{ name: string, start: number, end: number }[]} */
  const spans = []
  /** @type {Map<string, number[]>} */
  const open = new Map()
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue
    if (e.ph === 'X' && typeof e.dur === 'number') spans.push({ name: e.name, start: e.ts, end: e.ts + e.dur })
    else if (e.ph === 'B') {
      const s = open.get(e.name) ?? []
      s.push(e.ts)
      open.set(e.name, s)
    } else if (e.ph === 'E') {
      const s = open.get(e.name)
      const start = s?.pop()
      if (start !== undefined) spans.push({ name: e.name, start, end: e.ts })
    }
  }
  // Parents first: by start, then the longer first.
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  /** @type {Map<string, number>} */
  const self = new Map()
  /** @type {{ name: string, start: number, end: number, child: number }[]} */
  const stack = []
  let busyUs = 0
  const close = (/** @type {{ name: string, start: number, end: number, child: number }} */ s) => {
    self.set(s.name, (self.get(s.name) ?? 0) + (s.end - s.start - s.child))
  }
  for (const sp of spans) {
    while (stack.length && stack[stack.length - 1].end <= sp.start) close(/** @type {any} */ (stack.pop()))
    const parent = stack[stack.length - 1]
    // A child that outlives its parent (clock skew) is clipped to it.
    const end = parent ? Math.min(sp.end, parent.end) : sp.end
    if (parent) parent.child += end - sp.start
    else busyUs += end - sp.start
    stack.push({ name: sp.name, start: sp.start, end, child: 0 })
  }
  while (stack.length) close(/** @type {any} */ (stack.pop()))
  const ms = new Map([...self].map(([k, v]) => [k, v / 1000]))
  return { self: ms, busyMs: busyUs / 1000 }
}

/** The thread ids named `threadName` in the trace: [pid, tid, event count] for each. @param {any[]} events */
function threadsNamed(events, threadName) {
  const ids = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === threadName).map((e) => [e.pid, e.tid])
  return ids.map(([pid, tid]) => [pid, tid, events.reduce((n, e) => n + (e.pid === pid && e.tid === tid ? 1 : 0), 0)])
}
/** The busiest thread of that name. @param {any[]} events */
function busiest(events, threadName) {
  const t = threadsNamed(events, threadName).sort((a, b) => b[2] - a[2])[0]
  return t ? { pid: t[0], tid: t[1] } : null
}

/**
 * Records one trace window on an open page; frames counted by the page's own rAF counter
 * (window.__traceFrames, added by the init script below).
 * @param {import('playwright-core').CDPSession} cdp
 * @param {import('playwright-core').Page} page
 */
async function record(cdp, page, seconds) {
  /** @type {any[]} */
  const events = []
  const onData = (/** @type {any} */ d) => events.push(...d.value)
  cdp.on('Tracing.dataCollected', onData)
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' })
  const f0 = await page.evaluate(() => /** @type {any} */ (window).__traceFrames)
  await page.waitForTimeout(seconds * 1000)
  const f1 = await page.evaluate(() => /** @type {any} */ (window).__traceFrames)
  await cdp.send('Tracing.end')
  await done
  cdp.off('Tracing.dataCollected', onData)
  return { events, frames: Math.max(1, f1 - f0) }
}

/**
 * Layer count and painted area (CSS px², layers that draw content) from the LayerTree domain, with
 * each large layer's compositing reasons, its DOM node and how often it was painted in `ms`.
 * @param {import('playwright-core').CDPSession} cdp
 */
async function layers(cdp, ms = 3000) {
  /** @type {any[][]} */
  const trees = []
  const on = (/** @type {any} */ e) => {
    if (e.layers) trees.push(e.layers)
  }
  cdp.on('LayerTree.layerTreeDidChange', on)
  await cdp.send('DOM.getDocument')
  await cdp.send('LayerTree.enable')
  await new Promise((r) => setTimeout(r, ms))
  const first = trees[0] ?? []
  const last = trees[trees.length - 1] ?? []
  const drawing = last.filter((l) => l.drawsContent)
  const big = []
  for (const l of drawing.filter((x) => x.width * x.height > 20000)) {
    const before = first.find((x) => x.layerId === l.layerId)
    /** @type {string[]} */
    let reasons = []
    try {
      reasons = (await cdp.send('LayerTree.compositingReasons', { layerId: l.layerId })).compositingReasonIds ?? []
    } catch {}
    let node = ''
    if (l.backendNodeId) {
      try {
        const n = (await cdp.send('DOM.describeNode', { backendNodeId: l.backendNodeId })).node
        const cls = (n.attributes ?? []).reduce(
          (/** @type {string} */ a, /** @type {string} */ x, /** @type {number} */ i, /** @type {string[]} */ arr) => (arr[i - 1] === 'class' ? x : a),
          '',
        )
        node = `${n.localName || n.nodeName}${cls ? `.${cls.split(' ').join('.')}` : ''}`
      } catch {}
    }
    big.push(
      `${Math.round(l.width)}×${Math.round(l.height)} ${node || l.debugName || '?'} [${reasons.join(' ')}] paints ${l.paintCount - (before?.paintCount ?? 0)} in ${ms / 1000} s`,
    )
  }
  await cdp.send('LayerTree.disable')
  cdp.off('LayerTree.layerTreeDidChange', on)
  return {
    layers: last.length,
    drawing: drawing.length,
    areaPx: Math.round(drawing.reduce((a, l) => a + l.width * l.height, 0)),
    big: big.join('; '),
  }
}

/**
 * A V8 CPU profile of one window: self ms per frame by function (name, file, line).
 * @param {import('playwright-core').CDPSession} cdp
 * @param {import('playwright-core').Page} page
 */
async function profile(cdp, page, seconds) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const f0 = await page.evaluate(() => /** @type {any} */ (window).__traceFrames)
  await page.waitForTimeout(seconds * 1000)
  const f1 = await page.evaluate(() => /** @type {any} */ (window).__traceFrames)
  const { profile: p } = await cdp.send('Profiler.stop')
  await cdp.send('Profiler.disable')
  const frames = Math.max(1, f1 - f0)
  /** @type {Map<number, any>} */
  const byId = new Map(p.nodes.map((/** @type {any} */ n) => [n.id, n]))
  /** @type {Map<number, number>} */
  const hits = new Map()
  const ts = p.timeDeltas ?? []
  const samples = p.samples ?? []
  for (let i = 0; i < samples.length; i++) hits.set(samples[i], (hits.get(samples[i]) ?? 0) + (ts[i + 1] ?? ts[i] ?? 0))
  /** @type {Map<string, number>} */
  const self = new Map()
  for (const [id, us] of hits) {
    const cf = byId.get(id).callFrame
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + us / 1000 / frames)
  }
  return self
}

/**
 * JS heap after a forced GC, HEAP_SAMPLES times HEAP_EVERY_MS apart: the least-squares slope in
 * KB per second and per frame, first and last sample (MB).
 * @param {import('playwright-core').CDPSession} cdp
 * @param {import('playwright-core').Page} page
 */
async function heapSlope(cdp, page) {
  /** @type {[number, number][]} */
  const pts = []
  const f0 = await page.evaluate(() => /** @type {any} */ (window).__traceFrames)
  const t0 = Date.now()
  for (let i = 0; i < HEAP_SAMPLES; i++) {
    if (i) await page.waitForTimeout(HEAP_EVERY_MS)
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    pts.push([(Date.now() - t0) / 1000, usedSize])
  }
  const f1 = await page.evaluate(() => /** @type {any} */ (window).__traceFrames)
  const n = pts.length
  const mx = pts.reduce((a, p) => a + p[0], 0) / n
  const my = pts.reduce((a, p) => a + p[1], 0) / n
  const sxx = pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0)
  const bytesPerS = sxx > 0 ? pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / sxx : 0
  const seconds = pts[n - 1][0]
  const fps = seconds > 0 ? (f1 - f0) / seconds : 0
  return {
    kbPerS: bytesPerS / 1024,
    kbPerFrame: fps > 0 ? bytesPerS / 1024 / fps : 0,
    firstMB: pts[0][1] / 1e6,
    lastMB: pts[n - 1][1] / 1e6,
    seconds,
  }
}

/**
 * The overlay's DOM changes for `seconds`: changes a second by panel (class of the nearest .panel,
 * else of the nearest element with a class) and kind, and frames a second carrying at least one.
 * @param {import('playwright-core').Page} page
 */
async function census(page, seconds = 5) {
  return page.evaluate(async (ms) => {
    /** @type {Record<string, number>} */
    const per = {}
    let frames = 0,
      changed = 0,
      dirty = false
    const mo = new MutationObserver((list) => {
      dirty = true
      for (const m of list) {
        const n = /** @type {Element | null} */ (m.target.nodeType === 1 ? m.target : m.target.parentElement)
        const panel = n?.closest('.panel') ?? n?.closest('[class]')
        const key = `${panel?.className.split(' ').slice(0, 2).join('.') ?? '?'} ${m.type}${m.attributeName ? `:${m.attributeName}` : ''}`
        per[key] = (per[key] ?? 0) + 1
      }
    })
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    const t0 = performance.now()
    await new Promise((res) => {
      const tick = () => {
        frames++
        if (dirty) changed++
        dirty = false
        if (performance.now() - t0 < ms) requestAnimationFrame(tick)
        else res(null)
      }
      requestAnimationFrame(tick)
    })
    mo.disconnect()
    const s = (performance.now() - t0) / 1000
    return {
      fps: frames / s,
      changedFramesPerS: changed / s,
      byPanel: Object.entries(per)
        .map(([k, v]) => [k, v / s])
        .sort((a, b) => Number(b[1]) - Number(a[1])),
    }
  }, seconds * 1000)
}

/** Per-frame ms per event name on the renderer main thread, grouped, plus other threads. */
function analyse(/** @type {any[]} */ events, /** @type {number} */ frames) {
  const main = busiest(events, 'CrRendererMain')
  if (!main) throw new Error('no CrRendererMain thread in the trace')
  const { self, busyMs } = selfTimes(events, main.pid, main.tid)
  const perFrame = new Map([...self].map(([k, v]) => [k, v / frames]))
  /** @type {Record<string, number>} */
  const groups = {}
  for (const [k, v] of perFrame) groups[groupOf(k)] = (groups[groupOf(k)] ?? 0) + v
  /** @type {Record<string, number>} */
  const threads = {}
  for (const name of ['Compositor', 'CrGpuMain', 'VizCompositorThread']) {
    const t = busiest(events, name)
    if (t) threads[name] = selfTimes(events, t.pid, t.tid).busyMs / frames
  }
  return { perFrame, groups, busyMs: busyMs / frames, threads, frames }
}

/**
 * Shown / hidden / shown trace windows on one page at `origin`. Returns per-frame figures for
 * each and the overlay's own cost (mean of shown minus hidden) by group.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {{ seconds?: number, warmupMs?: number, dump?: string, profileJs?: boolean, css?: string }} [opts]
 */
export async function traceOverlay(browser, origin, { seconds = SECONDS, warmupMs = WARMUP_MS, dump, profileJs = false, css = '' } = {}) {
  const page = await browser.newPage({ viewport: { width: VW, height: VH } })
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window)
    w.__traceFrames = 0
    const tick = () => {
      w.__traceFrames++
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  const cdp = await page.context().newCDPSession(page)
  await page.goto(`${origin}${tracePath()}`)
  await page.waitForFunction(() => !!(/** @type {any} */ (window).__terawatt?.useUi), null, { timeout: 180000 })
  if (css) await page.addStyleTag({ content: css })
  await page.waitForTimeout(warmupMs)
  const setHidden = (/** @type {boolean} */ h) => page.evaluate((x) => /** @type {any} */ (window).__terawatt.useUi.setState({ uiHidden: x }), h)
  const layersOn = await layers(cdp)
  const on1 = await record(cdp, page, seconds)
  await setHidden(true)
  await page.waitForTimeout(1000)
  const layersOff = await layers(cdp)
  const off = await record(cdp, page, seconds)
  await setHidden(false)
  await page.waitForTimeout(1000)
  const on2 = await record(cdp, page, seconds)
  /** @type {{ name: string, shown: number, hidden: number, diff: number }[]} */
  let jsByFunction = []
  if (profileJs) {
    const pOn = await profile(cdp, page, seconds)
    await setHidden(true)
    await page.waitForTimeout(1000)
    const pOff = await profile(cdp, page, seconds)
    await setHidden(false)
    jsByFunction = [...new Set([...pOn.keys(), ...pOff.keys()])]
      .map((n) => ({ name: n, shown: pOn.get(n) ?? 0, hidden: pOff.get(n) ?? 0, diff: (pOn.get(n) ?? 0) - (pOff.get(n) ?? 0) }))
      .sort((x, y) => Math.abs(y.diff) - Math.abs(x.diff))
  }
  // Heap after forced GC and the DOM-change census: shown, then hidden.
  const heapOn = await heapSlope(cdp, page)
  const censusOn = await census(page)
  await setHidden(true)
  await page.waitForTimeout(1000)
  const heapOff = await heapSlope(cdp, page)
  const censusOff = await census(page)
  await page.close()
  if (dump) writeFileSync(dump, JSON.stringify({ traceEvents: on1.events }))
  const a1 = analyse(on1.events, on1.frames),
    a0 = analyse(off.events, off.frames),
    a2 = analyse(on2.events, on2.frames)
  const names = new Set([...a1.perFrame.keys(), ...a0.perFrame.keys(), ...a2.perFrame.keys()])
  const byName = [...names]
    .map((n) => {
      const shown = ((a1.perFrame.get(n) ?? 0) + (a2.perFrame.get(n) ?? 0)) / 2
      const hidden = a0.perFrame.get(n) ?? 0
      return { name: n, group: groupOf(n), shown, hidden, diff: shown - hidden }
    })
    .sort((x, y) => Math.abs(y.diff) - Math.abs(x.diff))
  const groupNames = [...GROUPS.map(([g]) => g), 'other']
  const groups = groupNames.map((g) => {
    const shown = ((a1.groups[g] ?? 0) + (a2.groups[g] ?? 0)) / 2
    const hidden = a0.groups[g] ?? 0
    return { group: g, shown, hidden, diff: shown - hidden }
  })
  const busy = { shown: (a1.busyMs + a2.busyMs) / 2, hidden: a0.busyMs }
  const fps = { shown: (on1.frames + on2.frames) / 2 / seconds, hidden: off.frames / seconds }
  const threads = Object.keys({ ...a1.threads, ...a0.threads }).map((t) => ({
    thread: t,
    shown: ((a1.threads[t] ?? 0) + (a2.threads[t] ?? 0)) / 2,
    hidden: a0.threads[t] ?? 0,
  }))
  /** The overlay's own cost: style + layout + paint + compositing + script, shown minus hidden. */
  const OWN = ['script', 'style', 'layout', 'paint', 'compositing']
  const own = groups.filter((g) => OWN.includes(g.group)).reduce((s, g) => s + g.diff, 0)
  // Per second of wall time: the same groups' totals over the windows (shown: both windows).
  const perS = (/** @type {ReturnType<typeof analyse>} */ a, /** @type {string} */ g) => ((a.groups[g] ?? 0) * a.frames) / seconds
  const groupsPerS = groupNames.map((g) => {
    const shown = (perS(a1, g) + perS(a2, g)) / 2
    const hidden = perS(a0, g)
    return { group: g, shown, hidden, diff: shown - hidden }
  })
  const ownPerS = groupsPerS.filter((g) => OWN.includes(g.group)).reduce((s, g) => s + g.diff, 0)
  return {
    page: tracePage(),
    groupsPerS,
    ownPerS,
    heap: { shown: heapOn, hidden: heapOff },
    census: { shown: censusOn, hidden: censusOff },
    jsByFunction,
    byName,
    groups,
    busy,
    fps,
    threads,
    own,
    layers: { shown: layersOn, hidden: layersOff },
    frames: { on1: on1.frames, off: off.frames, on2: on2.frames },
  }
}

const f2 = (/** @type {number} */ x) => x.toFixed(3)

/** Markdown tables of a traceOverlay result. @param {Awaited<ReturnType<typeof traceOverlay>>} r */
export function tables(r, top = 25) {
  const f1 = (/** @type {number} */ x) => x.toFixed(1)
  const h = (/** @type {typeof r.heap.shown} */ x) =>
    `${f1(x.kbPerS)} KB/s (${x.kbPerFrame.toFixed(2)} KB/frame), ${x.firstMB.toFixed(2)} → ${x.lastMB.toFixed(2)} MB over ${x.seconds.toFixed(0)} s`
  const c = (/** @type {typeof r.census.shown} */ x) =>
    `${f1(x.fps)} fps, ${x.changedFramesPerS.toFixed(2)} frames/s carry a DOM change (${((100 * x.changedFramesPerS) / Math.max(1e-9, x.fps)).toFixed(1)} %); ${x.byPanel.map(([k, v]) => `${k} ${Number(v).toFixed(2)}/s`).join(', ') || 'none'}`
  return [
    `Page ${r.page}.`,
    `Frames: shown ${r.frames.on1} + ${r.frames.on2}, hidden ${r.frames.off} (fps shown ${r.fps.shown.toFixed(2)}, hidden ${r.fps.hidden.toFixed(2)}).`,
    `Layers (LayerTree): shown ${r.layers.shown.layers} (${r.layers.shown.drawing} drawing, ${r.layers.shown.areaPx.toLocaleString('en-US')} px²; large: ${r.layers.shown.big || 'none'}); hidden ${r.layers.hidden.layers} (${r.layers.hidden.drawing} drawing, ${r.layers.hidden.areaPx.toLocaleString('en-US')} px²).`,
    '',
    '| main thread, ms/frame | shown | hidden | shown − hidden |',
    '|---|---|---|---|',
    `| busy (top-level tasks) | ${f2(r.busy.shown)} | ${f2(r.busy.hidden)} | ${f2(r.busy.shown - r.busy.hidden)} |`,
    ...r.groups.map((g) => `| ${g.group} | ${f2(g.shown)} | ${f2(g.hidden)} | ${f2(g.diff)} |`),
    `| **overlay's own (script+style+layout+paint+compositing)** | | | **${f2(r.own)}** |`,
    ...r.threads.map((t) => `| thread ${t.thread} busy | ${f2(t.shown)} | ${f2(t.hidden)} | ${f2(t.shown - t.hidden)} |`),
    '',
    '| main thread, ms per second | shown | hidden | shown − hidden |',
    '|---|---|---|---|',
    ...r.groupsPerS.map((g) => `| ${g.group} | ${f1(g.shown)} | ${f1(g.hidden)} | ${f1(g.diff)} |`),
    `| **overlay's own (script+style+layout+paint+compositing)** | | | **${f1(r.ownPerS)}** |`,
    '',
    `JS heap after forced GC: shown ${h(r.heap.shown)}; hidden ${h(r.heap.hidden)}.`,
    `DOM changes (MutationObserver, 5 s): shown ${c(r.census.shown)}. Hidden: ${c(r.census.hidden)}.`,
    '',
    '| event (self time) | group | shown | hidden | shown − hidden |',
    '|---|---|---|---|---|',
    ...r.byName.slice(0, top).map((n) => `| ${n.name} | ${n.group} | ${f2(n.shown)} | ${f2(n.hidden)} | ${f2(n.diff)} |`),
    ...(r.jsByFunction.length
      ? [
          '',
          '| JS function (CPU profile, self ms/frame) | shown | hidden | shown − hidden |',
          '|---|---|---|---|',
          ...r.jsByFunction.slice(0, top).map((n) => `| ${n.name} | ${f2(n.shown)} | ${f2(n.hidden)} | ${f2(n.diff)} |`),
        ]
      : []),
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { servePreview, launchChromium } = await import('./serve.mjs')
  // label=dist pairs, traced one after the other in this run (one browser); default the one build.
  const dists = (process.env.TRACE_DISTS ?? `this=${process.env.BENCH_DIST ?? 'dist'}`).split(',').map((x) => x.split('='))
  const repeat = Number(process.env.TRACE_REPEAT ?? 1)
  const browser = await launchChromium()
  /** @type {{ label: string, r: Awaited<ReturnType<typeof traceOverlay>> }[]} */
  const results = []
  try {
    // TRACE_REPEAT rounds, the builds alternating within each (drift in the machine's load falls on both).
    for (const [label, dist] of Array.from({ length: repeat }, () => dists).flat()) {
      const server = await servePreview(dist)
      try {
        const r = await traceOverlay(browser, server.origin, {
          dump: process.env.TRACE_JSON,
          profileJs: process.env.TRACE_PROFILE === '1',
          css: process.env.TRACE_CSS,
        })
        results.push({ label, r })
        console.log(`## ${label} (${dist}), ${new Date().toISOString()}\n\n${tables(r, Number(process.env.TRACE_TOP ?? 25))}\n`)
      } finally {
        await server.close()
      }
    }
  } finally {
    await browser.close()
  }
  if (repeat > 1)
    for (const [label] of dists) {
      const rs = results.filter((x) => x.label === label).map((x) => x.r)
      const m = (/** @type {(r: (typeof rs)[number]) => number} */ f) => rs.reduce((a, r) => a + f(r), 0) / rs.length
      results.push({
        label: `${label}, mean of ${rs.length}`,
        r: {
          ...rs[0],
          fps: { shown: m((r) => r.fps.shown), hidden: m((r) => r.fps.hidden) },
          own: m((r) => r.own),
          ownPerS: m((r) => r.ownPerS),
          census: {
            ...rs[0].census,
            shown: { ...rs[0].census.shown, fps: m((r) => r.census.shown.fps), changedFramesPerS: m((r) => r.census.shown.changedFramesPerS) },
          },
          heap: {
            shown: { ...rs[0].heap.shown, kbPerS: m((r) => r.heap.shown.kbPerS) },
            hidden: { ...rs[0].heap.hidden, kbPerS: m((r) => r.heap.hidden.kbPerS) },
          },
        },
      })
    }
  if (results.length > 1) {
    console.log(
      "| build | fps shown / hidden | overlay's own, ms/s | the same ÷ shown fps, ms/frame | shown − hidden of per-frame means, ms/frame | frames/s carrying a DOM change | heap shown / hidden, KB/s after GC |",
    )
    console.log('|---|---|---|---|---|---|---|')
    for (const { label, r } of results)
      console.log(
        `| ${label} | ${r.fps.shown.toFixed(1)} / ${r.fps.hidden.toFixed(1)} | ${r.ownPerS.toFixed(1)} | ${(r.ownPerS / r.fps.shown).toFixed(2)} | ${r.own.toFixed(3)} | ${r.census.shown.changedFramesPerS.toFixed(2)} of ${r.census.shown.fps.toFixed(1)} | ${r.heap.shown.kbPerS.toFixed(1)} / ${r.heap.hidden.kbPerS.toFixed(1)} |`,
      )
  }
  process.exit(0)
}

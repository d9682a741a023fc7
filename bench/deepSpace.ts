// npm run bench (deep-space part; alone: npx tsx bench/deepSpace.ts): the deep-space worker's cost,
// measured by driving its handler (src/worker/deepSpace/host.ts) in Node as the page drives the
// worker at 10⁵× warp: 30 step requests per real second, each 10⁵/30 s ≈ 0.93 simulated hours on.
// Rows: the base's growth model sets the shots (the app's default), the scenario's shotsPerHour
// schedule alone (rateSource 'schedule'), and that schedule × 10. Each row first jumps from the
// swarm's epoch to the start instant (the catch-up, timed separately), then steps through
// BENCH_DEEP_DAYS simulated days. post() structured-clones every message with its transfer list,
// as postMessage does, so serialisation is in the worker time. Prints a JSON summary and writes the
// table into BENCHMARKS.md between the bench:deepspace markers.
// Environment: BENCH_PARTS (comma list; this part runs when it holds 'deepspace', default all),
// BENCH_DEEP_START (ISO UTC, default 2045-01-01T00:00:00Z), BENCH_DEEP_DAYS (default 30),
// BENCH_DEEP_ROWS (comma list of base, schedule, schedule10; default all three).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { defaultScenario } from '../src/sim/scenario/validate'
import type { Scenario } from '../src/sim/scenario/schema'
import { parseIsoUtc, toIsoUtc } from '../src/sim/time'
import { SHOWN_STRIDE } from '../src/sim/massDriver/inFlight'
import type { DeepSnapshot } from '../src/sim/massDriver/snapshot'
import { createDeepSpaceHost } from '../src/worker/deepSpace/host'
import type { DeepInitOptions, DeepWorkerToMain } from '../src/worker/deepSpace/protocol'
import { LOOKAHEAD_MS, STEP_BUDGET_MS } from '../src/worker/deepSpace/state'

const PARTS = (process.env.BENCH_PARTS ?? 'constellation,deepspace,frame').split(',').map((s) => s.trim())
if (!PARTS.includes('deepspace')) process.exit(0)

const START_ISO = process.env.BENCH_DEEP_START ?? '2045-01-01T00:00:00Z'
const START = parseIsoUtc(START_ISO)
if (START === null) throw new Error(`BENCH_DEEP_START=${START_ISO} is not an ISO UTC time`)
const DAYS = Number(process.env.BENCH_DEEP_DAYS ?? 30)
const ROWS = (process.env.BENCH_DEEP_ROWS ?? 'base,schedule,schedule10').split(',').map((s) => s.trim())
const WARP = 1e5
const REQUESTS_PER_S = 30
const STEP_MS = (WARP * 1000) / REQUESTS_PER_S
const SIM_HOURS_PER_REAL_S = WARP / 3600

interface RowSpec {
  key: string
  label: string
  rateSource: 'base' | 'schedule'
  factor: number
}
const SPECS: RowSpec[] = [
  { key: 'base', label: 'base growth model (app default)', rateSource: 'base', factor: 1 },
  { key: 'schedule', label: 'shotsPerHour schedule ×1 (default shot rate)', rateSource: 'schedule', factor: 1 },
  { key: 'schedule10', label: 'shotsPerHour schedule ×10', rateSource: 'schedule', factor: 10 },
]

function scenarioFor(spec: RowSpec): Scenario {
  const s = defaultScenario()
  const sched = s.massDriver.shotsPerHour.map(([y, v]) => [y, v * spec.factor] as [number, number])
  return { ...s, massDriver: { ...s.massDriver, shotsPerHour: sched } } as Scenario
}

const bytesOf = (d: unknown): number => {
  if (ArrayBuffer.isView(d)) return d.byteLength
  if (d && typeof d === 'object') {
    let n = 2
    for (const [k, v] of Object.entries(d)) n += k.length + bytesOf(v)
    return n
  }
  return JSON.stringify(d ?? null).length
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : 0
}

function runRow(spec: RowSpec) {
  const scenario = scenarioFor(spec)
  const options: DeepInitOptions = { rateSource: spec.rateSource }
  let msgs = 0,
    bytes = 0
  let last: DeepSnapshot | null = null
  let swarmEpochMs = NaN
  /** Payloads the main thread would draw in flight: shown shots of the windows it keeps. */
  const shown = new Map<number, number>()
  const post = (m: DeepWorkerToMain, transfer?: Transferable[]) => {
    const c = structuredClone(m, { transfer: (transfer ?? []) as Transferable[] }) as DeepWorkerToMain
    msgs++
    bytes += bytesOf(c)
    if (c.type === 'reset') swarmEpochMs = c.swarmEpochMs
    if (c.type === 'trajectory') shown.set(c.window.index, c.window.shown.length / SHOWN_STRIDE)
    if (c.type === 'snapshot') {
      last = c.snapshot
      for (const i of shown.keys()) if (i < c.snapshot.keep[0] || i > c.snapshot.keep[1]) shown.delete(i)
    }
  }
  const host = createDeepSpaceHost(post, () => performance.now())
  const snap = () => last as DeepSnapshot | null

  // Warm start: init, then a jump to the start instant, asked again while catching up (the page
  // asks again at its next frame; the worker also continues between requests, the same work).
  const i0 = performance.now()
  host.handle({ type: 'init', scenario, options })
  const initMs = performance.now() - i0
  let seq = 0,
    catchUpSteps = 0
  const c0 = performance.now()
  do {
    host.handle({ type: 'step', seq: ++seq, tMs: START! })
    catchUpSteps++
  } while (snap()?.catchingUp)
  const catchUpMs = performance.now() - c0
  const catchUpSimDays = (START! + LOOKAHEAD_MS - swarmEpochMs) / 86400e3
  const shots0 = snap()!.shots

  // Steady state: the frames of 10⁵× warp.
  msgs = 0
  bytes = 0
  const n = Math.round((DAYS * 86400e3) / STEP_MS)
  const stepMs: number[] = []
  let catchingUp = 0
  let maxInFlight = 0,
    sumInFlight = 0
  for (let i = 1; i <= n; i++) {
    const t0 = performance.now()
    host.handle({ type: 'step', seq: ++seq, tMs: START! + i * STEP_MS })
    stepMs.push(performance.now() - t0)
    const s = snap()!
    if (s.seq !== seq) throw new Error(`no snapshot for step ${seq}`)
    if (s.catchingUp) catchingUp++
    let f = 0
    for (const v of shown.values()) f += v
    maxInFlight = Math.max(maxInFlight, f)
    sumInFlight += f
  }
  const totalMs = stepMs.reduce((a, b) => a + b, 0)
  const simHours = (n * STEP_MS) / 3600e3
  // Worst real second at 10⁵×: the most worker time in any REQUESTS_PER_S consecutive steps.
  let worst = 0,
    acc = 0
  for (let i = 0; i < n; i++) {
    acc += stepMs[i]
    if (i >= REQUESTS_PER_S) acc -= stepMs[i - REQUESTS_PER_S]
    worst = Math.max(worst, acc)
  }
  const end = snap()!
  const realS = n / REQUESTS_PER_S
  const msPerSimHour = totalMs / simHours
  return {
    row: spec.key,
    label: spec.label,
    rateSource: spec.rateSource,
    scheduleFactor: spec.factor,
    meanShotsPerHour: +((end.shots - shots0) / simHours).toFixed(1),
    payloadsInFlightMean: Math.round(sumInFlight / n),
    payloadsInFlightMax: maxInFlight,
    steps: n,
    simHours: +simHours.toFixed(1),
    workerMsPerSimHour: +msPerSimHour.toFixed(3),
    workerMsPerRealSecondAt1e5: +(msPerSimHour * SIM_HOURS_PER_REAL_S).toFixed(1),
    worstRealSecondAt1e5Ms: +worst.toFixed(1),
    keepsUpAt1e5: worst < 1000,
    stepMsMean: +(totalMs / n).toFixed(3),
    stepMsP95: +percentile(stepMs, 0.95).toFixed(3),
    stepMsMax: +Math.max(...stepMs).toFixed(3),
    catchingUpSnapshots: catchingUp,
    msgsPerRealSecondAt1e5: +(msgs / realS).toFixed(1),
    bytesPerRealSecondAt1e5: Math.round(bytes / realS),
    initMs: +initMs.toFixed(1),
    catchUp: {
      fromIso: toIsoUtc(swarmEpochMs),
      simDays: +catchUpSimDays.toFixed(1),
      steps: catchUpSteps,
      ms: Math.round(catchUpMs),
      msPerSimDay: +(catchUpMs / catchUpSimDays).toFixed(2),
      shotsAtStart: shots0,
    },
  }
}

// JIT warm-up (not reported): a few weeks of windows from the epoch, so the first row's catch-up
// is not charged for compiling the integrator.
{
  const host = createDeepSpaceHost(
    () => {},
    () => performance.now(),
  )
  host.handle({ type: 'init', scenario: defaultScenario(), options: { rateSource: 'schedule' } })
  for (let d = 1; d <= 20; d++) host.handle({ type: 'step', seq: d, tMs: Date.UTC(2040, 0, 1) + d * 86400e3 })
}

const results = SPECS.filter((s) => ROWS.includes(s.key)).map((spec) => {
  const r = runRow(spec)
  console.log(JSON.stringify(r))
  return r
})

const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const row = (r: ReturnType<typeof runRow>) =>
  `| ${r.label} | ${r.meanShotsPerHour.toLocaleString('en-US')} | ${r.payloadsInFlightMean.toLocaleString('en-US')} (max ${r.payloadsInFlightMax.toLocaleString('en-US')}) | ${r.workerMsPerSimHour} | ${r.workerMsPerRealSecondAt1e5} | ${r.worstRealSecondAt1e5Ms} ${r.keepsUpAt1e5 ? '(keeps up)' : '(**falls behind**)'} | ${r.stepMsMean} / ${r.stepMsP95} / ${r.stepMsMax} | ${r.catchingUpSnapshots} of ${r.steps} | ${r.msgsPerRealSecondAt1e5} | ${r.bytesPerRealSecondAt1e5.toLocaleString('en-US')} | ${(r.catchUp.ms / 1000).toFixed(1)} s for ${r.catchUp.simDays.toLocaleString('en-US')} d (${r.catchUp.msPerSimDay} ms/d) |`
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}: \`src/worker/deepSpace/host.ts\` driven directly (\`bench/deepSpace.ts\`), one thread. Interval ${START_ISO} + ${DAYS} simulated days, stepped as the page asks at 10⁵× warp (${REQUESTS_PER_S} requests per real second, ${(STEP_MS / 3600e3).toFixed(3)} simulated hours each; ${SIM_HOURS_PER_REAL_S.toFixed(1)} simulated hours per real second), after a warm start: init and the jump from the swarm's epoch to the start (its catch-up in ${STEP_BUDGET_MS} ms budget steps is the last column, not counted in the others). Every message is structured-cloned with its transfer list, as postMessage does.`,
  '',
  '| shots from | mean shots/h in interval | payloads drawn in flight | worker ms per simulated hour | worker ms per real s at 10⁵× | worst real second at 10⁵×, ms | step ms mean / p95 / max | snapshots catching up | msgs per real s at 10⁵× | bytes per real s at 10⁵× | catch-up cost for a jump (epoch → start) |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(row),
  '',
  'Targets (issue 5): main thread under 2 ms per frame with 10k payloads in flight (the frame table below); the worker never falling behind real time at 10⁵× warp: under 1,000 ms of worker time in every real second.',
].join('\n')

const file = 'BENCHMARKS.md'
const start = '<!-- bench:deepspace:start -->',
  end = '<!-- bench:deepspace:end -->'
let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
if (!doc.includes(start)) {
  const section = `\n## Deep space: worker\n\n${start}\n${end}\n`
  const after = '<!-- bench:constellation:end -->'
  const i = doc.indexOf(after)
  doc = i >= 0 ? `${doc.slice(0, i + after.length)}\n${section}${doc.slice(i + after.length).replace(/^\n+/, '\n')}` : doc + section
}
doc = doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`)
writeFileSync(file, doc)
console.log(JSON.stringify({ deepspace: results }))
console.log(table)

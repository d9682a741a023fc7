// The story's cost (issue 10 "Speed"): milliseconds to compute the yearly rows (src/sim/story/yearly.ts)
// for 2026–2060 and 2026–2200, per preset, in Node directly and through the constellation worker's
// handler (src/worker/constellation/host.ts: init until its 'series' is posted, in Node).
// Each run uses a fresh scenario object, so nothing is cached from the run before (the launch sequence
// and the base's timeline are cached per scenario). Median of BENCH_STORY_RUNS runs (default 3) after
// one warm-up. Prints a markdown table. Run alone: npx tsx bench/story.ts
import os from 'node:os'
import { writeSection } from './section.mjs'
import { PRESETS, presetScenario } from '../src/sim/scenario/presets'
import type { Scenario } from '../src/sim/scenario/schema'
import { defaultScenario } from '../src/sim/scenario/validate'
import { yearlyRows } from '../src/sim/story/yearly'
import { createWorkerHost } from '../src/worker/constellation/host'

const RUNS = Number(process.env.BENCH_STORY_RUNS ?? 3)
const SPANS: [number, number][] = [
  [2026, 2060],
  [2026, 2200],
]

/** A fresh copy of a preset with the horizon [from, until] (structuredClone: no shared group objects). */
function fresh(id: string, from: number, until: number): Scenario {
  const s = structuredClone(presetScenario(id) ?? defaultScenario())
  s.horizon = { startYear: from, endYear: until }
  return s
}

const median = (xs: number[]): number => {
  const a = [...xs].sort((x, y) => x - y)
  return a[Math.floor(a.length / 2)]
}

function nodeMs(id: string, from: number, until: number): number {
  const s = fresh(id, from, until)
  const t0 = performance.now()
  yearlyRows(s, from, until)
  return performance.now() - t0
}

/**
 * The worker's handler on init with the scenario and its turns after it: all the work before its
 * 'series' (yearly rows over the horizon) is posted, i.e. the launch sequence to the horizon's end,
 * the base layout and the rows (now in slices of ≤ 8 ms, so no single turn holds the worker that long).
 */
function workerMs(id: string, from: number, until: number): number {
  let ms = Number.NaN
  const queue: (() => void)[] = []
  const t0 = performance.now()
  const host = createWorkerHost(
    (m) => {
      if (m.type === 'series') ms = performance.now() - t0
    },
    () => performance.now(),
    (fn) => queue.push(fn),
  )
  host.handle({ type: 'init', scenario: fresh(id, from, until) })
  // The rows are prepared a slice per turn (src/worker/constellation/operations/prepare.ts): run the turns.
  for (let fn = queue.shift(); fn && Number.isNaN(ms); fn = queue.shift()) fn()
  return ms
}

const rows: string[] = []
for (const p of PRESETS) {
  const cells: string[] = []
  for (const [from, until] of SPANS) {
    nodeMs(p.id, from, until) // warm-up
    cells.push(median(Array.from({ length: RUNS }, () => nodeMs(p.id, from, until))).toFixed(0))
    cells.push(median(Array.from({ length: RUNS }, () => workerMs(p.id, from, until))).toFixed(0))
  }
  rows.push(`| ${p.name} (\`${p.id}\`) | ${cells.join(' | ')} |`)
}
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)}: yearlyRows, median of ${RUNS} runs after a warm-up, ms, on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version} (\`bench/story.ts\`). "worker" is the constellation worker's handler from init until its 'series' message (launch sequence, first satellites, base layout and the rows).`,
  '',
  '| preset | 2026–2060 Node | 2026–2060 worker | 2026–2200 Node | 2026–2200 worker |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  'Target: under 200 ms for 2026–2060 (issue 10).',
]
console.log(lines.join('\n'))
writeSection('story', 'Story: the yearly rows', lines.join('\n'))

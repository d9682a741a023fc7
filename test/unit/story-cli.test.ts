/**
 * The command line's story (`run --format`, `milestones`) and the proof that the CLI's rows and
 * what the worker posts for the charts ('series', 'compare-series') are the same numbers, for
 * every preset (docs/CLI.md).
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PRESETS, presetScenario } from '../../src/sim/scenario/presets'
import type { Scenario } from '../../src/sim/scenario/schema'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { csvToRows, YEAR_ROW_FIELDS } from '../../src/sim/story/csv'
import type { YearRow } from '../../src/sim/story/yearly'
import { createWorkerHost } from '../../src/worker/constellation/host'
import type { WorkerToMain } from '../../src/worker/constellation/protocol'

const ROOT = resolve(__dirname, '../..')
const TSX = resolve(ROOT, 'node_modules/.bin/tsx')
const sim = (...args: string[]) => spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120000 })

/** The YearRow fields of a row (the CLI adds `at` and the areas). */
const pick = (r: object): Record<string, unknown> => Object.fromEntries(YEAR_ROW_FIELDS.map((f) => [f.key, Reflect.get(r, f.key)]))

/** What the worker posts for the charts: the 'series' rows of a scenario, and the 'compare-series' rows of another. */
function workerRows(s: Scenario, compareWith?: Scenario): { series: YearRow[]; compare: YearRow[] | null } {
  const posted: WorkerToMain[] = []
  const queue: (() => void)[] = []
  const host = createWorkerHost(
    (m) => posted.push(m),
    () => 0,
    (fn) => queue.push(fn),
  )
  host.handle({ type: 'init', scenario: s })
  if (compareWith) host.handle({ type: 'compare', id: 'b', scenario: compareWith })
  for (let i = 0; i < 10_000 && queue.length; i++) queue.shift()?.()
  let series: YearRow[] = []
  let compare: YearRow[] | null = null
  for (const m of posted) {
    if (m.type === 'series') series = m.rows
    if (m.type === 'compare-series') compare = m.rows
  }
  return { series, compare }
}

describe('the CLI rows are the charts’ numbers', () => {
  it('for every preset, `run --preset ID --format json` equals the worker’s series, field by field, and the comparison’s rows', () => {
    for (const p of PRESETS) {
      const s = presetScenario(p.id) ?? defaultScenario()
      const r = sim('run', '--preset', p.id, '--format', 'json')
      expect(r.status, r.stderr).toBe(0)
      const cli: Record<string, unknown>[] = JSON.parse(r.stdout)
      const other = presetScenario(PRESETS[(PRESETS.indexOf(p) + 1) % PRESETS.length].id) ?? defaultScenario()
      const w = workerRows(other, s)
      const own = workerRows(s)
      // One row per year of the horizon: the last stands at its end (1 January of endYear).
      expect(own.series.length).toBe(s.horizon.endYear - s.horizon.startYear)
      expect(cli.map(pick)).toEqual(own.series.map(pick))
      // The same scenario as the comparison ('compare-series', over the horizon in force) gives the same rows too.
      expect(w.compare?.map(pick)).toEqual(own.series.map(pick))
    }
  })
})

describe('run --format and milestones from the command line', () => {
  it('csv: a header and one line per year that parse back to the JSON rows; jsonl stays the default', () => {
    const csv = sim('run', '--from', '2028', '--until', '2032', '--format', 'csv')
    expect(csv.status, csv.stderr).toBe(0)
    const lines = csv.stdout.trimEnd().split('\n')
    expect(lines[0].split(',')).toEqual(YEAR_ROW_FIELDS.map((f) => f.key))
    expect(lines).toHaveLength(6)
    const json = sim('run', '--from', '2028', '--until', '2032')
    const rows = json.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(csvToRows(csv.stdout).map(pick)).toEqual(rows.map(pick))
    expect(rows.map((r) => r.at)).toEqual([
      '2029-01-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
      '2031-01-01T00:00:00Z',
      '2032-01-01T00:00:00Z',
      '2033-01-01T00:00:00Z',
    ])
    const bad = sim('run', '--format', 'xml')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--format must be one of jsonl, json, csv/)
  })
  it('milestones: each landmark with its instant, or null with the limit; --until past the horizon extends it', () => {
    const r = sim('milestones', '--preset', 'engineering', '--until', '2080')
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.until).toBe(2080)
    const ids = out.milestones.map((m: { id: string }) => m.id)
    expect(ids).toEqual(expect.arrayContaining(['satellites-cap', 'orbit-100gw-per-year', 'thrown-1tw-per-year', 'power-1tw', 'power-humanity', 'sun-0.03']))
    for (const m of out.milestones) {
      if (m.at === null) expect(m.limit, m.id).toBeTruthy()
      else expect(m.limit).toBeNull()
    }
    expect(sim('milestones', '--until', '3000').status).toBe(2)
  })
})

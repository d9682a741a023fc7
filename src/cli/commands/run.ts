/**
 * `run`: the story in numbers, one row per calendar year (src/sim/story/yearly.ts: the
 * constellation's launches, retirements and compute, the Moon's power, what the mass driver
 * throws, the swarm, the fraction of the Sun and K), each the state at the end of the year.
 * The same rows the app's charts draw (the worker's series). JSON Lines (default), JSON or CSV.
 */
import { arrayAreaForPowerM2, radiatorAreaForHeatM2 } from '../../sim/constellation/metrics'
import { horizonSchema } from '../../sim/scenario/horizon'
import type { Scenario } from '../../sim/scenario/schema'
import { rowsToCsv } from '../../sim/story/csv'
import { lastRowYear, type YearRow, yearlyRows } from '../../sim/story/yearly'
import { toIsoUtc } from '../../sim/time'
import { CliError, type Command, jsonl, num, oneOf, rawText } from '../args'
import { SCENARIO_OPTIONS, SCENARIO_USAGE, loadScenarioArg } from '../scenarioArg'

/** A yearly row as the CLI prints it: every YearRow field, unrounded, plus the instant and the areas. */
export interface RunRow extends YearRow {
  /** The row's instant (end of `year`), ISO-8601 UTC. */
  at: string
  arrayAreaM2: number
  radiatorAreaM2: number
}

export function runRows(scenario: Scenario, fromYear: number, untilYear: number): RunRow[] {
  const c = scenario.constellation
  return yearlyRows(scenario, fromYear, untilYear).map((r) => ({
    ...r,
    at: toIsoUtc(r.tMs),
    arrayAreaM2: arrayAreaForPowerM2(r.orbitalComputeW, c),
    radiatorAreaM2: radiatorAreaForHeatM2(r.orbitalComputeW, c),
  }))
}

/** The latest year `--until` accepts: the schema's horizon maximum. */
export const MAX_YEAR = horizonSchema.endYear.max - 1

/**
 * The scenario with its horizon reaching `untilYear` (a later `--until` extends the horizon for the
 * run, as a scenario file with that `horizon.endYear` would; the models hold to the schema maximum).
 */
export function withHorizonTo(scenario: Scenario, untilYear: number): Scenario {
  return untilYear + 1 > scenario.horizon.endYear ? { ...scenario, horizon: { ...scenario.horizon, endYear: untilYear + 1 } } : scenario
}

export const FORMATS = ['jsonl', 'json', 'csv'] as const

export const runCommand: Command = {
  name: 'run',
  summary: 'The story per year (launches, satellites, compute, Moon, mass driver, swarm, fraction of the Sun, K) as JSON Lines, JSON or CSV',
  usage: [
    'run [--until YEAR] [--from YEAR] [--format jsonl|json|csv] [--preset ID] [--scenario FILE]',
    `  --until YEAR     last calendar year to report (inclusive), up to ${MAX_YEAR} (default: the last year of the scenario's horizon, which ends on 1 January of its end year; later extends the horizon)`,
    "  --from YEAR      first year (default: the scenario's horizon start)",
    '  --format F       jsonl: one JSON object per line (default); json: one array on one line; csv: header and one line per year',
    SCENARIO_USAGE,
  ].join('\n'),
  options: ['until', 'from', 'format', ...SCENARIO_OPTIONS],
  jsonl: true,
  run: (args) => {
    const scenario = loadScenarioArg(args)
    const until = num(args, 'until', { min: 2000, max: MAX_YEAR, integer: true, default: lastRowYear(scenario) })
    const from = num(args, 'from', { min: 2000, max: MAX_YEAR, integer: true, default: scenario.horizon.startYear })
    const format = oneOf(args, 'format', FORMATS, 'jsonl')
    if (until < from) throw new CliError(`--until ${until} is before the first year ${from}.`)
    const rows = runRows(withHorizonTo(scenario, until), from, until)
    if (format === 'csv') return rawText(rowsToCsv(rows))
    return format === 'json' ? rawText(`${JSON.stringify(rows)}\n`) : jsonl(rows)
  },
}

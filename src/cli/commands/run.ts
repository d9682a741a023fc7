/**
 * `run`: the constellation's growth, one JSON row per calendar year (JSON Lines), from the
 * scenario's launch schedule (src/sim/constellation). Each row is the state at the end of the year.
 */
import { constellationMetricsAt } from '../../sim/constellation/metrics'
import { toIsoUtc, yearStartMs } from '../../sim/time'
import { CliError, type Command, jsonl, num, round } from '../args'
import { SCENARIO_OPTIONS, SCENARIO_USAGE, loadScenarioArg } from '../scenarioArg'
import type { Scenario } from '../../sim/scenario/schema'

export interface RunRow {
  year: number
  at: string
  launches: number
  launchesInYear: number
  massToOrbitT: number
  massToOrbitInYearT: number
  satellites: number
  orbitalComputeW: number
  arrayAreaM2: number
  radiatorAreaM2: number
  dataCentreRatio: number
}

export function runRows(scenario: Scenario, fromYear: number, untilYear: number): RunRow[] {
  const rows: RunRow[] = []
  let prev = constellationMetricsAt(scenario, yearStartMs(fromYear))
  for (let y = fromYear; y <= untilYear; y++) {
    const t = yearStartMs(y + 1)
    const m = constellationMetricsAt(scenario, t)
    rows.push({
      year: y,
      at: toIsoUtc(t),
      launches: m.launches,
      launchesInYear: m.launches - prev.launches,
      massToOrbitT: round(m.massToOrbitT, 3),
      massToOrbitInYearT: round(m.massToOrbitT - prev.massToOrbitT, 3),
      satellites: m.satellites,
      orbitalComputeW: round(m.orbitalComputeW, 0),
      arrayAreaM2: round(m.arrayAreaM2, 1),
      radiatorAreaM2: round(m.radiatorAreaM2, 1),
      dataCentreRatio: round(m.dataCentreRatio, 6),
    })
    prev = m
  }
  return rows
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Constellation growth per year (launches, mass, satellites, compute power, areas) as JSON Lines',
  usage: [
    'run --until YEAR [--from YEAR] [--preset NAME] [--scenario FILE]',
    '  --until YEAR     last calendar year to report (inclusive), 2000–2200',
    "  --from YEAR      first year (default: the scenario's horizon start)",
    SCENARIO_USAGE,
  ].join('\n'),
  options: ['until', 'from', ...SCENARIO_OPTIONS],
  jsonl: true,
  run: (args) => {
    const scenario = loadScenarioArg(args)
    const until = num(args, 'until', { min: 2000, max: 2200, integer: true })
    const from = num(args, 'from', { min: 2000, max: 2200, integer: true, default: scenario.horizon.startYear })
    if (until < from) throw new CliError(`--until ${until} is before the first year ${from}.`)
    return jsonl(runRows(scenario, from, until))
  },
}

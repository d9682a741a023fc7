/**
 * `milestones`: for a scenario, the first instant of each landmark of the story (the constellation's
 * cap, 100 GW/yr of orbital compute added, 1 TW/yr thrown from the Moon, 47 GW, 1 TW, 19.6 TW and
 * Earth's sunlight of power in space, 10⁻⁹ … 3 % of the Sun), or null with the limit that binds
 * (src/sim/story/milestones.ts).
 */
import { milestones } from '../../sim/story/milestones'
import { lastRowYear } from '../../sim/story/yearly'
import { CliError, type Command, num } from '../args'
import { SCENARIO_OPTIONS, SCENARIO_USAGE, loadScenarioArg } from '../scenarioArg'
import { MAX_YEAR, withHorizonTo } from './run'

export const milestonesCommand: Command = {
  name: 'milestones',
  summary: 'The first instant of each landmark (cap, 100 GW/yr, 1 TW/yr thrown, 1 TW, 19.6 TW, 10⁻⁹…3 % of the Sun), or null with the limit that binds',
  usage: [
    'milestones [--until YEAR] [--preset ID] [--scenario FILE]',
    `  --until YEAR     last calendar year searched (inclusive), up to ${MAX_YEAR} (default: the last year of the scenario's horizon; later extends the horizon)`,
    SCENARIO_USAGE,
  ].join('\n'),
  options: ['until', ...SCENARIO_OPTIONS],
  run: (args) => {
    const scenario = loadScenarioArg(args)
    const until = num(args, 'until', { min: 2000, max: MAX_YEAR, integer: true, default: lastRowYear(scenario) })
    if (until < scenario.horizon.startYear) throw new CliError(`--until ${until} is before the horizon start ${scenario.horizon.startYear}.`)
    return { scenario: scenario.name, from: scenario.horizon.startYear, until, milestones: milestones(withHorizonTo(scenario, until), until) }
  },
}

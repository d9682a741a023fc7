/**
 * The scenario a CLI command runs: `--preset ID` (default: the default scenario, which is the
 * seed claims) and/or `--scenario FILE` (JSON, applied over the preset; fields left out keep the
 * preset's values). Old preset ids (`conservative`) are still accepted.
 */
import { readFileSync } from 'node:fs'
import { parseScenarioJson } from '../sim/scenario/io'
import { PRESET_ALIASES, PRESETS, presetScenario } from '../sim/scenario/presets'
import type { Scenario } from '../sim/scenario/schema'
import { defaultScenario } from '../sim/scenario/validate'
import { CliError, str, type ParsedArgs } from './args'

/** Usage lines for commands that take a scenario. */
export const SCENARIO_USAGE = [
  `  --preset ID      start from a preset: ${PRESETS.map((p) => `${p.id} (${p.name})`).join(', ')}; default: seed (the default scenario)`,
  "  --scenario FILE  scenario JSON (as exported by the app); fields left out keep the preset's values",
].join('\n')

/** Option names to list in a command's `options`. */
export const SCENARIO_OPTIONS = ['preset', 'scenario']

export function loadScenarioArg(args: ParsedArgs): Scenario {
  const presetId = str(args, 'preset')
  let base = defaultScenario()
  if (presetId !== undefined) {
    const p = presetScenario(presetId)
    if (!p)
      throw new CliError(`Unknown preset "${presetId}"; presets: ${PRESETS.map((x) => x.id).join(', ')} (old ids: ${Object.keys(PRESET_ALIASES).join(', ')}).`)
    base = p
  }
  const file = str(args, 'scenario')
  if (file === undefined) return base
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : err instanceof Error ? err.message : String(err)
    throw new CliError(`Cannot read scenario file "${file}": ${why}.`)
  }
  const r = parseScenarioJson(text, base)
  if (!r.ok) {
    const lines = r.errors.map((e) => `  ${e.path || '(file)'}: ${e.message}`)
    throw new CliError(`Scenario file "${file}" is invalid (${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`)
  }
  return r.scenario
}

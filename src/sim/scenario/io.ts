/**
 * Scenario text in and out: JSON files (export/import, the CLI's --scenario) and URL overrides
 * (`?p.horizon.endYear=2080`). Everything goes through validateScenario, so input may set only
 * what it changes; a JSON syntax error becomes a ValidationError with path '' that says where the
 * text stops being JSON. Pure functions: the base scenario is never mutated.
 */
import { SCENARIO_SCHEMA, type Scenario } from './schema'
import type { ParamDef, ScenarioSchemaShape, ValidationError } from './types'
import { defaultScenario, validateScenario, type ValidationResult } from './validate'

/** Pretty JSON with a trailing newline; parseScenarioJson(serializeScenario(s)) gives s back. */
export function serializeScenario(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      start = i + 1
    }
  }
  return { line, column: offset - start + 1 }
}

/** Where a JSON.parse error happened, from its message (engines word it differently), or null. */
function syntaxErrorOffset(message: string, text: string): number | null {
  const pos = /position (\d+)/.exec(message)
  if (pos) return Number(pos[1])
  const lc = /line (\d+) column (\d+)/.exec(message)
  if (lc) {
    const lines = text.split('\n')
    let off = 0
    for (let i = 0; i < Number(lc[1]) - 1 && i < lines.length; i++) off += lines[i].length + 1
    return off + Number(lc[2]) - 1
  }
  if (/end of (JSON|data) input|Unexpected end/i.test(message)) return text.length
  return null
}

/** Parses and validates scenario JSON text; fields left out take `base`'s values. */
export function parseScenarioJson(text: string, base?: Scenario): ValidationResult {
  if (text.trim() === '') {
    return { ok: false, errors: [{ path: '', message: 'The text is not valid JSON: it is empty.' }] }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err)
    const detail = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s*in JSON at position \d+/, '')
    const off = syntaxErrorOffset(raw, text)
    const where = off === null ? '' : (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, off))
    return { ok: false, errors: [{ path: '', message: `The text is not valid JSON${where}: ${detail}.` }] }
  }
  return validateScenario(data, base)
}

/** URL parameters that override scenario fields start with this: `p.<group>.<key>=<value>`. */
export const URL_OVERRIDE_PREFIX = 'p.'

// A plain decimal number (optionally signed, with exponent); Number() alone would also take '', '0x10', ' 7 '.
const DECIMAL_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/** The typed value of one URL override, or an error message (the text is handed on as is when it is not a number). */
function urlValue(def: ParamDef, text: string, param: string): { value: unknown } | { error: string } {
  switch (def.kind) {
    case 'number':
      // Not a number: pass the text on, so validation names the field and its range.
      return { value: DECIMAL_RE.test(text) ? Number(text) : text }
    case 'enum':
      return { value: text }
    case 'boolean':
      if (text === 'true' || text === '1') return { value: true }
      if (text === 'false' || text === '0') return { value: false }
      return { error: `URL parameter ${param} must be true or false (or 1 or 0); got ${JSON.stringify(text.slice(0, 40))}.` }
    case 'schedule':
    case 'list':
      return {
        error: `URL parameter ${param}: ${def.label} is a ${def.kind === 'list' ? 'list' : 'schedule of [year, value] points'} and cannot be set from the URL; use the scenario panel or a scenario JSON file.`,
      }
  }
}

/**
 * Reads `p.<group>.<key>=<number|string|true/false>` overrides from a URL's query and validates
 * them over `base`. Other parameters (t, warp, focus, ...) are ignored. Schedules and lists cannot
 * be set this way: naming one is an error. All problems are reported at once, each with the field
 * path; with no `p.` parameters the result is `base` itself (validated).
 */
export function scenarioFromUrlOverrides(params: URLSearchParams, base: Scenario = defaultScenario()): ValidationResult {
  const errors: ValidationError[] = []
  const input: Record<string, Record<string, unknown>> = {}
  const schema: ScenarioSchemaShape = SCENARIO_SCHEMA
  const seen = new Set<string>()
  for (const [param, text] of params) {
    if (!param.startsWith(URL_OVERRIDE_PREFIX)) continue
    const path = param.slice(URL_OVERRIDE_PREFIX.length)
    const [group, key, ...more] = path.split('.')
    const shape = Object.hasOwn(schema, group) ? schema[group] : undefined
    if (!shape) {
      errors.push({ path, message: `URL parameter ${param}: unknown section "${group}"; known sections: ${Object.keys(schema).join(', ')}.` })
      continue
    }
    const def = key !== undefined && more.length === 0 && Object.hasOwn(shape, key) ? shape[key] : undefined
    if (!def) {
      errors.push({ path, message: `URL parameter ${param}: unknown field; known fields of ${group}: ${Object.keys(shape).join(', ')}.` })
      continue
    }
    if (seen.has(path)) {
      errors.push({ path, message: `URL parameter ${param} is given more than once.` })
      continue
    }
    seen.add(path)
    const v = urlValue(def, text, param)
    if ('error' in v) errors.push({ path, message: v.error })
    else (input[group] ??= {})[key] = v.value
  }
  const r = validateScenario(input, base)
  if (errors.length === 0) return r
  return { ok: false, errors: r.ok ? errors : [...errors, ...r.errors] }
}

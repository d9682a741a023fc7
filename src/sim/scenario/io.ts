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

/** What salvageScenario gives: the validation of what was kept, and each field dropped with why. */
export interface Salvage {
  result: ValidationResult
  /** "path: problem" for each field left out (it takes `base`'s value). */
  dropped: string[]
}

/** The field a validation error is about, as [section] or [section, key] ('constellation.shells[0].sharePct' → shells). */
function fieldOf(path: string): string[] {
  if (path === '') return []
  const [group, key] = path.split('.')
  return key === undefined ? [group] : [group, key.replace(/\[.*$/, '')]
}

/**
 * As much of a scenario text as validates (restoring a saved scenario that no longer does): the
 * fields that fail are left out, one by one, so they take `base`'s values, until the rest passes.
 * Text that is not JSON or not an object salvages nothing (result fails with its reason).
 * Pure: the parsed text is copied, nothing is mutated.
 */
export function salvageScenario(text: string, base: Scenario = defaultScenario()): Salvage {
  const whole = parseScenarioJson(text, base)
  if (whole.ok) return { result: whole, dropped: [] }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { result: whole, dropped: [] }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { result: whole, dropped: [] }
  const work: Record<string, unknown> = structuredClone(data as Record<string, unknown>)
  const dropped: string[] = []
  // Each round drops every field named by an error; a field can only go once, so this ends.
  for (;;) {
    const r = validateScenario(work, base)
    if (r.ok) return { result: r, dropped }
    let removed = false
    for (const e of r.errors) {
      const [group, key] = fieldOf(e.path)
      if (group === undefined || !Object.hasOwn(work, group)) continue
      const section = work[group]
      if (key !== undefined && typeof section === 'object' && section !== null && !Array.isArray(section) && Object.hasOwn(section, key)) {
        delete (section as Record<string, unknown>)[key]
      } else if (key === undefined || typeof section !== 'object' || section === null) {
        delete work[group]
      } else continue
      dropped.push(`${key === undefined ? group : `${group}.${key}`}: ${e.message}`)
      removed = true
    }
    if (!removed) return { result: r, dropped }
  }
}

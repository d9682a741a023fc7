/**
 * Validation of untrusted scenario input (localStorage, an imported JSON file, URL overrides).
 * Missing fields take the base scenario's value (so a file may set only what it changes);
 * present fields must have the right type and lie in range, or the whole input is rejected
 * and the caller keeps the scenario it had. Errors name the field and the allowed range.
 */
import { checkConstellation } from '../constellation/checks'
import { SCENARIO_SCHEMA, SCENARIO_VERSION, type Scenario } from './schema'
import type { ParamDef, ScenarioSchemaShape, SchemaShape, ValidationError } from './types'

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] }

/** A cross-field rule: runs once every field is valid on its own; pushes what it finds wrong. */
export type CrossCheck = (s: Scenario, errors: ValidationError[]) => void

function checkHorizon(s: Scenario, errors: ValidationError[]): void {
  if (s.horizon.endYear <= s.horizon.startYear) {
    errors.push({
      path: 'horizon.endYear',
      message: `Horizon end (horizon.endYear) must be after the start year ${s.horizon.startYear}; got ${s.horizon.endYear}.`,
    })
  }
}

/** Every cross-field rule, in the order they run. A capability with rules across its fields lists its check here. */
export const CHECKS: readonly CrossCheck[] = [checkHorizon, checkConstellation]

/** The schema walked as plain data (groups of field definitions). */
const GROUPS: ScenarioSchemaShape = SCENARIO_SCHEMA

/**
 * Where checked data becomes a Scenario: the version, a name, and every group of the schema with
 * each of its fields set. checkGroup has already checked each value against its definition.
 */
function isScenario(x: unknown): x is Scenario {
  if (!isObject(x) || x.version !== SCENARIO_VERSION || typeof x.name !== 'string') return false
  for (const [group, shape] of Object.entries(GROUPS)) {
    const g = x[group]
    if (!isObject(g)) return false
    for (const key of Object.keys(shape)) if (g[key] === undefined) return false
  }
  return true
}

const fmt = (v: unknown): string => {
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  return typeof v
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function rangeText(min: number, max: number, unit: string): string {
  const u = unit && unit !== 'year' ? ` ${unit}` : ''
  return `between ${min} and ${max}${u}`
}

/** Validates one value against its definition; pushes errors; returns the cleaned value. */
function checkValue(def: ParamDef, value: unknown, path: string, errors: ValidationError[]): unknown {
  const name = `${def.label} (${path})`
  switch (def.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        errors.push({ path, message: `${name} must be a number ${rangeText(def.min, def.max, def.unit)}; got ${fmt(value)}.` })
        return undefined
      }
      if (value < def.min || value > def.max) {
        errors.push({ path, message: `${name} must be ${rangeText(def.min, def.max, def.unit)}; got ${value}.` })
        return undefined
      }
      if (def.integer && !Number.isInteger(value)) {
        errors.push({ path, message: `${name} must be a whole number ${rangeText(def.min, def.max, def.unit)}; got ${value}.` })
        return undefined
      }
      return value
    }
    case 'enum': {
      if (typeof value !== 'string' || !def.options.includes(value)) {
        errors.push({ path, message: `${name} must be one of ${def.options.join(', ')}; got ${fmt(value)}.` })
        return undefined
      }
      return value
    }
    case 'boolean': {
      if (typeof value !== 'boolean') {
        errors.push({ path, message: `${name} must be true or false; got ${fmt(value)}.` })
        return undefined
      }
      return value
    }
    case 'schedule': {
      if (!Array.isArray(value) || value.length === 0) {
        errors.push({ path, message: `${name} must be a list of [year, value] points; got ${fmt(value)}.` })
        return undefined
      }
      const out: [number, number][] = []
      let prevYear = -Infinity
      for (let i = 0; i < value.length; i++) {
        const p = value[i]
        const pp = `${path}[${i}]`
        if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
          errors.push({ path: pp, message: `${name}: point ${i + 1} must be [year, value] with two numbers; got ${fmt(p)}.` })
          return undefined
        }
        if (p[0] <= prevYear) {
          errors.push({ path: pp, message: `${name}: years must increase; point ${i + 1} has year ${p[0]} after ${prevYear}.` })
          return undefined
        }
        if (p[0] < 1950 || p[0] > 2300) {
          errors.push({ path: pp, message: `${name}: point ${i + 1} year must be between 1950 and 2300; got ${p[0]}.` })
          return undefined
        }
        if (p[1] < def.min || p[1] > def.max) {
          errors.push({ path: pp, message: `${name}: point ${i + 1} value must be ${rangeText(def.min, def.max, def.unit)}; got ${p[1]}.` })
          return undefined
        }
        prevYear = p[0]
        out.push([p[0], p[1]])
      }
      return out
    }
    case 'list': {
      if (!Array.isArray(value)) {
        errors.push({ path, message: `${name} must be a list; got ${fmt(value)}.` })
        return undefined
      }
      if (value.length < def.minItems || value.length > def.maxItems) {
        errors.push({ path, message: `${name} must have between ${def.minItems} and ${def.maxItems} entries; got ${value.length}.` })
        return undefined
      }
      const before = errors.length
      const items = value.map((item, i) => checkGroup(def.item, item, undefined, `${path}[${i}]`, errors))
      return errors.length === before ? items : undefined
    }
  }
}

function checkGroup(
  shape: SchemaShape,
  input: unknown,
  base: Record<string, unknown> | undefined,
  path: string,
  errors: ValidationError[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (!isObject(input)) {
    if (input !== undefined) errors.push({ path, message: `${path} must be an object; got ${fmt(input)}.` })
    input = {}
  }
  const obj = input as Record<string, unknown>
  for (const key of Object.keys(obj)) {
    if (!(key in shape)) errors.push({ path: `${path}.${key}`, message: `Unknown field ${path}.${key}; known fields: ${Object.keys(shape).join(', ')}.` })
  }
  for (const [key, def] of Object.entries(shape)) {
    const p = `${path}.${key}`
    if (obj[key] === undefined) {
      const fallback = base ? base[key] : def.default
      out[key] = structuredClone(fallback)
      if (fallback === undefined) errors.push({ path: p, message: `${def.label} (${p}) is missing.` })
    } else {
      out[key] = checkValue(def, obj[key], p, errors)
    }
  }
  return out
}

/** The built-in default scenario ("seed claims"), built from every definition's default. */
export function defaultScenario(): Scenario {
  const s: Record<string, unknown> = { version: SCENARIO_VERSION, name: 'Seed claims' }
  for (const [group, shape] of Object.entries(GROUPS)) {
    const g: Record<string, unknown> = {}
    for (const [key, def] of Object.entries(shape)) g[key] = structuredClone(def.default)
    s[group] = g
  }
  if (!isScenario(s)) throw new Error('The defaults of the schema do not form a scenario.')
  return s
}

/**
 * Validates untrusted input. Fields left out take `base`'s values (default: the built-in scenario).
 * Cross-field rules (e.g. horizon end after start) are checked here too.
 */
export function validateScenario(input: unknown, base: Scenario = defaultScenario()): ValidationResult {
  const errors: ValidationError[] = []
  if (!isObject(input)) return { ok: false, errors: [{ path: '', message: `A scenario must be a JSON object; got ${fmt(input)}.` }] }
  if (input.version !== undefined && input.version !== SCENARIO_VERSION) {
    errors.push({ path: 'version', message: `Scenario version ${fmt(input.version)} is not supported; this app reads version ${SCENARIO_VERSION}.` })
  }
  if (input.name !== undefined && (typeof input.name !== 'string' || input.name.length > 80)) {
    errors.push({ path: 'name', message: `name must be text of at most 80 characters; got ${fmt(input.name)}.` })
  }
  const out: Record<string, unknown> = { version: SCENARIO_VERSION, name: typeof input.name === 'string' ? input.name : base.name }
  for (const key of Object.keys(input)) {
    if (key !== 'version' && key !== 'name' && !(key in SCENARIO_SCHEMA)) {
      errors.push({ path: key, message: `Unknown section "${key}"; known sections: ${Object.keys(SCENARIO_SCHEMA).join(', ')}.` })
    }
  }
  for (const [group, shape] of Object.entries(GROUPS)) {
    out[group] = checkGroup(shape, input[group], groupValues(base, group), group, errors)
  }
  if (errors.length) return { ok: false, errors }
  if (!isScenario(out)) return { ok: false, errors: [{ path: '', message: 'The scenario is incomplete.' }] }
  for (const check of CHECKS) check(out, errors)
  return errors.length ? { ok: false, errors } : { ok: true, scenario: out }
}

/** Every field's path and definition, flattened, for the panel and the docs. */
export function listParams(): { path: string; group: string; key: string; def: ParamDef }[] {
  const out: { path: string; group: string; key: string; def: ParamDef }[] = []
  for (const [group, shape] of Object.entries(GROUPS)) {
    for (const [key, def] of Object.entries(shape)) out.push({ path: `${group}.${key}`, group, key, def })
  }
  return out
}

/** A scenario's group by name, as plain data; undefined if it has none. */
function groupValues(s: Scenario, group: string): Record<string, unknown> | undefined {
  for (const [g, values] of Object.entries(s)) if (g === group && isObject(values)) return values
  return undefined
}

/** The value of field `group.key` of a scenario (listParams' paths), or undefined: for UI built from the schema. */
export function paramValue(s: Scenario, group: string, key: string): unknown {
  return groupValues(s, group)?.[key]
}

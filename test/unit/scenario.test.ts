/** Scenario validation (src/sim/scenario/validate.ts), presets and JSON text in/out (io.ts). */
import { describe, expect, it } from 'vitest'
import { parseScenarioJson, scenarioFromUrlOverrides, serializeScenario } from '../../src/sim/scenario/io'
import { PRESETS, presetScenario } from '../../src/sim/scenario/presets'
import type { Scenario } from '../../src/sim/scenario/schema'
import { defaultScenario, listParams, paramValue, validateScenario, type ValidationResult } from '../../src/sim/scenario/validate'

/** The errors of a rejected result (fails the test if it was accepted). */
function errorsOf(r: ValidationResult) {
  expect(r.ok).toBe(false)
  return r.ok ? [] : r.errors
}

describe('validateScenario', () => {
  it('accepts the default scenario unchanged', () => {
    const d = defaultScenario()
    const r = validateScenario(d)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.scenario).toEqual(d)
  })

  const bad: [string, unknown, string, RegExp][] = [
    ['NaN', { horizon: { startYear: NaN } }, 'horizon.startYear', /between 2000 and 2100/],
    ['negative', { horizon: { startYear: -5 } }, 'horizon.startYear', /between 2000 and 2100/],
    ['above the range', { horizon: { endYear: 2500 } }, 'horizon.endYear', /between 2001 and 2200/],
    ['below the range', { horizon: { startYear: 1999 } }, 'horizon.startYear', /between 2000 and 2100/],
    ['a string for a number', { horizon: { startYear: '2030' } }, 'horizon.startYear', /must be a number between 2000 and 2100/],
    ['Infinity', { horizon: { endYear: Infinity } }, 'horizon.endYear', /between 2001 and 2200/],
    ['a fraction for a whole number', { horizon: { startYear: 2030.5 } }, 'horizon.startYear', /whole number between 2000 and 2100/],
    ['null', { horizon: { startYear: null } }, 'horizon.startYear', /between 2000 and 2100/],
  ]
  for (const [what, input, path, msg] of bad) {
    it(`rejects ${what}, naming ${path} and the allowed range`, () => {
      const errors = errorsOf(validateScenario(input))
      const e = errors.find((x) => x.path === path)
      expect(e, JSON.stringify(errors)).toBeDefined()
      expect(e!.message).toMatch(msg)
      expect(e!.message).toContain(path)
    })
  }

  it('rejects an unknown field and an unknown section, naming them', () => {
    const e1 = errorsOf(validateScenario({ horizon: { startYaer: 2030 } }))
    expect(e1[0].path).toBe('horizon.startYaer')
    expect(e1[0].message).toMatch(/Unknown field.*known fields: startYear, endYear/)
    const e2 = errorsOf(validateScenario({ horizn: {} }))
    expect(e2[0].path).toBe('horizn')
    expect(e2[0].message).toMatch(/Unknown section "horizn"/)
  })

  it('rejects a section of the wrong type, a non-object and a wrong version', () => {
    expect(errorsOf(validateScenario({ horizon: 5 }))[0].path).toBe('horizon')
    expect(errorsOf(validateScenario([1, 2]))[0].path).toBe('')
    expect(errorsOf(validateScenario('x'))[0].message).toMatch(/JSON object/)
    expect(errorsOf(validateScenario({ version: 99 }))[0].path).toBe('version')
  })

  it('rejects endYear ≤ startYear, naming horizon.endYear', () => {
    for (const endYear of [2030, 2029]) {
      const errors = errorsOf(validateScenario({ horizon: { startYear: 2030, endYear } }))
      expect(errors[0].path).toBe('horizon.endYear')
      expect(errors[0].message).toMatch(/after the start year 2030/)
    }
  })

  it('does not mutate the base or the input', () => {
    const base = defaultScenario()
    const before = structuredClone(base)
    const input = { horizon: { endYear: 2070 } }
    const r = validateScenario(input, base)
    expect(base).toEqual(before)
    expect(input).toEqual({ horizon: { endYear: 2070 } })
    if (r.ok) {
      r.scenario.horizon.startYear = 2099
      r.scenario.constellation.shells[0].altitudeKm = 1234
      expect(base.horizon.startYear).toBe(before.horizon.startYear)
      expect(base.constellation.shells[0].altitudeKm).toBe(before.constellation.shells[0].altitudeKm)
    }
    // A rejected input leaves the base as it was, too.
    const rejected = { horizon: { startYear: 2040, endYear: 1 }, constellation: { satelliteMassT: -1 } }
    expect(validateScenario(rejected, base).ok).toBe(false)
    expect(base).toEqual(before)
  })

  it('merges partial input over the base', () => {
    const base: Scenario = { ...defaultScenario(), name: 'Base' }
    base.horizon = { startYear: 2031, endYear: 2080 }
    const r = validateScenario({ horizon: { endYear: 2090 } }, base)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.scenario.horizon).toEqual({ startYear: 2031, endYear: 2090 })
    expect(r.scenario.name).toBe('Base')
    const empty = validateScenario({}, base)
    expect(empty.ok && empty.scenario).toEqual(base)
  })
})

describe('presets', () => {
  it('has unique ids and every preset validates', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length)
    for (const p of PRESETS) {
      const s = presetScenario(p.id)
      expect(s, p.id).not.toBeNull()
      expect(validateScenario(s).ok, p.id).toBe(true)
      expect(s!.name).toBe(p.name)
    }
    expect(presetScenario('no-such-preset')).toBeNull()
  })
})

describe('scenario JSON io', () => {
  it('round-trips default and preset scenarios', () => {
    for (const s of [defaultScenario(), ...PRESETS.map((p) => presetScenario(p.id)!)]) {
      const text = serializeScenario(s)
      expect(text.endsWith('\n')).toBe(true)
      const r = parseScenarioJson(text)
      expect(r.ok).toBe(true)
      if (r.ok) expect(r.scenario).toEqual(s)
    }
  })

  it('parses partial JSON over a base', () => {
    const base = defaultScenario()
    const r = parseScenarioJson('{"horizon": {"endYear": 2100}}', base)
    expect(r.ok && r.scenario.horizon).toEqual({ startYear: base.horizon.startYear, endYear: 2100 })
  })

  it('reports malformed JSON with path "" and where it breaks', () => {
    const errors = errorsOf(parseScenarioJson('{\n  "horizon": {"startYear": 2030,}\n}'))
    expect(errors).toHaveLength(1)
    expect(errors[0].path).toBe('')
    expect(errors[0].message).toMatch(/not valid JSON at line 2, column \d+/)
    expect(errorsOf(parseScenarioJson(''))[0].message).toMatch(/not valid JSON: it is empty/)
    expect(errorsOf(parseScenarioJson('{"horizon":'))[0].message).toMatch(/not valid JSON/)
  })

  it('passes validation errors through with their paths', () => {
    const errors = errorsOf(parseScenarioJson('{"horizon": {"startYear": 1500}}'))
    expect(errors[0].path).toBe('horizon.startYear')
  })
})

describe('scenario URL overrides (p.<group>.<key>=value)', () => {
  const q = (search: string) => new URLSearchParams(search)

  it('applies numbers, enums-as-text and booleans over the base, ignoring other parameters', () => {
    const base = defaultScenario()
    const before = structuredClone(base)
    const r = scenarioFromUrlOverrides(
      q('t=2030-06-21T12:00:00Z&warp=3600&p.horizon.endYear=2080&p.constellation.computePowerKw=2.5e1&p.constellation.enabled=false'),
      base,
    )
    expect(r.ok, JSON.stringify(r)).toBe(true)
    if (!r.ok) return
    expect(r.scenario.horizon).toEqual({ startYear: base.horizon.startYear, endYear: 2080 })
    expect(r.scenario.constellation.computePowerKw).toBe(25)
    expect(r.scenario.constellation.enabled).toBe(false)
    expect(r.scenario.constellation.shells).toEqual(base.constellation.shells)
    expect(base).toEqual(before)
    for (const v of ['1', 'true']) {
      const on = scenarioFromUrlOverrides(q(`p.constellation.enabled=${v}`), { ...base, constellation: { ...base.constellation, enabled: false } })
      expect(on.ok && on.scenario.constellation.enabled).toBe(true)
    }
  })

  it('with no p. parameters gives the base back', () => {
    const base = presetScenario('conservative')!
    const r = scenarioFromUrlOverrides(q('t=2030-01-01&focus=moon'), base)
    expect(r.ok && r.scenario).toEqual(base)
  })

  it('rejects out-of-range, non-numeric and empty numbers naming the field and its range', () => {
    for (const v of ['1999', 'abc', '', '0x7DA', '2030.5', 'NaN']) {
      const errors = errorsOf(scenarioFromUrlOverrides(q(`p.horizon.startYear=${v}`)))
      expect(errors[0].path, v).toBe('horizon.startYear')
      expect(errors[0].message, v).toMatch(/between 2000 and 2100/)
    }
  })

  it('rejects unknown sections and fields, bad booleans, repeats, and schedules or lists, all at once', () => {
    const errors = errorsOf(
      scenarioFromUrlOverrides(
        q(
          'p.horizn.endYear=2080&p.horizon.endYaer=2080&p.horizon=1&p.constellation.enabled=yes&p.horizon.endYear=2070&p.horizon.endYear=2071&p.constellation.launchCadence=100&p.constellation.shells=1',
        ),
      ),
    )
    const byPath = (path: string) =>
      errors
        .filter((e) => e.path === path)
        .map((e) => e.message)
        .join(' | ')
    expect(byPath('horizn.endYear')).toMatch(/unknown section "horizn"; known sections: horizon, constellation/)
    expect(byPath('horizon.endYaer')).toMatch(/unknown field; known fields of horizon: startYear, endYear/)
    expect(byPath('horizon')).toMatch(/unknown field/)
    expect(byPath('constellation.enabled')).toMatch(/true or false/)
    expect(byPath('horizon.endYear')).toMatch(/more than once/)
    expect(byPath('constellation.launchCadence')).toMatch(/cannot be set from the URL/)
    expect(byPath('constellation.shells')).toMatch(/list and cannot be set from the URL/)
  })

  it('applies cross-field rules: an end year before the base start is refused', () => {
    const errors = errorsOf(scenarioFromUrlOverrides(q('p.horizon.endYear=2020')))
    expect(errors[0].path).toBe('horizon.endYear')
    expect(errors[0].message).toMatch(/after the start year 2026/)
  })
})

describe('paramValue', () => {
  it('reads every listed field of a scenario by its group and key, and nothing else', () => {
    const s = defaultScenario()
    const params = listParams()
    expect(params.length).toBeGreaterThan(20)
    for (const p of params) expect(paramValue(s, p.group, p.key), p.path).toEqual(p.def.default)
    expect(paramValue(s, 'horizon', 'nope')).toBeUndefined()
    expect(paramValue(s, 'nope', 'endYear')).toBeUndefined()
    expect(paramValue(s, 'name', 'length')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { checkConstellation } from '../../src/sim/constellation/checks'
import { CHECKS, defaultScenario, validateScenario } from '../../src/sim/scenario/validate'

describe('constellation cross-field rules', () => {
  it('rejects a satellite heavier than the smallest compute payload, naming the field', () => {
    const r = validateScenario({
      constellation: {
        satelliteMassT: 150,
        payloadT: [
          [2026, 100],
          [2029, 200],
        ],
      },
    })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors[0].path).toBe('constellation.satelliteMassT')
      expect(r.errors[0].message).toContain('must fit in the smallest compute payload')
    }
  })
  it('rejects shell shares that do not add up to 100 %', () => {
    const base = defaultScenario()
    const shells = base.constellation.shells.map((s, i) => (i === 0 ? { ...s, sharePct: s.sharePct + 5 } : s))
    const r = validateScenario({ constellation: { shells } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('constellation.shells')
  })
  it('rejects a zero compute share (flights that carry nothing)', () => {
    const r = validateScenario({ constellation: { computeShare: 0 } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0].message).toMatch(/between 0\.01 and 1/)
  })
  it('is listed in validate.ts CHECKS (nothing registers on import: this file imports validate.ts only for the rules above)', () => {
    expect(CHECKS).toContain(checkConstellation)
    const errors: { path: string; message: string }[] = []
    const s = defaultScenario()
    s.constellation.sites[0].sharePct = 10
    checkConstellation(s, errors)
    expect(errors.map((e) => e.path)).toEqual(['constellation.sites'])
  })
  it('accepts the default scenario', () => {
    expect(validateScenario(defaultScenario()).ok).toBe(true)
  })
})

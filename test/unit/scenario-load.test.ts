/** The saved-scenario load path (src/state/scenario.ts loadSavedScenario) over a fake localStorage. */
import { describe, expect, it } from 'vitest'
import { loadSavedScenario, REJECTED_KEY, STORAGE_KEY, type RejectedScenario, type ScenarioStorage } from '../../src/state/scenario'
import { defaultScenario } from '../../src/sim/scenario/validate'

/** A Map-backed Storage; `full` makes setItem throw as a full quota does. */
function fakeStorage(init: Record<string, string> = {}, full = false): ScenarioStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init))
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError')
      data.set(k, String(v))
    },
    removeItem: (k) => void data.delete(k),
  }
}

function load(storage: ScenarioStorage | null) {
  const reports: string[] = []
  const scenario = loadSavedScenario((m) => reports.push(m), storage, Date.UTC(2030, 0, 2, 3, 4, 5))
  return { scenario, reports }
}

describe('loadSavedScenario', () => {
  it('returns the defaults silently when nothing is saved or storage is unavailable', () => {
    for (const storage of [fakeStorage(), null]) {
      const { scenario, reports } = load(storage)
      expect(scenario).toEqual(defaultScenario())
      expect(reports).toEqual([])
    }
  })

  it('returns a valid saved scenario and leaves storage as it was', () => {
    const saved = defaultScenario()
    saved.horizon.endYear = 2080
    const text = JSON.stringify(saved)
    const storage = fakeStorage({ [STORAGE_KEY]: text })
    const { scenario, reports } = load(storage)
    expect(scenario.horizon.endYear).toBe(2080)
    expect(reports).toEqual([])
    expect(storage.data.get(STORAGE_KEY)).toBe(text)
    expect(storage.data.has(REJECTED_KEY)).toBe(false)
  })

  it('sets an invalid scenario aside with its time and every problem, uses the defaults, and reports once', () => {
    const saved = defaultScenario()
    const bad = { ...saved, horizon: { startYear: 1999, endYear: 2500 }, bogus: 1 }
    const text = JSON.stringify(bad)
    const storage = fakeStorage({ [STORAGE_KEY]: text })
    const { scenario, reports } = load(storage)
    expect(scenario).toEqual(defaultScenario())
    expect(reports).toHaveLength(1)
    // Every problem is listed, not just the first.
    expect(reports[0]).toMatch(/3 problems/)
    expect(reports[0]).toContain('horizon.startYear')
    expect(reports[0]).toContain('horizon.endYear')
    expect(reports[0]).toContain('bogus')
    expect(reports[0]).toContain(REJECTED_KEY)
    // Moved aside, not overwritten: the original text survives under the rejected key.
    expect(storage.data.has(STORAGE_KEY)).toBe(false)
    const rejected = JSON.parse(storage.data.get(REJECTED_KEY)!) as RejectedScenario
    expect(rejected.text).toBe(text)
    expect(rejected.rejectedAt).toBe('2030-01-02T03:04:05.000Z')
    expect(rejected.problems).toHaveLength(3)
  })

  it('sets text that is not JSON aside too', () => {
    const storage = fakeStorage({ [STORAGE_KEY]: '{"horizon": ' })
    const { scenario, reports } = load(storage)
    expect(scenario).toEqual(defaultScenario())
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatch(/not valid JSON/)
    expect((JSON.parse(storage.data.get(REJECTED_KEY)!) as RejectedScenario).text).toBe('{"horizon": ')
  })

  it('keeps the saved text in place when it cannot be set aside (storage full)', () => {
    const storage = fakeStorage({ [STORAGE_KEY]: '[]' }, true)
    const { scenario, reports } = load(storage)
    expect(scenario).toEqual(defaultScenario())
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatch(/could not be set aside/)
    expect(storage.data.get(STORAGE_KEY)).toBe('[]')
  })
})

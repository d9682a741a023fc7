/** The saved-scenario load path (src/state/scenario.ts loadSavedScenario) over a fake localStorage. */
import { describe, expect, it } from 'vitest'
import {
  loadSavedScenario,
  MAX_REJECTED,
  readRejected,
  REJECTED_KEY,
  STORAGE_KEY,
  type RejectedScenario,
  type ScenarioStorage,
  useScenario,
} from '../../src/state/scenario'
import { salvageScenario } from '../../src/sim/scenario/io'
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
    const [rejected] = JSON.parse(storage.data.get(REJECTED_KEY)!) as RejectedScenario[]
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
    expect((JSON.parse(storage.data.get(REJECTED_KEY)!) as RejectedScenario[])[0].text).toBe('{"horizon": ')
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

describe('set-aside scenarios: every one kept (the last MAX_REJECTED), listed, restorable', () => {
  const bad = (endYear: number) => JSON.stringify({ ...defaultScenario(), name: `bad ${endYear}`, horizon: { startYear: 2026, endYear } })
  /** A reload with a saved text that fails: what the app does at boot. */
  const reload = (storage: ReturnType<typeof fakeStorage>, text: string, at: number) => {
    storage.data.set(STORAGE_KEY, text)
    const reports: string[] = []
    loadSavedScenario((m) => reports.push(m), storage, at)
    return reports
  }

  it('a second rejected save joins the first instead of overwriting it; both with their time and problems', () => {
    const storage = fakeStorage()
    reload(storage, bad(2500), Date.UTC(2030, 0, 1))
    reload(storage, bad(2600), Date.UTC(2030, 0, 2))
    const list = readRejected(storage)
    expect(list.map((r) => JSON.parse(r.text).name)).toEqual(['bad 2500', 'bad 2600'])
    expect(list.map((r) => r.rejectedAt)).toEqual(['2030-01-01T00:00:00.000Z', '2030-01-02T00:00:00.000Z'])
    expect(list[1].problems.join(' ')).toMatch(/horizon\.endYear.*2600/)
    // The store the panel reads has them too.
    expect(useScenario.getState().rejected.map((r) => r.rejectedAt)).toEqual(list.map((r) => r.rejectedAt))
  })

  it(`keeps the last ${MAX_REJECTED}; the one dropped to make room is named in the report, not lost silently`, () => {
    const storage = fakeStorage()
    let reports: string[] = []
    for (let k = 0; k <= MAX_REJECTED; k++) reports = reload(storage, bad(2300 + k), Date.UTC(2030, 0, 1 + k))
    const list = readRejected(storage)
    expect(list).toHaveLength(MAX_REJECTED)
    expect(JSON.parse(list[0].text).name).toBe('bad 2301')
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatch(/oldest set aside \(2030-01-01T00:00:00\.000Z\) was discarded/)
  })

  it('reads the older one-entry form, and keeps text there that is not a list as an entry of its own', () => {
    const old: RejectedScenario = { rejectedAt: '2029-05-05T00:00:00.000Z', problems: ['x'], text: '[]' }
    const storage = fakeStorage({ [REJECTED_KEY]: JSON.stringify(old) })
    reload(storage, bad(2500), Date.UTC(2030, 0, 1))
    expect(readRejected(storage).map((r) => r.rejectedAt)).toEqual([old.rejectedAt, '2030-01-01T00:00:00.000Z'])
    const odd = fakeStorage({ [REJECTED_KEY]: 'not json' })
    reload(odd, bad(2500), Date.UTC(2030, 0, 1))
    const list = readRejected(odd)
    expect(list).toHaveLength(2)
    expect(list[0].text).toBe('not json')
  })

  it('restore puts in force what still validates (the bad fields keep the defaults) and leaves the list; discard removes', () => {
    const s = defaultScenario()
    const text = JSON.stringify({
      ...s,
      name: 'mine',
      horizon: { startYear: 2026, endYear: 2500 },
      constellation: { ...s.constellation, maxSatellites: 123456 },
    })
    useScenario.setState({
      rejected: [
        { rejectedAt: 'a', problems: ['p'], text },
        { rejectedAt: 'b', problems: ['q'], text: '{"horizon": ' },
      ],
    })
    const r = useScenario.getState().restoreRejected(0)
    expect(r.ok).toBe(true)
    expect(r.message).toMatch(/Restored "mine".*1 field kept the defaults: horizon\.endYear/)
    const now = useScenario.getState().scenario
    expect(now.name).toBe('mine')
    expect(now.constellation.maxSatellites).toBe(123456)
    expect(now.horizon.endYear).toBe(defaultScenario().horizon.endYear)
    expect(useScenario.getState().rejected.map((x) => x.rejectedAt)).toEqual(['b'])
    // Text that is not JSON restores nothing and stays.
    const r2 = useScenario.getState().restoreRejected(0)
    expect(r2.ok).toBe(false)
    expect(r2.message).toMatch(/not valid JSON.*stays set aside/)
    expect(useScenario.getState().rejected).toHaveLength(1)
    useScenario.getState().discardRejected(0)
    expect(useScenario.getState().rejected).toEqual([])
  })

  it('salvageScenario drops only the failing fields, section by section', () => {
    const s = defaultScenario()
    const { result, dropped } = salvageScenario(JSON.stringify({ ...s, bogus: 1, horizon: { startYear: 1999, endYear: 2100 } }))
    expect(result.ok).toBe(true)
    expect(dropped.map((d) => d.split(':')[0]).sort()).toEqual(['bogus', 'horizon.startYear'])
    expect(result.ok && result.scenario.horizon.endYear).toBe(2100)
    expect(salvageScenario('42').result.ok).toBe(false)
  })
})

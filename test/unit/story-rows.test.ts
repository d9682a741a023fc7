/**
 * The story's yearly rows (src/sim/story/yearly.ts), their CSV (csv.ts), the presets and the
 * milestones (milestones.ts).
 */
import { describe, expect, it } from 'vitest'
import { constellationMetricsAt } from '../../src/sim/constellation/metrics'
import { csvToRows, rowsToCsv, YEAR_ROW_FIELDS } from '../../src/sim/story/csv'
import { milestones } from '../../src/sim/story/milestones'
import { yearlyRows } from '../../src/sim/story/yearly'
import { findPreset, PRESETS, presetScenario } from '../../src/sim/scenario/presets'
import { parseScenarioJson, serializeScenario } from '../../src/sim/scenario/io'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { baseStateAt } from '../../src/sim/base/growth'

describe('presets', () => {
  it('seed, engineering and suncatcher exist, validate, and cite their sources in the description', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(expect.arrayContaining(['seed', 'engineering', 'suncatcher']))
    for (const p of PRESETS) {
      const s = presetScenario(p.id)
      expect(s, p.id).not.toBeNull()
      expect(s?.name).toBe(p.name)
      expect(p.description).toMatch(/SOURCES §\d/)
      // A preset survives export and import unchanged (the panel's JSON).
      const back = parseScenarioJson(serializeScenario(s ?? defaultScenario()), defaultScenario())
      expect(back.ok && back.scenario).toEqual(s)
    }
  })
  it("the old id 'conservative' still loads the engineering estimate", () => {
    expect(findPreset('conservative')?.id).toBe('engineering')
    expect(presetScenario('conservative')).toEqual(presetScenario('engineering'))
    expect(presetScenario('nope')).toBeNull()
  })
  it('the seed preset is the default scenario; suncatcher flies one 650 km dawn–dusk SSO shell of 2 t satellites', () => {
    expect({ ...presetScenario('seed'), name: '' }).toEqual({ ...defaultScenario(), name: '' })
    const s = presetScenario('suncatcher')
    expect(s?.constellation.shells).toHaveLength(1)
    expect(s?.constellation.shells[0]).toMatchObject({ altitudeKm: 650, inclinationMode: 'sso', ltanHours: 18 })
    expect(s?.constellation.satelliteMassT).toBe(2)
  })
})

describe('yearly rows', () => {
  it('one row per year with every field finite (limit aside), satellites never above the cap, for every preset to 2100', () => {
    for (const p of PRESETS) {
      const s = presetScenario(p.id) ?? defaultScenario()
      const rows = yearlyRows({ ...s, horizon: { ...s.horizon, endYear: 2100 } }, 2026, 2100)
      expect(rows.map((r) => r.year)).toEqual(Array.from({ length: 75 }, (_, i) => 2026 + i))
      for (const r of rows) {
        for (const f of YEAR_ROW_FIELDS) if (f.key !== 'bindingLimit') expect(Number.isFinite(r[f.key]), `${p.id} ${r.year} ${f.key}`).toBe(true)
        expect(r.satellites).toBeLessThanOrEqual(s.constellation.maxSatellites)
        expect(r.tMs).toBe(Date.UTC(r.year + 1, 0, 1))
      }
      for (let i = 1; i < rows.length; i++) {
        const a = rows[i - 1]
        const b = rows[i]
        expect(b.launches - a.launches).toBe(b.launchesInYear)
        expect(b.retiredSatellites).toBeGreaterThanOrEqual(a.retiredSatellites)
        expect(b.massToOrbitT).toBeGreaterThanOrEqual(a.massToOrbitT)
        expect(b.orbitalComputeAddedW).toBeGreaterThanOrEqual(0)
      }
    }
  })
  it('rows over a range equal the same years taken one at a time (each row reads only its own year)', () => {
    const s = defaultScenario()
    const all = yearlyRows(s, 2026, 2045)
    const one = [2026, 2033, 2045].map((y) => yearlyRows(s, y, y)[0])
    expect(one).toEqual([all[0], all[7], all[19]])
  })
})

describe('CSV and JSON', () => {
  it('round trip: the CSV and the JSON parse back to the very rows', () => {
    for (const id of ['seed', 'engineering']) {
      const rows = yearlyRows(presetScenario(id) ?? defaultScenario(), 2026, 2070)
      const csv = rowsToCsv(rows)
      const lines = csv.trimEnd().split('\n')
      expect(lines[0]).toBe(YEAR_ROW_FIELDS.map((f) => f.key).join(','))
      expect(lines).toHaveLength(rows.length + 1)
      expect(csvToRows(csv)).toEqual(rows)
      expect(JSON.parse(JSON.stringify(rows))).toEqual(rows)
    }
  })
  it('names every YearRow field once', () => {
    const keys = Object.keys(yearlyRows(defaultScenario(), 2030, 2030)[0]).sort()
    expect(YEAR_ROW_FIELDS.map((f) => f.key).sort()).toEqual(keys)
  })
})

describe('milestones', () => {
  it('seed: the cap in July 2029, 100 GW/yr added and 1 TW/yr thrown inside the default horizon', () => {
    const s = defaultScenario()
    const m = new Map(milestones(s).map((x) => [x.id, x]))
    expect(m.get('satellites-cap')?.at?.slice(0, 7)).toBe('2029-07')
    expect(m.get('orbit-100gw-per-year')?.year).toBeGreaterThanOrEqual(2029)
    const thrown = m.get('thrown-1tw-per-year')
    expect(thrown?.year, thrown?.reason ?? '').not.toBeNull()
    expect(thrown?.year).toBeLessThanOrEqual(s.horizon.endYear)
    // 47 GW of power in space comes before the cap's 100 GW.
    expect(m.get('power-data-centres')?.tMs).toBeLessThan(m.get('satellites-cap')?.tMs ?? 0)
  })
  it('a landmark never reached is null with the binding limit and a reason', () => {
    const all = milestones(presetScenario('engineering') ?? defaultScenario())
    const missed = all.filter((x) => x.tMs === null)
    expect(missed.length).toBeGreaterThan(0)
    for (const x of missed) {
      expect(x.limit, x.id).toBeTruthy()
      expect(x.reason, x.id).toMatch(/Not by|never|limit/i)
    }
    for (const x of all.filter((y) => y.tMs !== null)) expect(x.at).toMatch(/^\d{4}-\d\d-\d\dT/)
  })
  it('the first instant is the first: the power in space is below the level just before it', () => {
    const s = defaultScenario()
    const rows = yearlyRows(s, s.horizon.startYear, s.horizon.endYear)
    const m = milestones(s, s.horizon.endYear, rows).find((x) => x.id === 'power-data-centres')
    expect(m?.tMs).not.toBeNull()
    const t = m?.tMs ?? 0
    // In 2029 the Moon adds nothing yet: the orbital compute alone crosses 47 GW, within the bisection's second.
    const row = rows.find((r) => r.year === new Date(t).getUTCFullYear())
    expect((row?.lunarSolarPowerW ?? 1) + (row?.swarmPowerW ?? 1)).toBe(0)
    expect(constellationMetricsAt(s, t - 2000).orbitalComputeW).toBeLessThan(47e9)
    expect(constellationMetricsAt(s, t).orbitalComputeW).toBeGreaterThanOrEqual(47e9)
  })
})

describe('the Moon in the rows', () => {
  it("lunarSolarPowerW is the base's mean power at the row's instant (the year's end), as the base panel shows it", () => {
    const s = defaultScenario()
    for (const r of yearlyRows(s, 2035, 2059)) {
      const b = baseStateAt(s, r.tMs)
      expect(r.lunarSolarPowerW, String(r.year)).toBeCloseTo(Math.min(b.solarAverageW, 1.3e16), 0)
    }
    // The base grows through these years, so a value read at the year's start would be lower.
    const [r40] = yearlyRows(s, 2040, 2040)
    expect(r40.lunarSolarPowerW).toBeGreaterThan(baseStateAt(s, Date.UTC(2040, 0, 1)).solarAverageW * 1.05)
  })
})

describe('one declaration per field (YearRow and LunarYear)', () => {
  it("YearRow takes the Moon's fields from LunarYear (a Pick) instead of restating them; a row carries every one with LunarYear's value", async () => {
    const { readFileSync } = await import('node:fs')
    const src = readFileSync(new URL('../../src/sim/story/yearly.ts', import.meta.url), 'utf8')
    const body = src.slice(src.indexOf('export interface YearRow'), src.indexOf('/** Rows for every calendar year'))
    expect(body).toMatch(/extends Pick<LunarYear,/)
    const { lunarYearly } = await import('../../src/sim/story/lunar')
    const s = presetScenario('seed') ?? defaultScenario()
    const [moon] = lunarYearly(s, 2040, 2040)
    const [row] = yearlyRows(s, 2040, 2040)
    const shared = Object.keys(moon).filter((k) => k !== 'kardashev')
    expect(shared.length).toBe(11)
    for (const k of shared) {
      // Declared once, in lunar.ts: no `k:` field line in YearRow's body.
      expect(body, k).not.toMatch(new RegExp(`^\\s+${k}: `, 'm'))
      expect(Reflect.get(row, k), k).toEqual(Reflect.get(moon, k))
    }
  })
})

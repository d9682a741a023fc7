/** What the scenario panel exports: the yearly rows as CSV (the CLI's writer, src/sim/story/csv.ts) and JSON, read back. */
import { describe, expect, it } from 'vitest'
import { parseScenarioJson, serializeScenario } from '../../src/sim/scenario/io'
import { PRESETS, presetScenario } from '../../src/sim/scenario/presets'
import { validateScenario } from '../../src/sim/scenario/validate'
import { csvToRows, rowsToCsv, YEAR_ROW_FIELDS } from '../../src/sim/story/csv'
import { type YearRow, yearlyRows } from '../../src/sim/story/yearly'

const short = (id: string) => {
  const p = presetScenario(id)
  if (!p) throw new Error(`no preset ${id}`)
  const r = validateScenario({ horizon: { startYear: 2026, endYear: 2036 } }, p)
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join(' '))
  return r.scenario
}

describe('yearly rows exported as CSV and JSON', () => {
  for (const { id } of PRESETS) {
    it(`${id}: the CSV has the header and one line per year, and reads back to the same numbers`, () => {
      const rows = yearlyRows(short(id), 2026, 2036)
      const text = rowsToCsv(rows)
      const lines = text.trimEnd().split('\n')
      expect(lines.length).toBe(1 + 11)
      expect(lines[0].split(',').slice(0, 2)).toEqual(['year', 'tMs'])
      expect(lines[0].split(',')).toEqual(YEAR_ROW_FIELDS.map((f) => f.key))
      expect(csvToRows(text)).toEqual(rows)
      // JSON round trip (the "Years JSON" download).
      const json = JSON.parse(JSON.stringify({ scenario: id, rows })) as { rows: YearRow[] }
      expect(json.rows).toEqual(rows)
    })
  }

  it('the exported scenario JSON reads back as the same scenario', () => {
    const s = short(PRESETS[PRESETS.length - 1].id)
    const r = parseScenarioJson(serializeScenario(s))
    expect(r.ok && r.scenario).toEqual(s)
  })
})

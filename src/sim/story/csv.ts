/**
 * The yearly rows as CSV and back: one writer for the CLI (`run --format csv`) and the panel's
 * download, so both write the same file. Numbers are written in full (shortest round-trip form),
 * so parsing the CSV gives back the very rows.
 */
import type { YearRow } from './yearly'

export interface YearRowField {
  key: keyof YearRow
  unit: string
  label: string
}

/** Every YearRow field, in column order, with its unit and a short label. */
export const YEAR_ROW_FIELDS: readonly YearRowField[] = [
  { key: 'year', unit: 'year', label: 'Year (state at its end)' },
  { key: 'tMs', unit: 'ms', label: 'Instant of the row (UTC ms, 1 January of the next year)' },
  { key: 'launches', unit: 'count', label: 'Flights so far' },
  { key: 'launchesInYear', unit: 'count', label: 'Flights in the year' },
  { key: 'satellites', unit: 'count', label: 'Satellites in orbit' },
  { key: 'retiredSatellites', unit: 'count', label: 'Satellites retired so far' },
  { key: 'massToOrbitT', unit: 't', label: 'Satellite mass launched so far' },
  { key: 'massToOrbitInYearT', unit: 't', label: 'Satellite mass launched in the year' },
  { key: 'orbitalComputeW', unit: 'W', label: 'Compute in orbit' },
  { key: 'orbitalComputeAddedW', unit: 'W', label: 'Compute added in the year' },
  { key: 'dataCentreRatio', unit: '×', label: "Compute in orbit ÷ Earth's data centres (47 GW)" },
  { key: 'lunarSolarPowerW', unit: 'W', label: "The Moon's solar power" },
  { key: 'regolithMinedKg', unit: 'kg', label: 'Regolith mined so far' },
  { key: 'factoryMassKg', unit: 'kg', label: 'Factory mass on the Moon' },
  { key: 'thrownMassKg', unit: 'kg', label: 'Mass thrown in the year' },
  { key: 'thrownComputeW', unit: 'W', label: 'Compute thrown in the year' },
  { key: 'swarmPowerW', unit: 'W', label: "The swarm's compute power" },
  { key: 'swarmMassKg', unit: 'kg', label: "The swarm's mass" },
  { key: 'swarmAreaM2', unit: 'm²', label: "The swarm's collecting area" },
  { key: 'fractionOfSun', unit: '', label: "Fraction of the Sun's output the swarm intercepts" },
  { key: 'kardashev', unit: 'K', label: 'Kardashev index' },
  { key: 'bindingLimit', unit: '', label: "The limit that binds the Moon's industry" },
]

const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v))

/** Header line (the field names) and one line per row, '\n'-terminated. */
export function rowsToCsv(rows: readonly YearRow[]): string {
  const lines = [YEAR_ROW_FIELDS.map((f) => f.key).join(',')]
  for (const r of rows) lines.push(YEAR_ROW_FIELDS.map((f) => cell(r[f.key])).join(','))
  return `${lines.join('\n')}\n`
}

/** Parses rowsToCsv's output back into rows (numbers as numbers, an empty limit as null). */
export function csvToRows(text: string): YearRow[] {
  const lines = text.split('\n').filter((l) => l.length > 0)
  if (lines.length === 0) return []
  const col = new Map(lines[0].split(',').map((key, i) => [key, i]))
  return lines.slice(1).map((line) => {
    const cells = line.split(',')
    const c = (k: keyof YearRow): string => cells[col.get(k) ?? -1] ?? ''
    const n = (k: keyof YearRow): number => Number(c(k))
    const limit = c('bindingLimit')
    return {
      year: n('year'),
      tMs: n('tMs'),
      launches: n('launches'),
      launchesInYear: n('launchesInYear'),
      satellites: n('satellites'),
      retiredSatellites: n('retiredSatellites'),
      massToOrbitT: n('massToOrbitT'),
      massToOrbitInYearT: n('massToOrbitInYearT'),
      orbitalComputeW: n('orbitalComputeW'),
      orbitalComputeAddedW: n('orbitalComputeAddedW'),
      dataCentreRatio: n('dataCentreRatio'),
      lunarSolarPowerW: n('lunarSolarPowerW'),
      regolithMinedKg: n('regolithMinedKg'),
      factoryMassKg: n('factoryMassKg'),
      thrownMassKg: n('thrownMassKg'),
      thrownComputeW: n('thrownComputeW'),
      swarmPowerW: n('swarmPowerW'),
      swarmMassKg: n('swarmMassKg'),
      swarmAreaM2: n('swarmAreaM2'),
      fractionOfSun: n('fractionOfSun'),
      kardashev: n('kardashev'),
      bindingLimit: limit === '' ? null : (limit as YearRow['bindingLimit']),
    }
  })
}

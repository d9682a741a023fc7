/**
 * What-if, side by side: the key numbers of the scenario in force and of the compared one, in two
 * columns, from their yearly rows (the same rows the charts draw and the CSV export writes).
 */
import type { YearRow } from '../../sim/story/yearly'
import { count, sci } from '../format'
import { axisValue, compactSi } from './chartFormat'
import { LIMIT_LABELS } from './limits'

interface KeyNumber {
  id: string
  /** Column heading (the full label is its tooltip). */
  short: string
  label: string
  title: string
  value(rows: readonly YearRow[]): string
}

const last = (rows: readonly YearRow[]): YearRow | undefined => rows[rows.length - 1]
const peak = (rows: readonly YearRow[], f: (r: YearRow) => number): number => rows.reduce((m, r) => Math.max(m, f(r)), 0)

/** The first year a row's value reaches a threshold, or "no: max …" (its highest over the horizon). */
function firstYear(rows: readonly YearRow[], f: (r: YearRow) => number, threshold: number, unit: string): string {
  const r = rows.find((x) => f(x) >= threshold)
  const top = peak(rows, f)
  return r ? String(r.year) : `no: max ${unit === 'sun' ? sci(top, 2) : axisValue(top, unit)}`
}

export const KEY_NUMBERS: readonly KeyNumber[] = [
  {
    id: 'satellites',
    short: 'Satellites',
    label: 'Satellites in orbit at the end',
    title: 'Last row: deployed, not retired',
    value: (rows) => count(last(rows)?.satellites ?? NaN),
  },
  {
    id: 'compute',
    short: 'Compute',
    label: 'Orbital compute at the end',
    title: 'Compute power in orbit at the horizon',
    value: (rows) => compactSi(last(rows)?.orbitalComputeW ?? NaN, 'W'),
  },
  {
    id: 'added',
    short: 'Peak added/yr',
    label: 'Most compute added in a year',
    title: 'Peak of compute deployed in one year',
    value: (rows) =>
      compactSi(
        peak(rows, (r) => r.orbitalComputeAddedW),
        'W',
      ),
  },
  {
    id: 'tw-thrown',
    short: '1 TW/yr thrown',
    label: 'First year ≥ 1 TW thrown',
    title: 'The seeds’ “a terawatt a year” from the Moon',
    value: (rows) => firstYear(rows, (r) => r.thrownComputeW, 1e12, 'W'),
  },
  {
    id: 'swarm',
    short: 'Swarm',
    label: 'Swarm power at the end',
    title: 'Power of the swarm around the Sun',
    value: (rows) => compactSi(last(rows)?.swarmPowerW ?? NaN, 'W'),
  },
  {
    id: 'millionth',
    short: '10⁻⁶ Sun',
    label: 'First year ≥ 10⁻⁶ of the Sun',
    title: 'Power counted ÷ L☉',
    value: (rows) => firstYear(rows, (r) => r.fractionOfSun, 1e-6, 'sun'),
  },
  {
    id: 'limit',
    short: 'Limit',
    label: 'Limit that binds at the end',
    title: "What stops the Moon's industry growing faster (base growth model)",
    value: (rows) => {
      const l = last(rows)?.bindingLimit
      return l ? LIMIT_LABELS[l] : '–'
    },
  },
  { id: 'k', short: 'K', label: 'K at the end', title: 'Kardashev index at the horizon', value: (rows) => (last(rows)?.kardashev ?? NaN).toFixed(4) },
]

export function KeyNumbers({ nameA, rowsA, nameB, rowsB }: { nameA: string; rowsA: YearRow[]; nameB: string | null; rowsB: YearRow[] }) {
  if (rowsA.length === 0) return null
  // One column per number, one row per scenario: side by side in three lines of the panel.
  return (
    <div className="story-keys-box">
      <table className="story-keys" data-testid="story-keys">
        <thead>
          <tr>
            <th>
              {rowsA[0].year}–{last(rowsA)?.year}
            </th>
            {KEY_NUMBERS.map((k) => (
              <th key={k.id} title={`${k.label}: ${k.title}`}>
                {k.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="a">
            <th>{nameA}</th>
            {KEY_NUMBERS.map((k) => (
              <td key={k.id} className={k.id} data-testid={`key-a-${k.id}`}>
                {k.value(rowsA)}
              </td>
            ))}
          </tr>
          {nameB !== null && (
            <tr className="b">
              <th>{nameB} (dashed)</th>
              {KEY_NUMBERS.map((k) => (
                <td key={k.id} className={k.id} data-testid={`key-b-${k.id}`}>
                  {rowsB.length ? k.value(rowsB) : '…'}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

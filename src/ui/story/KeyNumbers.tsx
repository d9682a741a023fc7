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
  label: string
  title: string
  value(rows: readonly YearRow[]): string
}

const last = (rows: readonly YearRow[]): YearRow | undefined => rows[rows.length - 1]
const peak = (rows: readonly YearRow[], f: (r: YearRow) => number): number => rows.reduce((m, r) => Math.max(m, f(r)), 0)

/** The first year a row's value reaches a threshold, or "never (peak …)". */
function firstYear(rows: readonly YearRow[], f: (r: YearRow) => number, threshold: number, unit: string): string {
  const r = rows.find((x) => f(x) >= threshold)
  const top = peak(rows, f)
  return r ? String(r.year) : `never (peak ${unit === 'sun' ? sci(top, 2) : axisValue(top, unit)})`
}

export const KEY_NUMBERS: readonly KeyNumber[] = [
  {
    id: 'satellites',
    label: 'Satellites in orbit at the end',
    title: 'Last row: deployed, not retired',
    value: (rows) => count(last(rows)?.satellites ?? NaN),
  },
  { id: 'launches', label: 'Launches in all', title: 'Constellation flights to the horizon', value: (rows) => count(last(rows)?.launches ?? NaN) },
  {
    id: 'compute',
    label: 'Orbital compute at the end',
    title: 'Compute power in orbit at the horizon',
    value: (rows) => compactSi(last(rows)?.orbitalComputeW ?? NaN, 'W'),
  },
  {
    id: 'added',
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
    label: 'First year ≥ 1 TW thrown',
    title: 'The seeds’ “a terawatt a year” from the Moon',
    value: (rows) => firstYear(rows, (r) => r.thrownComputeW, 1e12, 'W'),
  },
  { id: 'swarm', label: 'Swarm power at the end', title: 'Power of the swarm around the Sun', value: (rows) => compactSi(last(rows)?.swarmPowerW ?? NaN, 'W') },
  {
    id: 'millionth',
    label: 'First year ≥ 10⁻⁶ of the Sun',
    title: 'Power counted ÷ L☉',
    value: (rows) => firstYear(rows, (r) => r.fractionOfSun, 1e-6, 'sun'),
  },
  {
    id: 'limit',
    label: 'Limit that binds at the end',
    title: "What stops the Moon's industry growing faster (base growth model)",
    value: (rows) => {
      const l = last(rows)?.bindingLimit
      return l ? LIMIT_LABELS[l] : '–'
    },
  },
  { id: 'k', label: 'K at the end', title: 'Kardashev index at the horizon', value: (rows) => (last(rows)?.kardashev ?? NaN).toFixed(4) },
]

export function KeyNumbers({ nameA, rowsA, nameB, rowsB }: { nameA: string; rowsA: YearRow[]; nameB: string | null; rowsB: YearRow[] }) {
  if (rowsA.length === 0) return null
  const b = nameB !== null
  return (
    <table className="story-keys" data-testid="story-keys">
      <thead>
        <tr>
          <th>
            {rowsA[0].year}–{last(rowsA)?.year}
          </th>
          <th className="a">{nameA}</th>
          {b && <th className="b">{nameB}</th>}
        </tr>
      </thead>
      <tbody>
        {KEY_NUMBERS.map((k) => (
          <tr key={k.id} title={k.title}>
            <td>{k.label}</td>
            <td data-testid={`key-a-${k.id}`}>{k.value(rowsA)}</td>
            {b && <td data-testid={`key-b-${k.id}`}>{rowsB.length ? k.value(rowsB) : '…'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

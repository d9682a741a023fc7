/**
 * A schedule ([year, value] points) or a list of items (orbital shells, launch sites) edited as a
 * small table: one row per point or item, a cell per column, rows added and removed with buttons.
 * The table is a draft: each change is applied through validation, and a refused one stays on
 * screen with its cells marked and the reason beside them (errors whose path points into the table:
 * `group.key[i]` or `group.key[i].field`), while the scenario in force is kept.
 */
import { useEffect, useState } from 'react'
import type { ListDef, NumberDef, ParamDef, ScheduleDef, ValidationError } from '../../sim/scenario/types'

interface Column {
  key: string
  label: string
  def: ParamDef
}

type Cell = string | boolean
type Row = Cell[]

const YEAR_DEF: NumberDef = { kind: 'number', label: 'Year', unit: 'year', min: 1950, max: 2300, default: 2026, source: '' }

function columnsOf(def: ScheduleDef | ListDef): Column[] {
  if (def.kind === 'schedule') {
    const value: NumberDef = { kind: 'number', label: def.unit || 'Value', unit: def.unit, min: def.min, max: def.max, default: def.min, source: def.source }
    return [
      { key: '0', label: 'Year', def: YEAR_DEF },
      { key: '1', label: def.unit || 'Value', def: value },
    ]
  }
  return Object.entries(def.item).map(([key, d]) => ({ key, label: 'unit' in d && d.unit ? `${d.label} (${d.unit})` : d.label, def: d }))
}

const toCell = (v: unknown): Cell => (typeof v === 'boolean' ? v : String(v))

function rowsOf(def: ScheduleDef | ListDef, value: unknown, cols: Column[]): Row[] {
  if (!Array.isArray(value)) return []
  if (def.kind === 'schedule') return value.map((p) => (Array.isArray(p) ? p.map(toCell) : ['', '']))
  return value.map((item) => cols.map((c) => toCell((item as Record<string, unknown>)?.[c.key])))
}

/** Cells back to a value for validation: numbers parsed (text that is not a number stays text, so validation names it). */
function tableValue(def: ScheduleDef | ListDef, rows: Row[], cols: Column[]): unknown {
  const parse = (c: Cell, d: ParamDef): unknown => {
    if (typeof c === 'boolean' || d.kind !== 'number') return c
    const t = c.trim()
    return t === '' || Number.isNaN(Number(t)) ? t : Number(t)
  }
  if (def.kind === 'schedule') return rows.map((r) => [parse(r[0], cols[0].def), parse(r[1], cols[1].def)])
  return rows.map((r) => Object.fromEntries(cols.map((c, i) => [c.key, parse(r[i], c.def)])))
}

/** Row (and column, for lists) an error points at, from its path after `base`: "[2]" or "[1].altitudeKm". */
function locate(path: string, base: string): { row: number; col: string | null } | null {
  const m = /^\[(\d+)\](?:\.(\w+))?/.exec(path.slice(base.length))
  return m ? { row: Number(m[1]), col: m[2] ?? null } : null
}

export function TableField({
  id,
  path,
  def,
  value,
  errors,
  apply,
}: {
  id: string
  path: string
  def: ScheduleDef | ListDef
  value: unknown
  errors: ValidationError[]
  /** Applies the table's value; false when refused (errors then come through `errors`). */
  apply(v: unknown): boolean
}) {
  const cols = columnsOf(def)
  const [draft, setDraft] = useState<Row[] | null>(null)
  // A new value in force (a preset, an import, a reset) replaces a refused draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: value is the trigger, not read
  useEffect(() => setDraft(null), [value])
  const rows = draft ?? rowsOf(def, value, cols)
  const bad = new Map<number, Set<string | null>>()
  for (const e of errors) {
    const at = locate(e.path, path)
    if (at) bad.set(at.row, (bad.get(at.row) ?? new Set()).add(at.col))
  }
  const commit = (next: Row[]) => {
    setDraft(next)
    if (apply(tableValue(def, next, cols))) setDraft(null)
  }
  const setCell = (r: number, c: number, v: Cell, now: boolean) => {
    const next = rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row))
    if (now) commit(next)
    else setDraft(next)
  }
  const maxRows = def.kind === 'list' ? def.maxItems : 50
  const minRows = def.kind === 'list' ? def.minItems : 1
  return (
    <div className="table-field">
      <table id={id} data-testid={`table-${path}`}>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.key} title={c.def.help ?? c.def.source}>
                {c.label}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the schedule; their index is their identity here
            <tr key={r} className={bad.has(r) ? 'refused' : undefined}>
              {cols.map((c, j) => {
                const cell = row[j]
                const marked = bad.get(r)?.has(c.key) || (bad.get(r)?.has(null) ?? false)
                const label = `${c.label}, row ${r + 1}`
                return (
                  <td key={c.key} className={marked ? 'refused' : undefined}>
                    {c.def.kind === 'enum' ? (
                      <select aria-label={label} value={String(cell)} onChange={(e) => setCell(r, j, e.target.value, true)}>
                        {c.def.options.map((o) => (
                          <option key={o}>{o}</option>
                        ))}
                      </select>
                    ) : c.def.kind === 'boolean' ? (
                      <input aria-label={label} type="checkbox" checked={cell === true} onChange={(e) => setCell(r, j, e.target.checked, true)} />
                    ) : (
                      <input
                        aria-label={label}
                        aria-invalid={marked || undefined}
                        inputMode="decimal"
                        value={String(cell)}
                        onChange={(e) => setCell(r, j, e.target.value, false)}
                        onBlur={() => draft && commit(draft)}
                        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                      />
                    )}
                  </td>
                )
              })}
              <td>
                <button
                  className="row-remove"
                  aria-label={`Remove row ${r + 1}`}
                  title="Remove this row"
                  disabled={rows.length <= minRows}
                  onClick={() => commit(rows.filter((_, i) => i !== r))}
                >
                  −
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="table-actions">
        <button
          disabled={rows.length >= maxRows}
          onClick={() => {
            const last = rows[rows.length - 1]
            // A new point a year after the last, same value; a new item copies the last.
            const added = def.kind === 'schedule' && last ? [String(Number(last[0]) + 1), last[1]] : last ? [...last] : cols.map((c) => toCell(c.def.default))
            commit([...rows, added])
          }}
        >
          + Add {def.kind === 'schedule' ? 'point' : 'row'}
        </button>
        {draft && (
          <button onClick={() => setDraft(null)} title="Drop the refused edit and show the values in force">
            Undo edit
          </button>
        )}
      </div>
    </div>
  )
}

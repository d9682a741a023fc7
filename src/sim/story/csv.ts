/**
 * Yearly rows as CSV: one writer for the CLI (`npm run sim -- run --format csv`) and the app's
 * export, so both write the same file. Header: the row's fields in YearRow's order; one line per
 * year; numbers as JavaScript prints them (shortest text that reads back to the same float64), so
 * csvToRows(rowsToCsv(rows)) gives the rows back exactly.
 */
import type { YearRow } from './yearly'

/** The CSV columns, in the order YearRow declares its fields (the first row's keys when rows are given). */
export function yearRowKeys(rows: readonly YearRow[]): (keyof YearRow)[] {
  return rows.length ? (Object.keys(rows[0]) as (keyof YearRow)[]) : []
}

/** Header line and one line per row, '\n'-terminated; fields that are not finite numbers are written empty. */
export function rowsToCsv(rows: readonly YearRow[]): string {
  const keys = yearRowKeys(rows)
  const lines = [keys.join(',')]
  for (const r of rows) lines.push(keys.map((k) => cell(r[k])).join(','))
  return `${lines.join('\n')}\n`
}

function cell(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'string') return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
  return v === null || v === undefined ? '' : String(v)
}

/** Reads rowsToCsv's text back: numeric cells as numbers, empty cells as NaN, others as text. */
export function csvToRows(text: string): Record<string, number | string>[] {
  const lines = text.split('\n').filter((l) => l !== '')
  if (lines.length === 0) return []
  const keys = splitLine(lines[0])
  return lines.slice(1).map((line) => {
    const cells = splitLine(line)
    const o: Record<string, number | string> = {}
    keys.forEach((k, i) => {
      const c = cells[i] ?? ''
      o[k] = c === '' ? NaN : Number.isNaN(Number(c)) ? c : Number(c)
    })
    return o
  })
}

function splitLine(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}

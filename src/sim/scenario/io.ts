/**
 * Scenario JSON text in and out (export/import files, the CLI's --scenario). Parsing goes through
 * validateScenario, so a file may set only what it changes; a syntax error becomes a
 * ValidationError with path '' that says where the text stops being JSON.
 */
import type { Scenario } from './schema'
import { validateScenario, type ValidationResult } from './validate'

/** Pretty JSON with a trailing newline; parseScenarioJson(serializeScenario(s)) gives s back. */
export function serializeScenario(s: Scenario): string {
  return JSON.stringify(s, null, 2) + '\n'
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      start = i + 1
    }
  }
  return { line, column: offset - start + 1 }
}

/** Where a JSON.parse error happened, from its message (engines word it differently), or null. */
function syntaxErrorOffset(message: string, text: string): number | null {
  const pos = /position (\d+)/.exec(message)
  if (pos) return Number(pos[1])
  const lc = /line (\d+) column (\d+)/.exec(message)
  if (lc) {
    const lines = text.split('\n')
    let off = 0
    for (let i = 0; i < Number(lc[1]) - 1 && i < lines.length; i++) off += lines[i].length + 1
    return off + Number(lc[2]) - 1
  }
  if (/end of (JSON|data) input|Unexpected end/i.test(message)) return text.length
  return null
}

/** Parses and validates scenario JSON text; fields left out take `base`'s values. */
export function parseScenarioJson(text: string, base?: Scenario): ValidationResult {
  if (text.trim() === '') {
    return { ok: false, errors: [{ path: '', message: 'The text is not valid JSON: it is empty.' }] }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err)
    const detail = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s*in JSON at position \d+/, '')
    const off = syntaxErrorOffset(raw, text)
    const where = off === null ? '' : (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, off))
    return { ok: false, errors: [{ path: '', message: `The text is not valid JSON${where}: ${detail}.` }] }
  }
  return validateScenario(data, base)
}

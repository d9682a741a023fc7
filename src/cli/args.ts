/**
 * The CLI's argument helpers (`npm run sim -- <command> --key value ...`): the Command shape,
 * option parsing and strict readers for strings, numbers and instants. Each command lives in
 * src/cli/commands/<name>.ts and returns a plain JSON-able value; commands/index.ts lists them and
 * main.ts prints the result. Bad user input throws CliError (exit 2 with usage).
 */
import { parseIsoUtc } from '../sim/time'

/** Parsed command line: positional words and `--key value` / `--key=value` / `--flag` options. */
export interface ParsedArgs {
  positional: string[]
  options: Record<string, string | true>
}

export interface Command {
  name: string
  /** One line for the command list. */
  summary: string
  /** Usage text: the synopsis line and one line per option. */
  usage: string
  /** Option names the command accepts (without `--`); when given, any other option is an error. */
  options?: string[]
  /** When true, an array result is printed as JSON Lines (one object per line). */
  jsonl?: boolean
  run(args: ParsedArgs): unknown | Promise<unknown>
}

/** A user error (bad option, bad file): main.ts prints the message and the command's usage, exit 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CliError'
  }
}

/** Marks rows to be printed one JSON object per line (for any command, whatever its `jsonl`). */
export interface JsonlRows {
  __jsonl: unknown[]
}

export const jsonl = (rows: unknown[]): JsonlRows => ({ __jsonl: rows })

export const isJsonlRows = (v: unknown): v is JsonlRows => typeof v === 'object' && v !== null && Array.isArray((v as JsonlRows).__jsonl)

/** Marks text to be printed as it is (CSV), not as JSON. */
export interface RawText {
  __text: string
}

export const rawText = (text: string): RawText => ({ __text: text })

export const isRawText = (v: unknown): v is RawText => typeof v === 'object' && v !== null && typeof (v as RawText).__text === 'string'

/** A `--key` option that must be one of `choices`; `fallback` when absent. */
export function oneOf<C extends string>(args: ParsedArgs, key: string, choices: readonly C[], fallback: C): C {
  const v = str(args, key)
  if (v === undefined) return fallback
  const found = choices.find((c) => c === v)
  if (found === undefined) throw new CliError(`Option --${key} must be one of ${choices.join(', ')}; got "${v}".`)
  return found
}

/**
 * Parses argv (without node and script). `--key value`, `--key=value`, `--flag` (a bare option
 * followed by another option or nothing). A value may start with a single `-` (negative numbers).
 * `--` ends options; the rest is positional.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = []
  const options: Record<string, string | true> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      positional.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=')
      let key: string
      let value: string | true
      if (eq > 2) {
        key = a.slice(2, eq)
        value = a.slice(eq + 1)
      } else {
        key = a.slice(2)
        const next = argv[i + 1]
        if (next !== undefined && !next.startsWith('--')) {
          value = next
          i++
        } else value = true
      }
      if (key in options) throw new CliError(`Option --${key} is given more than once.`)
      options[key] = value
    } else {
      positional.push(a)
    }
  }
  return { positional, options }
}

/** Throws a CliError for any option the command does not declare. */
export function checkOptions(cmd: Command, args: ParsedArgs): void {
  if (!cmd.options) return
  const allowed = new Set([...cmd.options, 'help'])
  for (const key of Object.keys(args.options)) {
    if (!allowed.has(key)) {
      const known = cmd.options.length ? cmd.options.map((o) => `--${o}`).join(', ') : 'none'
      throw new CliError(`Unknown option --${key} for "${cmd.name}"; known options: ${known}.`)
    }
  }
}

/** A string option, or undefined when absent. `--key` with no value is an error. */
export function str(args: ParsedArgs, key: string): string | undefined {
  const v = args.options[key]
  if (v === undefined) return undefined
  if (v === true) throw new CliError(`Option --${key} needs a value.`)
  return v
}

/**
 * An ISO-8601 UTC instant option as ms since 1970 (strict: parseIsoUtc). When absent, returns
 * `fallbackMs` if given, else throws.
 */
export function requireIso(args: ParsedArgs, key: string, fallbackMs?: number): number {
  const v = str(args, key)
  if (v === undefined) {
    if (fallbackMs !== undefined) return fallbackMs
    throw new CliError(`Option --${key} is required: an ISO-8601 UTC instant such as 2030-06-21T12:00:00Z.`)
  }
  const t = parseIsoUtc(v)
  if (t === null) {
    throw new CliError(`Option --${key} must be an ISO-8601 UTC instant such as 2030-06-21T12:00:00Z or 2030-06-21; got "${v}".`)
  }
  return t
}

export interface NumOptions {
  min?: number
  max?: number
  default?: number
  integer?: boolean
}

/** A finite number option within [min, max]; the default when absent, else an error. */
export function num(args: ParsedArgs, key: string, o: NumOptions = {}): number {
  const v = str(args, key)
  const range =
    o.min !== undefined && o.max !== undefined
      ? ` between ${o.min} and ${o.max}`
      : o.min !== undefined
        ? ` of at least ${o.min}`
        : o.max !== undefined
          ? ` of at most ${o.max}`
          : ''
  const what = `${o.integer ? 'a whole number' : 'a number'}${range}`
  if (v === undefined) {
    if (o.default !== undefined) return o.default
    throw new CliError(`Option --${key} is required: ${what}.`)
  }
  const n = v.trim() === '' ? NaN : Number(v)
  if (!Number.isFinite(n)) throw new CliError(`Option --${key} must be ${what}; got "${v}".`)
  if (o.integer && !Number.isInteger(n)) throw new CliError(`Option --${key} must be ${what}; got ${v}.`)
  if ((o.min !== undefined && n < o.min) || (o.max !== undefined && n > o.max)) {
    throw new CliError(`Option --${key} must be ${what}; got ${v}.`)
  }
  return n
}

/** Rounds to `digits` decimals (keeps JSON output short and stable). */
export const round = (x: number, digits: number): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

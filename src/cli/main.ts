/**
 * `npm run sim -- <command> [--key value ...]`: the headless simulation for Node.
 * Prints the command's result as JSON (or JSON Lines for row output) on stdout.
 * Exit codes: 0 ok; 2 bad input (message and usage on stderr); 1 an internal error.
 */
import { CliError, checkOptions, isJsonlRows, isRawText, parseArgs, type Command } from './args'
import { COMMANDS, getCommand } from './commands'

const PROG = 'npm run sim --'

function commandList(): string {
  const w = Math.max(0, ...COMMANDS.map((c) => c.name.length))
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`)
  return [
    `Usage: ${PROG} <command> [options]`,
    '',
    'Commands:',
    ...lines,
    '',
    `Run "${PROG} <command> --help" for a command's options. Output is JSON on stdout; see docs/CLI.md.`,
  ].join('\n')
}

const usageOf = (cmd: Command): string => `Usage: ${PROG} ${cmd.usage.trim()}`

/** Writes text to stdout and resolves once it is flushed (respects back-pressure for large output). */
function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve()
    else process.stdout.once('drain', () => resolve())
  })
}

async function print(result: unknown, asRows: boolean): Promise<void> {
  if (isRawText(result)) {
    await write(result.__text)
    return
  }
  const rows = isJsonlRows(result) ? result.__jsonl : asRows && Array.isArray(result) ? result : null
  if (!rows) {
    await write(`${JSON.stringify(result, null, 2)}\n`)
    return
  }
  let buf = ''
  for (const row of rows) {
    buf += `${JSON.stringify(row)}\n`
    if (buf.length > 1 << 16) {
      await write(buf)
      buf = ''
    }
  }
  if (buf) await write(buf)
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' && rest[0] ? getCommand(rest[0]) : undefined
    if (target) {
      process.stdout.write(`${usageOf(target)}\n`)
      return 0
    }
    ;(name === undefined ? process.stderr : process.stdout).write(`${commandList()}\n`)
    return name === undefined ? 2 : 0
  }
  const cmd = getCommand(name)
  if (!cmd) {
    process.stderr.write(`error: unknown command "${name}".\n\n${commandList()}\n`)
    return 2
  }
  try {
    const args = parseArgs(rest)
    if (args.options.help === true) {
      process.stdout.write(`${usageOf(cmd)}\n`)
      return 0
    }
    checkOptions(cmd, args)
    const result = await cmd.run(args)
    await print(result, cmd.jsonl === true)
    return 0
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`error: ${err.message}\n\n${usageOf(cmd)}\n`)
      return 2
    }
    process.stderr.write(`internal error in "${name}": ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    return 1
  }
}

// Output piped into `head` closes early: not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err) => {
    process.stderr.write(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exitCode = 1
  },
)

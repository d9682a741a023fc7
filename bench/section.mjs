// Writes one benchmark's markdown between its markers in BENCHMARKS.md (<!-- bench:ID:start -->
// … <!-- bench:ID:end -->), adding the section with its title at the end of the file the first time.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/**
 * @param {string} id marker name, e.g. 'story'
 * @param {string} title the section's heading
 * @param {string} body markdown to put between the markers
 * @param {string} [file]
 */
export function writeSection(id, title, body, file = process.env.BENCH_FILE ?? 'BENCHMARKS.md') {
  const start = `<!-- bench:${id}:start -->`
  const end = `<!-- bench:${id}:end -->`
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
  if (!doc.includes(start)) doc = `${doc.replace(/\n*$/, '\n')}\n## ${title}\n\n${start}\n${end}\n`
  const i = doc.indexOf(start)
  const j = doc.indexOf(end)
  doc = `${doc.slice(0, i + start.length)}\n${body}\n${doc.slice(j)}`
  writeFileSync(file, doc)
}

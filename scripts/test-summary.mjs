// `npm test`: runs every phase whatever the one before did (unit tests, the build, the e2e tests
// against that build), then prints one closing line, "tests: N passed, N failed", from Vitest's
// JSON reports, and exits non-zero if anything failed or no test ran.
//
// A phase that exits non-zero without a failed test in its report (a crash, a failed global setup,
// a failed build) counts as one failure; so does a missing report. The e2e phase does not run on a
// failed build (it would test a stale dist/): it counts as failed too.
//
// usage: node scripts/test-summary.mjs              run all phases, then summarise
//        node scripts/test-summary.mjs REPORT.json… summarise existing reports only
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const UNIT_REPORT = 'test-results/unit.json'
const E2E_REPORT = 'test-results/e2e.json'

/**
 * Counts from one Vitest JSON report; exitCode is the phase's (null: not known).
 * @param {string} file
 * @param {number | null} [exitCode]
 */
function count(file, exitCode = null) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, note: `no report ${file}` }
  let r
  try {
    r = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    return { passed: 0, failed: 1, skipped: 0, note: `unreadable report ${file}: ${e.message}` }
  }
  const passed = r.numPassedTests ?? 0
  let failed = r.numFailedTests ?? 0
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  let note = ''
  if (failed === 0 && (r.success === false || (exitCode !== null && exitCode !== 0))) {
    failed = 1
    note = `${file}: the run failed outside any test (exit ${exitCode ?? '?'})`
  }
  return { passed, failed, skipped, note }
}

function run(label, args) {
  console.log(`\n── ${label}: npm ${args.join(' ')}`)
  const r = spawnSync('npm', args, { stdio: 'inherit' })
  if (r.error) console.error(`${label}: ${r.error.message}`)
  return r.status ?? 1
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const notes = []
const add = (c) => {
  totals.passed += c.passed
  totals.failed += c.failed
  totals.skipped += c.skipped
  if (c.note) notes.push(c.note)
}

const reports = process.argv.slice(2)
if (reports.length) {
  for (const f of reports) add(count(f))
} else {
  rmSync(UNIT_REPORT, { force: true })
  rmSync(E2E_REPORT, { force: true })
  add(count(UNIT_REPORT, run('unit tests', ['run', '--silent', 'test:unit'])))
  if (run('build', ['run', '--silent', 'build']) !== 0) {
    add({ passed: 0, failed: 1, skipped: 0, note: 'the build failed' })
    add({ passed: 0, failed: 1, skipped: 0, note: 'e2e tests not run: no build to test' })
  } else {
    add(count(E2E_REPORT, run('e2e tests', ['run', '--silent', 'test:e2e:built'])))
  }
}

for (const n of notes) console.error(n)
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0)

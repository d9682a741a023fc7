// Prints one closing line, "tests: N passed, N failed", from Vitest's JSON reports, and exits
// non-zero if any test failed or no test ran. usage: node scripts/test-summary.mjs REPORT.json...
import { existsSync, readFileSync } from 'node:fs'

let passed = 0, failed = 0, skipped = 0
for (const f of process.argv.slice(2)) {
  if (!existsSync(f)) {
    console.error(`missing test report ${f}`)
    failed++
    continue
  }
  const r = JSON.parse(readFileSync(f, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests + (r.success === false && r.numFailedTests === 0 ? 1 : 0)
  skipped += r.numPendingTests + (r.numTodoTests ?? 0)
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)

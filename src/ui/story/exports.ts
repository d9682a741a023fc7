/**
 * Downloads from the panels: the scenario as JSON, its yearly rows as CSV and JSON. A Blob and a
 * link clicked once; the object URL is released a minute later.
 */
import { serializeScenario } from '../../sim/scenario/io'
import type { Scenario } from '../../sim/scenario/schema'
import { rowsToCsv } from '../../sim/story/csv'
import type { YearRow } from '../../sim/story/yearly'

function download(fileName: string, text: string, type: string): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([text], { type }))
  a.download = fileName
  a.click()
  // Released once the browser has surely read it (revoking at once can cancel the download).
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000)
}

const slug = (s: Scenario) =>
  s.name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'scenario'

export const exportScenarioJson = (s: Scenario): void => download(`terawatt-scenario-${slug(s)}.json`, serializeScenario(s), 'application/json')

/** The rows as the CLI writes them (`npm run sim -- run --format csv`): the same writer. */
export const exportRowsCsv = (s: Scenario, rows: readonly YearRow[]): void => download(`terawatt-years-${slug(s)}.csv`, rowsToCsv(rows), 'text/csv')

export const exportRowsJson = (s: Scenario, rows: readonly YearRow[]): void =>
  download(`terawatt-years-${slug(s)}.json`, `${JSON.stringify({ scenario: s.name, rows }, null, 2)}\n`, 'application/json')

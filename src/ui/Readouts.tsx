/**
 * A panel's list of live readouts: label, tooltip and a value cell that the panel's overlay-loop
 * callback writes (setText into cells.current[i]); "–" until the first value.
 */
import type { RefObject } from 'react'

export interface ReadoutRow {
  key: string
  label: string
  title: string
}

export function Readouts({ rows, cells, testIdPrefix }: { rows: readonly ReadoutRow[]; cells: RefObject<(HTMLElement | null)[]>; testIdPrefix: string }) {
  return (
    <dl className="readouts">
      {rows.map((r, i) => (
        <div key={r.key} className="row" title={r.title}>
          <dt>{r.label}</dt>
          <dd
            ref={(el) => {
              cells.current[i] = el
            }}
            data-testid={`${testIdPrefix}${r.key}`}
          >
            –
          </dd>
        </div>
      ))}
    </dl>
  )
}

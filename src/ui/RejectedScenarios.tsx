/**
 * Saved scenarios set aside on load because they no longer validated (src/state/scenario.ts,
 * the last MAX_REJECTED): each with when and every problem, to restore (the fields that still
 * validate; the others keep the defaults) or discard. Shown in the scenario panel only when there
 * are some.
 */
import { useScenario } from '../state/scenario'
import { useUi } from '../state/ui'

export function RejectedScenarios() {
  const rejected = useScenario((s) => s.rejected)
  if (rejected.length === 0) return null
  return (
    <div className="errors" data-testid="rejected-scenarios">
      <strong>
        {rejected.length} saved scenario{rejected.length === 1 ? '' : 's'} set aside (they failed validation on load)
      </strong>
      <ul>
        {rejected.map((r, i) => (
          <li key={`${r.rejectedAt}:${r.text.length}:${r.problems.length}`}>
            <span className="muted">{r.rejectedAt ? r.rejectedAt.replace('T', ' ').slice(0, 16) : 'unknown time'}</span>
            <ul>
              {r.problems.slice(0, 6).map((p) => (
                <li key={p}>{p}</li>
              ))}
              {r.problems.length > 6 && <li>… and {r.problems.length - 6} more</li>}
            </ul>
            <button
              title="Put it in force: the fields that still validate (the others keep the defaults)"
              onClick={() => {
                const { ok, message } = useScenario.getState().restoreRejected(i)
                useUi.getState().notify(message, ok ? 'info' : 'warn', 10000)
              }}
            >
              Restore
            </button>{' '}
            <button title="Delete it for good" onClick={() => useScenario.getState().discardRejected(i)}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

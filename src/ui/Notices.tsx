/** Short notices: a bad link, a rejected value, a crashed worker. Always readable, never blocking. */
import { useUi } from '../state/ui'

export function Notices() {
  const notices = useUi((s) => s.notices)
  const dismiss = useUi((s) => s.dismiss)
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <button type="button" key={n.id} className={`notice ${n.kind}`} onClick={() => dismiss(n.id)} title="Click to dismiss">
          {n.text}
        </button>
      ))}
    </div>
  )
}

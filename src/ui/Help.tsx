import { useUi } from '../state/ui'
import { SHORTCUTS, keyLabel } from './shortcuts'

export function Help() {
  const show = useUi((s) => s.showHelp)
  const toggle = useUi((s) => s.toggleHelp)
  if (!show) return null
  return (
    <div className="help panel" role="dialog" aria-label="Keyboard shortcuts" data-testid="help">
      <h2>Keyboard</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.label}>
              <td>
                {s.keys.map((k) => (
                  <kbd key={k}>{keyLabel(k)}</kbd>
                ))}
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>drag</kbd> <kbd>wheel</kbd> <kbd>pinch</kbd>
            </td>
            <td>Orbit and zoom around the focus</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">Positions of the Sun and Moon: astronomy-engine (±1′). Imagery: see assets/README.md.</p>
      <button onClick={toggle}>Close</button>
    </div>
  )
}

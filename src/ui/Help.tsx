/** The `?` overlay: every shortcut (and what the clicker keys do in a tour), the explore keys and the URL parameters. */
import { LINK_PARAMS } from '../present/deepLink'
import { useUi } from '../state/ui'
import { SHORTCUTS, keyLabel } from './shortcuts'

const EXPLORE = [
  { keys: ['W', 'A', 'S', 'D'], label: 'Move (or the arrow keys)' },
  { keys: ['R', 'F'], label: 'Rise, sink' },
  { keys: ['Shift'], label: 'Faster' },
  { keys: ['drag'], label: 'Look around (touch: left half moves, right half looks)' },
  { keys: ['E'], label: 'Leave explore mode' },
]

function Keys({ keys }: { keys: string[] }) {
  return (
    <td>
      {keys.map((k) => (
        <kbd key={k}>{keyLabel(k)}</kbd>
      ))}
    </td>
  )
}

export function Help() {
  const show = useUi((s) => s.showHelp)
  const toggle = useUi((s) => s.toggleHelp)
  if (!show) return null
  return (
    <div className="help panel" role="dialog" aria-label="Keyboard shortcuts" data-testid="help">
      <h2>Keyboard</h2>
      <table>
        <tbody>
          {SHORTCUTS.filter((s) => s.group !== 'tour').map((s) => (
            <tr key={s.label}>
              <Keys keys={s.keys} />
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
      <h3>In a tour (a presenter’s clicker sends these)</h3>
      <table>
        <tbody>
          {SHORTCUTS.filter((s) => s.group === 'tour').map((s) => (
            <tr key={s.label}>
              <Keys keys={s.keys} />
              <td>{s.label}</td>
            </tr>
          ))}
          <tr>
            <Keys keys={['Space', 'B', '.', '1 … 9', 'Esc']} />
            <td>Next chapter; blank to black; chapter by number; leave the tour</td>
          </tr>
        </tbody>
      </table>
      <h3>Exploring Moon Base Alpha (E at the base)</h3>
      <table>
        <tbody>
          {EXPLORE.map((s) => (
            <tr key={s.label}>
              <Keys keys={s.keys} />
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Link parameters (the address bar holds the whole view; “Copy link” copies it)</h3>
      <table data-testid="help-params">
        <tbody>
          {LINK_PARAMS.map((p) => (
            <tr key={p.name}>
              <td>
                <code>{p.name}</code>
              </td>
              <td>
                {p.meaning} <span className="muted">({p.example})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Positions of the Sun and Moon: astronomy-engine (±1′). Imagery: see assets/README.md.</p>
      <button onClick={toggle}>Close</button>
    </div>
  )
}

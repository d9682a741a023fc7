/** Focus a body: the camera flies there. Keys 1 and 2 do the same. */
import { FOCI, useUi } from '../state/ui'

const LABEL: Record<(typeof FOCI)[number], string> = { earth: 'Earth', moon: 'Moon', base: 'Moon Base', sun: 'Deep space', system: 'Earth–Moon' }

export function FocusMenu() {
  const focus = useUi((s) => s.focus)
  const setFocus = useUi((s) => s.setFocus)
  return (
    <nav className="focus-menu panel" aria-label="Focus" data-testid="focus-menu">
      {FOCI.map((f, i) => (
        <button key={f} className={f === focus ? 'on' : ''} onClick={() => setFocus(f)} title={`Fly to ${LABEL[f]} (${i + 1})`} data-testid={`focus-${f}`}>
          {LABEL[f]}
        </button>
      ))}
    </nav>
  )
}

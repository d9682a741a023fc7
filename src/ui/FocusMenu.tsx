/**
 * Focus a body: the camera flies there. Keys 1 to 4 do the same for the first four (src/ui/shortcuts.ts);
 * the Earth–Moon view has no key (5 is a tour's chapter 5), so its title names none.
 */
import { FOCI, useUi } from '../state/ui'

const LABEL: Record<(typeof FOCI)[number], string> = { earth: 'Earth', moon: 'Moon', base: 'Moon Base', sun: 'Deep space', system: 'Earth–Moon' }

export function FocusMenu() {
  const focus = useUi((s) => s.focus)
  const setFocus = useUi((s) => s.setFocus)
  return (
    <nav className="focus-menu panel" aria-label="Focus" data-testid="focus-menu">
      {FOCI.map((f, i) => (
        <button
          key={f}
          className={f === focus ? 'on' : ''}
          onClick={() => setFocus(f)}
          title={i < 4 ? `Fly to ${LABEL[f]} (${i + 1})` : `Fly to ${LABEL[f]}`}
          data-testid={`focus-${f}`}
        >
          {LABEL[f]}
        </button>
      ))}
    </nav>
  )
}

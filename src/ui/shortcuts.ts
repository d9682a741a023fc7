/** Every keyboard shortcut, in one table: the help overlay and the README list these. */
import { nowInHorizon, useClock } from '../state/clock'
import { EXPLORE_KEYS, useBase } from '../state/base'
import { useInspect } from '../state/inspect'
import { useUi } from '../state/ui'

export interface Shortcut {
  keys: string[]
  label: string
  run(): void
}

/**
 * Esc: closes every panel that can be closed: the scenario panel, help, the satellite inspector
 * and the selected base structure. (The always-on readouts are hidden with H, not Esc; explore
 * mode is left with E or its button.)
 */
export function closePanels(): void {
  useUi.setState({ showHelp: false, showScenario: false })
  if (useInspect.getState().satellite) useInspect.setState({ satellite: null })
  if (useBase.getState().selected) useBase.setState({ selected: null })
}

export const SHORTCUTS: Shortcut[] = [
  { keys: [' '], label: 'Play / pause', run: () => useClock.getState().toggle() },
  { keys: [']', '.'], label: 'Faster', run: () => useClock.getState().faster() },
  { keys: ['[', ','], label: 'Slower', run: () => useClock.getState().slower() },
  { keys: ['r', 'R'], label: 'Reverse time', run: () => useClock.getState().reverse() },
  { keys: ['n', 'N'], label: 'Jump to now', run: () => useClock.getState().seek(nowInHorizon()) },
  { keys: ['1'], label: 'Focus Earth', run: () => useUi.getState().setFocus('earth') },
  { keys: ['2'], label: 'Focus the Moon', run: () => useUi.getState().setFocus('moon') },
  { keys: ['3'], label: 'Focus Moon Base Alpha', run: () => useUi.getState().setFocus('base') },
  {
    keys: ['e', 'E'],
    label: 'Explore the base (at Moon Base Alpha)',
    run: () => useUi.getState().focus === 'base' && useBase.getState().setExploring(!useBase.getState().exploring),
  },
  { keys: ['4'], label: 'Heliocentric view (the Sun, planets, the swarm)', run: () => useUi.getState().setFocus('sun') },
  { keys: ['s', 'S'], label: 'Scenario panel', run: () => useUi.getState().toggleScenario() },
  { keys: ['h', 'H'], label: 'Hide / show all overlays', run: () => useUi.getState().toggleUi() },
  { keys: ['?', 'F1'], label: 'Help', run: () => useUi.getState().toggleHelp() },
  { keys: ['Escape'], label: 'Close panels (scenario, help, satellite, structure)', run: closePanels },
]

const byKey = new Map<string, Shortcut>()
for (const s of SHORTCUTS) for (const k of s.keys) byKey.set(k, s)

export function keyLabel(k: string): string {
  return k === ' ' ? 'Space' : k
}

/** Installs the global key handler; keys typed into form fields are left alone. */
export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null
    const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)
    // Esc still closes the panels from a form field (the scenario panel is all fields): leave the
    // field first, so a half-typed value is committed or dropped as on any blur.
    if (typing && e.key === 'Escape') t.blur()
    else if (typing) return
    if (e.ctrlKey || e.metaKey || e.altKey) return
    if (useBase.getState().exploring && EXPLORE_KEYS.has(e.key)) return // moving, not shortcuts
    const s = byKey.get(e.key)
    if (!s) return
    e.preventDefault()
    s.run()
  }
  window.addEventListener('keydown', onKey)
  return () => window.removeEventListener('keydown', onKey)
}

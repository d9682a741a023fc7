/**
 * Every keyboard shortcut, in one table: the help overlay and the README list these. While a tour
 * runs, the keys a presenter's clicker sends (PageDown/PageUp, arrows, Space, B or .) drive it.
 */
import { nowInHorizon, useClock } from '../state/clock'
import { EXPLORE_KEYS, useBase } from '../state/base'
import { useInspect } from '../state/inspect'
import { useStory } from '../state/story'
import { useUi } from '../state/ui'
import { useTour } from '../present/tour/useTour'
import { openPresenterView } from '../present/presenterChannel'
import { takeStill } from '../record/still'
import { useRecorder } from '../record/store'
import { stageHold } from '../state/stageTime'

export interface Shortcut {
  keys: string[]
  label: string
  /** 'tour': what the key does while a tour runs (listed apart in the help). */
  group?: 'tour'
  run(): void
}

/**
 * Esc: closes every panel that can be closed: the scenario panel, help, the satellite inspector
 * and the selected base structure. (The always-on readouts are hidden with H, not Esc; explore
 * mode is left with E or its button.)
 */
export function closePanels(): void {
  useUi.setState({ showHelp: false, showScenario: false })
  useStory.setState({ showCharts: false })
  if (useInspect.getState().satellite) useInspect.setState({ satellite: null })
  if (useBase.getState().selected) useBase.setState({ selected: null })
}

const touring = () => useTour.getState().tour !== null
const FOCUS_KEYS = ['earth', 'moon', 'base', 'sun'] as const

/** Number keys: a chapter in a tour (1–9, 0 for the tenth), else 1–4 focus a body. */
function numberKey(n: number): void {
  if (touring()) useTour.getState().goToChapter(n === 0 ? 9 : n - 1)
  else if (n >= 1 && n <= 4) useUi.getState().setFocus(FOCUS_KEYS[n - 1])
}

export function toggleFullscreen(): void {
  if (typeof document === 'undefined') return
  if (document.fullscreenElement) void document.exitFullscreen?.()
  else void document.documentElement.requestFullscreen?.().catch(() => useUi.getState().notify('Full screen was refused by the browser.', 'warn'))
}

export function toggleTour(): void {
  if (touring()) useTour.getState().stopTour()
  else void useTour.getState().startTour('default', 0)
}

export const SHORTCUTS: Shortcut[] = [
  { keys: [' '], label: 'Play / pause (in a tour: next chapter)', run: () => (touring() ? useTour.getState().next() : useClock.getState().toggle()) },
  { keys: [']'], label: 'Faster', run: () => useClock.getState().faster() },
  {
    keys: ['.'],
    label: 'Faster (in a tour: blank to black and back)',
    run: () => (touring() ? useUi.getState().setBlank('black') : useClock.getState().faster()),
  },
  { keys: ['[', ','], label: 'Slower', run: () => useClock.getState().slower() },
  { keys: ['r', 'R'], label: 'Reverse time', run: () => useClock.getState().reverse() },
  { keys: ['n', 'N'], label: 'Jump to now', run: () => useClock.getState().seek(nowInHorizon()) },
  { keys: ['1', '2', '3', '4'], label: 'Focus Earth, the Moon, Moon Base Alpha, the Sun (in a tour: chapter)', run: () => {} },
  { keys: ['5', '6', '7', '8', '9', '0'], label: 'In a tour: go to chapter 5 … 9, 0 for 10', run: () => {} },
  {
    keys: ['e', 'E'],
    label: 'Explore the base (at Moon Base Alpha)',
    run: () => useUi.getState().focus === 'base' && useBase.getState().setExploring(!useBase.getState().exploring),
  },
  { keys: ['s', 'S'], label: 'Scenario panel', run: () => useUi.getState().toggleScenario() },
  { keys: ['c', 'C'], label: 'Charts: the story in numbers, what-if side by side', run: () => useStory.getState().toggleCharts() },
  { keys: ['h', 'H'], label: 'Hide / show all overlays', run: () => useUi.getState().toggleUi() },
  { keys: ['t', 'T'], label: 'Start / leave the guided tour', run: toggleTour },
  {
    keys: ['a', 'A'],
    label: 'Autoplay the tour, looping (a booth)',
    run: () => {
      const t = useTour.getState()
      if (!t.tour)
        void t.startTour('default', 0).then((ok) => {
          if (ok) useTour.getState().setAutoplay(true)
        })
      else t.setAutoplay(!t.autoplay)
    },
  },
  { keys: ['p', 'P'], label: 'Presenter view (second window: notes, next chapter, clock)', run: openPresenterView },
  { keys: ['f', 'F'], label: 'Full screen', run: toggleFullscreen },
  { keys: ['i', 'I'], label: 'Image: a PNG still of the view, no panels (size set in the Export panel)', run: () => void takeStill() },
  { keys: ['b', 'B'], label: 'Blank the screen to black and back', run: () => useUi.getState().setBlank('black') },
  { keys: ['w', 'W'], label: 'Blank the screen to white and back', run: () => useUi.getState().setBlank('white') },
  { keys: ['PageDown', 'ArrowRight'], group: 'tour', label: 'Next chapter (a clicker’s forward)', run: () => useTour.getState().next() },
  { keys: ['PageUp', 'ArrowLeft'], group: 'tour', label: 'Previous chapter (a clicker’s back)', run: () => useTour.getState().prev() },
  { keys: ['Home'], group: 'tour', label: 'First chapter', run: () => useTour.getState().goToChapter(0) },
  { keys: ['End'], group: 'tour', label: 'Last chapter', run: () => useTour.getState().goToChapter(Number.MAX_SAFE_INTEGER) },
  { keys: ['?', 'F1'], label: 'Help', run: () => useUi.getState().toggleHelp() },
  {
    keys: ['Escape'],
    label: 'Leave the tour; close panels (scenario, help, satellite, structure)',
    run: () => {
      if (useUi.getState().blank) useUi.setState({ blank: null })
      else if (touring()) useTour.getState().stopTour()
      closePanels()
    },
  },
]

const byKey = new Map<string, Shortcut>()
for (const s of SHORTCUTS) for (const k of s.keys) byKey.set(k, s)

/** The key for a keyboard event: the digits run numberKey with their value. */
function runKey(key: string): boolean {
  if (key.length === 1 && key >= '0' && key <= '9') {
    numberKey(Number(key))
    return true
  }
  const s = byKey.get(key)
  if (!s) return false
  s.run()
  return true
}

export function keyLabel(k: string): string {
  return k === ' ' ? 'Space' : k.replace('Arrow', '').replace('Right', '→').replace('Left', '←')
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
    // During a recording the take is the recorder's: Esc cancels it, every other key waits.
    if (stageHold.byRecording) {
      if (e.key === 'Escape') useRecorder.getState().controller?.abort()
      e.preventDefault()
      return
    }
    const base = useBase.getState()
    if (base.exploring && base.exploreKeys && EXPLORE_KEYS.has(e.key)) return // moving, not shortcuts
    if (runKey(e.key)) e.preventDefault()
  }
  window.addEventListener('keydown', onKey)
  return () => window.removeEventListener('keydown', onKey)
}

/** For tests and the presenter view: runs the shortcut for a key as the keyboard would. */
export const pressKey = runKey

/**
 * Keeps the address bar in step with the view without flooding history: at most one
 * replaceState per second while time runs (checked from the overlay frame loop, no timer of its
 * own), and at once on discrete changes.
 */
import { simTime, useClock } from '../state/clock'
import { useUi } from '../state/ui'
import { formatDeepLink } from './deepLink'

let last = ''
let lastWriteAt = -Infinity

function write(force: boolean) {
  const now = performance.now()
  if (!force && now - lastWriteAt < 1000) return
  lastWriteAt = now
  const next = formatDeepLink(location.search, { tMs: simTime.tMs, warp: useClock.getState().warp, focus: useUi.getState().focus })
  if (next === last) return
  last = next
  history.replaceState(history.state, '', next + location.hash)
}

/**
 * Starts the sync. onFrame registers a per-frame callback and returns its unregister function
 * (the app passes the overlay loop's onOverlayFrame; present/ does not import ui/).
 */
export function startUrlSync(onFrame: (cb: () => void) => () => void): () => void {
  const stopFrame = onFrame(() => write(false))
  const u1 = useClock.subscribe((s, p) => {
    if (s.warp !== p.warp || s.seekCount !== p.seekCount || s.playing !== p.playing) write(true)
  })
  const u2 = useUi.subscribe((s, p) => {
    if (s.focus !== p.focus) write(true)
  })
  return () => {
    stopFrame()
    u1()
    u2()
  }
}

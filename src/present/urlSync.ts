/**
 * Keeps the address bar in step with the view without flooding history: at most one
 * replaceState per second while time runs, and at once on discrete changes.
 */
import { simTime, useClock } from '../state/clock'
import { useUi } from '../state/ui'
import { formatDeepLink } from './deepLink'

let last = ''
let lastWriteAt = 0

function write(force: boolean) {
  const now = performance.now()
  if (!force && now - lastWriteAt < 1000) return
  const next = formatDeepLink(location.search, { tMs: simTime.tMs, warp: useClock.getState().warp, focus: useUi.getState().focus })
  if (next === last) return
  last = next
  lastWriteAt = now
  history.replaceState(history.state, '', next + location.hash)
}

export function startUrlSync(): () => void {
  const timer = setInterval(() => write(false), 1000)
  const u1 = useClock.subscribe((s, p) => {
    if (s.warp !== p.warp || s.seekCount !== p.seekCount || s.playing !== p.playing) write(true)
  })
  const u2 = useUi.subscribe((s, p) => {
    if (s.focus !== p.focus) write(true)
  })
  return () => {
    clearInterval(timer)
    u1()
    u2()
  }
}

/**
 * A short HUD notice for each launch while time runs slowly enough to follow them (≤ 1 h/s).
 * Faster than that, launches read as the pads' pulse and the metrics, not as a stream of toasts.
 */
import { simTime, useClock } from '../state/clock'
import { useSim } from '../state/sim'
import { useUi } from '../state/ui'

const SITE_NAMES = ['Starbase', 'KSC LC-39A']

export function startLaunchNotices(): () => void {
  let lastIndex = -1
  return useSim.subscribe((s, p) => {
    const launches = s.snapshot?.recentLaunches
    if (!launches || s.snapshot === p.snapshot) return
    // Scrubbed back: forget launches that have not happened yet at the new time.
    const newest = launches.length ? launches[launches.length - 1].index : -1
    if (newest < lastIndex) lastIndex = newest
    const warp = Math.abs(useClock.getState().warp)
    for (const L of launches) {
      if (L.index <= lastIndex) continue
      lastIndex = L.index
      const ageMs = simTime.tMs - L.tMs
      if (warp > 3600 || ageMs < 0 || ageMs > 600000) continue
      useUi.getState().notify(`Launch ${L.index + 1} from ${SITE_NAMES[L.siteIndex] ?? `site ${L.siteIndex + 1}`}: ${L.massT.toFixed(0)} t, ${L.satellites} satellites to shell ${L.shellIndex + 1}`, 'info', 4000)
    }
  })
}

/**
 * A short HUD notice for each launch while time runs slowly enough to follow them (≤ 1 h/s).
 * Faster than that, launches read as the pads' pulse and the metrics, not as a stream of toasts.
 * Checked once per rendered frame from the overlay loop (a new snapshot brings new launches);
 * pads are named from the scenario's own launch sites, so an edited site list reads right.
 */
import { SITE_NAMES } from '../sim/constellation/params'
import { useClock } from '../state/clock'
import { useScenario } from '../state/scenario'
import { useSim } from '../state/sim'
import { useUi } from '../state/ui'
import { onOverlayFrame } from './overlayLoop'

type Sites = ReturnType<typeof useScenario.getState>['scenario']['constellation']['sites']

/** The pad's name as the scenario lists it: "Starbase, Texas", or "site 3 (12.3° N, 45.6° E)" for an unnamed one. */
export function launchSiteName(sites: Sites, siteIndex: number): string {
  const s = sites[siteIndex]
  if (!s) return `site ${siteIndex + 1}`
  if (s.site !== 'other') return SITE_NAMES[s.site]
  const lat = `${Math.abs(s.latDeg).toFixed(1)}° ${s.latDeg >= 0 ? 'N' : 'S'}`
  const lon = `${Math.abs(s.lonDeg).toFixed(1)}° ${s.lonDeg >= 0 ? 'E' : 'W'}`
  return `site ${siteIndex + 1} (${lat}, ${lon})`
}

export function startLaunchNotices(): () => void {
  let lastIndex = -1
  let lastSnapshot: unknown = null
  return onOverlayFrame((tMs) => {
    const snapshot = useSim.getState().snapshot
    if (!snapshot || snapshot === lastSnapshot) return
    lastSnapshot = snapshot
    const launches = snapshot.recentLaunches
    // Scrubbed back: forget launches that have not happened yet at the new time.
    const newest = launches.length ? launches[launches.length - 1].index : -1
    if (newest < lastIndex) lastIndex = newest
    const warp = Math.abs(useClock.getState().warp)
    for (const L of launches) {
      if (L.index <= lastIndex) continue
      lastIndex = L.index
      const ageMs = tMs - L.tMs
      if (warp > 3600 || ageMs < 0 || ageMs > 600000) continue
      const sites = useScenario.getState().scenario.constellation.sites
      useUi
        .getState()
        .notify(
          `Launch ${L.index + 1} from ${launchSiteName(sites, L.siteIndex)}: ${L.massT.toFixed(0)} t, ${L.satellites} satellites to shell ${L.shellIndex + 1}`,
          'info',
          4000,
        )
    }
  })
}

/**
 * A short HUD notice for each Starship cargo touchdown at Moon Base Alpha, while the base is in
 * focus and time runs slowly enough to watch one (≤ 1000×: a descent's last 2 km then takes at
 * least 0.09 s, and the scene shows it). Faster than that, landings read as ships standing on the
 * pads and the base panel's count, not as a stream of toasts. A jump in time (seek, scrub,
 * a change of warp's direction) announces nothing: only landings the clock runs through.
 */
import type { BaseScenario } from '../sim/base/growth'
import { landingTimesBetween } from '../sim/base/landings'
import { simTime, useClock } from '../state/clock'
import { useScenario } from '../state/scenario'
import { useUi } from '../state/ui'

export const LANDING_NOTICE_MAX_WARP = 1000
const CHECK_MS = 250
/** Longest stretch of sim time one check looks back over (1000× for a throttled second or so). */
const MAX_STEP_MS = 2000e3

export function startLandingNotices(): () => void {
  let lastT = simTime.tMs
  let lastSeek = useClock.getState().seekCount
  const timer = setInterval(() => {
    const t = simTime.tMs
    const clock = useClock.getState()
    const from = lastT
    const seeked = clock.seekCount !== lastSeek
    lastT = t
    lastSeek = clock.seekCount
    if (seeked || !clock.playing || t <= from || t - from > MAX_STEP_MS) return
    if (useUi.getState().focus !== 'base' || Math.abs(clock.warp) > LANDING_NOTICE_MAX_WARP) return
    const sc = useScenario.getState().scenario as unknown as BaseScenario
    // Landings in (from, t]: touchdown after the last check, up to now.
    for (const l of landingTimesBetween(sc, from + 1e-3, t + 1e-3)) {
      useUi.getState().notify(`Starship cargo landing ${l.index + 1} on pad ${l.pad + 1}: ${sc.base.payloadPerLandingT.toFixed(0)} t delivered`, 'info', 5000)
    }
  }, CHECK_MS)
  return () => clearInterval(timer)
}

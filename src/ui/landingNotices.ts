/**
 * A short HUD notice for each Starship cargo touchdown at Moon Base Alpha, while the base is in
 * focus and time runs slowly enough to watch one (≤ 1000×: a descent's last 2 km then takes at
 * least 0.09 s, and the scene shows it). Faster than that, landings read as ships standing on the
 * pads and the base panel's count, not as a stream of toasts. A jump in time (seek, scrub,
 * running backward) announces nothing: only landings the clock runs through.
 *
 * Derived when a worker snapshot arrives (no timer, no growth model here): the touchdowns among
 * the snapshot's ship visits (src/sim/base/snapshot.ts) after the previous snapshot's time, up to
 * this one's.
 */
import type { BaseSnapshot } from '../sim/base/snapshot'
import { simTime, useClock } from '../state/clock'
import { useScenario } from '../state/scenario'
import { useSim } from '../state/sim'
import { useUi } from '../state/ui'

export const LANDING_NOTICE_MAX_WARP = 1000
/** Longest stretch of sim time between two snapshots looked back over (1000× for two seconds). */
const MAX_STEP_MS = 2000e3

/** Announces landings as snapshots arrive; returns the stop function. */
export function startLandingNotices(): () => void {
  let lastT = Number.NaN
  let lastSeek = useClock.getState().seekCount
  /** After a seek: snapshots before this instant were asked for before it, and are passed over. */
  let floorT = -Infinity

  const onSnapshot = (base: BaseSnapshot) => {
    const clock = useClock.getState()
    if (clock.seekCount !== lastSeek) {
      lastSeek = clock.seekCount
      lastT = Number.NaN
      floorT = simTime.tMs
    }
    const t = base.state.tMs
    if (t < floorT) return
    floorT = -Infinity
    const from = lastT
    lastT = t
    if (!(t > from) || t - from > MAX_STEP_MS) return
    if (useUi.getState().focus !== 'base' || Math.abs(clock.warp) > LANDING_NOTICE_MAX_WARP) return
    const payloadT = useScenario.getState().scenario.base.payloadPerLandingT
    // Touchdowns in (from, t]: after the last snapshot, up to this one.
    for (const v of base.visits) {
      if (v.tMs > from && v.tMs <= t) {
        useUi.getState().notify(`Starship cargo landing ${v.index + 1} on pad ${v.pad + 1}: ${payloadT.toFixed(0)} t delivered`, 'info', 5000)
      }
    }
  }

  return useSim.subscribe((s, prev) => {
    const base = s.snapshot?.base
    if (base && base !== prev.snapshot?.base) onSnapshot(base)
  })
}

/**
 * Start-up: restore the saved scenario, read the deep link, set the clock and focus, start the
 * worker, keyboard and URL sync. Every problem found becomes a notice; nothing here throws.
 */
import { parseDeepLink } from './present/deepLink'
import { startUrlSync } from './present/urlSync'
import { yearStartMs } from './sim/time'
import { frame } from './scene/frame/frame'
import { nowInHorizon, simTime, useClock } from './state/clock'
import { loadSavedScenario, useScenario } from './state/scenario'
import { startDeepSpace } from './state/deepSpace'
import { crashWorkerForTest, setInitOptions, startWorker, useSim } from './state/sim'
import { satellites } from './state/constellation'
import { startLaunchNotices } from './ui/launchNotices'
import { startLandingNotices } from './ui/landingNotices'
import { useUi } from './state/ui'
import { installShortcuts } from './ui/shortcuts'
import { onOverlayFrame } from './ui/overlayLoop'
import { throwInSceneForTest } from './scene/frame/useSceneFrame'
import { throwInPanelForTest } from './ui/PanelBoundary'
import { installTestHooks } from './testHooks'

function applyHorizon() {
  const h = useScenario.getState().scenario.horizon
  useClock.getState().setHorizon(yearStartMs(h.startYear), yearStartMs(h.endYear))
}

export function boot(): () => void {
  const notify = useUi.getState().notify
  useScenario.setState({ scenario: loadSavedScenario((m) => notify(m, 'warn', 10000)) })
  applyHorizon()
  const unsubHorizon = useScenario.subscribe((s, p) => {
    if (s.scenario.horizon !== p.scenario.horizon) applyHorizon()
  })

  const { horizonStartMs, horizonEndMs } = useClock.getState()
  const { link, problems } = parseDeepLink(location.search, { startMs: horizonStartMs, endMs: horizonEndMs })
  if (problems.length) notify(`Link: ${problems.join(' ')}`, 'warn', 12000)
  useClock.getState().seek(link.tMs ?? nowInHorizon())
  if (link.warp !== undefined) useClock.getState().setWarp(link.warp)
  else useClock.getState().setWarp(1)
  if (link.play ?? link.tMs === undefined) useClock.getState().play()
  if (link.focus) useUi.setState({ focus: link.focus })
  if (link.uiHidden) useUi.setState({ uiHidden: true })

  setInitOptions({ forcedSatellites: link.satellites })
  startWorker()
  startDeepSpace()
  const stopLaunchNotices = startLaunchNotices()
  const stopLandingNotices = startLandingNotices()
  const stopKeys = installShortcuts()
  const stopUrl = startUrlSync(onOverlayFrame)

  // Handles for end-to-end tests and the recorder; read-only use outside tests.
  installTestHooks({
    simTime,
    frame,
    satellites,
    useClock,
    useUi,
    useSim,
    useScenario,
    crashWorkerForTest,
    throwInPanel: throwInPanelForTest,
    throwInScene: throwInSceneForTest,
  })

  return () => {
    unsubHorizon()
    stopKeys()
    stopUrl()
    stopLaunchNotices()
    stopLandingNotices()
  }
}

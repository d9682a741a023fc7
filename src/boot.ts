/**
 * Start-up: restore the saved scenario, read the deep link, set the clock, focus, camera, layers,
 * tour and UI scale, start the workers, keyboard, URL sync and the presenter view's channel. Every
 * problem found becomes one notice; nothing here throws.
 */
import { type DeepLink, parseDeepLink } from './present/deepLink'
import { currentQuery, startUrlSync } from './present/urlSync'
import { installPresentHooks } from './present/hooks'
import { followFrame, followSatellite } from './present/follow'
import { startPresenterSync } from './present/presenterChannel'
import { tourFrame, useTour } from './present/tour/useTour'
import { scenarioFromUrlOverrides } from './sim/scenario/io'
import { yearStartMs } from './sim/time'
import { frame } from './scene/frame/frame'
import { cameraView, requestCameraMove } from './state/camera'
import { nowInHorizon, simTime, stopTimeRamp, useClock } from './state/clock'
import { useLayers } from './state/layers'
import { loadSavedScenario, useScenario } from './state/scenario'
import { startDeepSpace, useDeepSpace } from './state/deepSpace'
import { crashWorkerForTest, setInitOptions, startWorker, useSim, workerTimings } from './state/sim'
import { useStory } from './state/story'
import { satellites } from './state/constellation'
import { startLaunchNotices } from './ui/launchNotices'
import { startLandingNotices } from './ui/landingNotices'
import { useUi } from './state/ui'
import { installShortcuts } from './ui/shortcuts'
import { onOverlayFrame } from './ui/overlayLoop'
import { throwInSceneForTest } from './scene/frame/useSceneFrame'
import { throwInPanelForTest } from './ui/PanelBoundary'
import { installTestHooks } from './testHooks'
import { applyShot, shotById } from './present/shots'

/**
 * Panels write their cells when the snapshot they last wrote is replaced, so a panel shown again
 * (a focus change remounts it, H twice, a tour chapter) would say "–" until the next snapshot,
 * which never comes while the clock is paused. On such a change the latest snapshots are handed
 * out again as new objects (same figures), and every panel fills at once.
 */
function refreshPanelsOnShow(): () => void {
  return useUi.subscribe((s, p) => {
    if (s.focus === p.focus && s.uiHidden === p.uiHidden && s.shownPanels === p.shownPanels && s.focusSatellite === p.focusSatellite) return
    // After React has rendered the panels shown (the cells exist), before the next frame's overlay pass.
    queueMicrotask(() => {
      const sim = useSim.getState().snapshot
      if (sim) useSim.setState({ snapshot: { ...sim } })
      const deep = useDeepSpace.getState().snapshot
      if (deep) useDeepSpace.setState({ snapshot: { ...deep } })
    })
  })
}

function applyHorizon() {
  const h = useScenario.getState().scenario.horizon
  useClock.getState().setHorizon(yearStartMs(h.startYear), yearStartMs(h.endYear))
}

/** The link's time, warp, play state and camera (after a tour chapter, which they override). */
function applyView(link: DeepLink): void {
  const clock = useClock.getState()
  if (link.tMs !== undefined) {
    stopTimeRamp()
    clock.seek(link.tMs)
  }
  if (link.warp !== undefined && link.warp !== 0) clock.setWarp(link.warp)
  // warp=0 is paused; a link with t and warp plays unless play=0.
  const play = link.warp === 0 ? false : link.play
  if (play === true) clock.play()
  if (play === false) clock.pause()
  if (link.cam) {
    const ui = useUi.getState()
    requestCameraMove({ focus: ui.focus, pose: null, offset: link.cam, durationMs: 0, easing: 'linear' })
    // Re-run the camera's fly-to for the focus in force, now ending on the link's offset at once.
    if (ui.focus === 'satellite') ui.focusOnSatellite(ui.focusSatellite)
    else ui.setFocus(ui.focus)
  }
}

export function boot(): () => void {
  const notify = useUi.getState().notify
  useScenario.setState({ scenario: loadSavedScenario((m) => notify(m, 'warn', 10000)) })
  const problems: string[] = []
  // Scenario overrides (p.…) first: they may move the horizon the time is checked against.
  const overrides = parseDeepLink(location.search, { startMs: -Infinity, endMs: Infinity }).link.overrides
  if (overrides) {
    const r = scenarioFromUrlOverrides(overrides, useScenario.getState().scenario)
    // For this visit only: a link's overrides are not saved over the presenter's own scenario.
    if (r.ok) useScenario.setState({ scenario: r.scenario })
    else problems.push(`scenario overrides ignored: ${r.errors.map((e) => e.message).join(' ')}`)
  }
  applyHorizon()
  const unsubHorizon = useScenario.subscribe((s, p) => {
    if (s.scenario.horizon !== p.scenario.horizon) applyHorizon()
  })

  const { horizonStartMs, horizonEndMs } = useClock.getState()
  const { link, problems: linkProblems } = parseDeepLink(location.search, { startMs: horizonStartMs, endMs: horizonEndMs })
  problems.push(...linkProblems)
  if (problems.length) notify(`Link: ${problems.join(' ')}`, 'warn', 12000)
  useClock.getState().seek(link.tMs ?? nowInHorizon())
  useClock.getState().setWarp(link.warp !== undefined && link.warp !== 0 ? link.warp : 1)
  // warp=0 is paused; otherwise play=1/0 decides, and without it a link plays unless it names a
  // time and no warp (a moment: `?t=…` alone is a still; `?t=…&warp=60` runs).
  if (link.warp !== 0 && (link.play ?? (link.tMs === undefined || link.warp !== undefined))) useClock.getState().play()
  if (link.focus === 'satellite' && link.follow !== undefined) followSatellite(link.follow)
  else if (link.focus) useUi.setState({ focus: link.focus })
  if (link.uiHidden) useUi.setState({ uiHidden: true })
  if (link.embed) useUi.setState({ embed: true })
  if (link.uiScale !== undefined) useUi.getState().setUiScale(link.uiScale)
  if (link.layers) useLayers.getState().setLayers(link.layers)
  if (link.cam) requestCameraMove({ focus: link.focus ?? 'earth', pose: null, offset: link.cam, durationMs: 0, easing: 'linear' })
  // A shot (src/present/shots.ts) sets its own time, clock, focus and base camera over the rest.
  const shot = link.shot === undefined ? undefined : shotById(link.shot)
  if (shot) applyShot(shot)
  if (link.tour) {
    const tourLink = link
    void useTour
      .getState()
      .startTour(tourLink.tour ?? 'default', (tourLink.chapter ?? 1) - 1, true)
      .then((ok) => {
        if (!ok) return
        if (tourLink.autoplay) useTour.getState().setAutoplay(true)
        // The link's own time, camera and play state win over the chapter's (an exact view).
        applyView(tourLink)
      })
  }

  setInitOptions({ forcedSatellites: link.satellites })
  startWorker()
  startDeepSpace()
  const stopLaunchNotices = startLaunchNotices()
  const stopLandingNotices = startLandingNotices()
  const stopKeys = installShortcuts()
  const stopUrl = startUrlSync(onOverlayFrame)
  const stopTourFrame = onOverlayFrame(tourFrame)
  const stopFollowFrame = onOverlayFrame(followFrame)
  const stopPresenter = startPresenterSync(onOverlayFrame)
  const stopRefresh = refreshPanelsOnShow()

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
    useStory,
    workerTimings,
    throwInPanel: throwInPanelForTest,
    throwInScene: throwInSceneForTest,
  })

  installPresentHooks({ useTour, cameraView, currentQuery })

  return () => {
    unsubHorizon()
    stopKeys()
    stopUrl()
    stopTourFrame()
    stopFollowFrame()
    stopPresenter()
    stopRefresh()
    stopLaunchNotices()
    stopLandingNotices()
    useTour.getState().stopTour()
  }
}

/**
 * Taking the view over for a recording and giving it back as it was: the clock (instant, playing,
 * warp), stage time, the camera pose and orbit target, the focus, and the renderer's size. While
 * held, the frame loop runs in lock-step (src/scene/frame/FrameDriver.tsx): nothing moves unless
 * the recorder draws a frame, and the canvas is drawn at the export size whatever the window.
 */
import * as THREE from 'three'
import { advanceClock, simTime, timeRamp, useClock } from '../state/clock'
import { basePoseRequest, requestBasePose, requestCameraMove, siteView } from '../state/camera'
import { useLayers } from '../state/layers'
import { useTour } from '../present/tour/useTour'
import { stageHold, stageTime } from '../state/stageTime'
import { useUi } from '../state/ui'
import { explorer, explorerHold, useBase } from '../state/base'
import { enterLockStep, leaveLockStep, renderLockStepFrame, sceneRoot } from '../scene/frame/FrameDriver'
import { useDeepSpace, pumpDeepSpace } from '../state/deepSpace'
import { pumpWorker, useSim } from '../state/sim'

interface Saved {
  tMs: number
  playing: boolean
  warp: number
  stageMs: number
  position: THREE.Vector3
  quaternion: THREE.Quaternion
  up: THREE.Vector3
  target: THREE.Vector3 | null
  focus: ReturnType<typeof useUi.getState>['focus']
  focusSatellite: number
  shownPanels: ReturnType<typeof useUi.getState>['shownPanels']
  layers: ReturnType<typeof useLayers.getState>['visible']
  hiddenShells: readonly number[]
  ramp: typeof timeRamp
  tour: Pick<ReturnType<typeof useTour.getState>, 'tour' | 'chapter' | 'chapterStartedStageMs' | 'autoplay'>
  /** Explore mode and its keys (a tour's eye shot during the take changes both). */
  exploring: boolean
  exploreKeys: boolean
  /** A base pose asked for and not yet played, and the site view (a chapter during the take may ask for its own). */
  basePose: typeof basePoseRequest.pose
  sitePose: typeof siteView.pose
  /** Explore mode's eye as the user had it. */
  eye: typeof explorer
}

let saved: Saved | null = null
let controlsWere = true
let size = { w: 0, h: 0, ratio: 1 }

function controlsTarget(): THREE.Vector3 | null {
  const c = sceneRoot()?.controls
  if (c && 'target' in c && c.target instanceof THREE.Vector3) return c.target
  return null
}

/** Sets the orbit controls' `enabled`; returns what it was (true where there are none). */
function setControlsEnabled(on: boolean): boolean {
  const c = sceneRoot()?.controls
  if (!(c && 'enabled' in c && typeof c.enabled === 'boolean')) return true
  const was = c.enabled
  c.enabled = on
  return was
}

/** Takes the view over (lock-step). Throws when there is no live 3D view to record. */
export function holdView(): void {
  if (saved) throw new Error('A recording is already running.')
  const root = sceneRoot()
  if (!root) throw new Error('The 3D view is not running (it failed or is being rebuilt); nothing to record.')
  const clock = useClock.getState()
  const ui = useUi.getState()
  saved = {
    tMs: simTime.tMs,
    playing: clock.playing,
    warp: clock.warp,
    stageMs: stageTime.ms,
    position: root.camera.position.clone(),
    quaternion: root.camera.quaternion.clone(),
    up: root.camera.up.clone(),
    target: controlsTarget()?.clone() ?? null,
    focus: ui.focus,
    focusSatellite: ui.focusSatellite,
    shownPanels: ui.shownPanels,
    layers: useLayers.getState().visible,
    hiddenShells: useLayers.getState().hiddenShells,
    ramp: { ...timeRamp },
    tour: (({ tour, chapter, chapterStartedStageMs, autoplay }) => ({ tour, chapter, chapterStartedStageMs, autoplay }))(useTour.getState()),
    exploring: useBase.getState().exploring,
    exploreKeys: useBase.getState().exploreKeys,
    basePose: basePoseRequest.seq !== basePoseRequest.playedSeq ? basePoseRequest.pose : null,
    sitePose: siteView.pose,
    eye: { ...explorer },
  }
  useTour.setState({ autoplay: false })
  useBase.setState({ exploreKeys: false }) // a key during a take must not walk the eye
  controlsWere = setControlsEnabled(false) // a drag during a take must not move the camera
  stageHold.byRecording = true
  enterLockStep()
}

/** Whether the view is held by a recording. */
export function viewHeld(): boolean {
  return saved !== null
}

/**
 * Gives the view back exactly as holdView found it, and the frame loop back to real time. After a
 * tour (or any change of focus) the camera is put back through CameraRig's own move, instantly, to
 * the saved offset, so no tour flight is left running.
 */
export function releaseView(): void {
  const s = saved
  if (!s) return
  saved = null
  stageHold.byRecording = false
  const moved = useTour.getState().tour !== s.tour.tour || useUi.getState().focus !== s.focus || useUi.getState().focusSatellite !== s.focusSatellite
  if (useTour.getState().tour && !s.tour.tour) useTour.getState().stopTour()
  useTour.setState(s.tour)
  Object.assign(timeRamp, s.ramp)
  useLayers.setState({ visible: s.layers, hiddenShells: s.hiddenShells })
  const root = sceneRoot()
  if (root) {
    root.gl.setPixelRatio(root.viewport.dpr)
    root.gl.setSize(root.size.width, root.size.height, false)
    const cam = root.camera
    if (cam instanceof THREE.PerspectiveCamera) {
      cam.aspect = root.size.width / root.size.height
      cam.clearViewOffset()
      cam.updateProjectionMatrix()
    }
    cam.position.copy(s.position)
    cam.quaternion.copy(s.quaternion)
    cam.up.copy(s.up)
    const target = controlsTarget()
    if (target && s.target) target.copy(s.target)
  }
  stageTime.ms = s.stageMs
  // Explore mode as it was, with the eye where the user had it: entered again (a chapter left it),
  // it keeps that eye instead of standing beside the habitats (state/base explorerHold).
  Object.assign(explorer, s.eye)
  if (s.exploring && !useBase.getState().exploring) explorerHold.keepOnEntry = true
  useBase.setState({ exploring: s.exploring, exploreKeys: s.exploreKeys })
  // A pose a chapter asked for during the take is the take's, not played after it: a pose that was
  // still to come before the take is asked for again, else none is pending.
  if (s.basePose) requestBasePose(s.basePose)
  else basePoseRequest.pose = null
  siteView.pose = s.sitePose
  // Explore mode owns the controls while it is on (Explore.tsx: enabled = !exploring).
  setControlsEnabled(s.exploring ? false : controlsWere)
  // Always end the camera where it was, instantly: a move begun during the take (a chapter's flight)
  // would otherwise replay from its start, its start being later than the restored stage time.
  requestCameraMove({ focus: s.focus, pose: null, offset: [s.position.x, s.position.y, s.position.z], durationMs: 0, easing: 'linear' })
  if (moved) {
    useUi.setState({ focus: s.focus, focusSatellite: s.focusSatellite, shownPanels: s.shownPanels, focusRequest: useUi.getState().focusRequest + 1 })
  } else useUi.setState({ shownPanels: s.shownPanels })
  useClock.setState({ warp: s.warp })
  if (simTime.tMs !== s.tMs) useClock.getState().seek(s.tMs)
  useClock.setState({ playing: s.playing })
  size = { w: 0, h: 0, ratio: 1 }
  leaveLockStep()
}

/**
 * The pixel ratio a frame of height h is drawn at: 1 up to 1080 lines, above that the 1080p look
 * scaled up (points and lines as thick, relative to the frame, as in a 1080p take).
 */
export function ratioForHeight(h: number): number {
  return Math.max(1, h / 1080)
}

/** Draws at w×h pixels from now on (checked again before every frame: a window resize must not win). */
export function setRenderSize(w: number, h: number, ratio = ratioForHeight(h)): void {
  size = { w, h, ratio }
  applyRenderSize()
}

function applyRenderSize(): void {
  const root = sceneRoot()
  if (!root || size.w === 0) return
  const { gl, camera } = root
  const canvas = gl.domElement
  if (canvas.width !== size.w || canvas.height !== size.h || gl.getPixelRatio() !== size.ratio) {
    gl.setPixelRatio(size.ratio)
    gl.setSize(size.w / size.ratio, size.h / size.ratio, false)
    // setSize floors width × ratio: make the drawing buffer exactly the asked size.
    if (canvas.width !== size.w || canvas.height !== size.h) {
      canvas.width = size.w
      canvas.height = size.h
      gl.setViewport(0, 0, size.w / size.ratio, size.h / size.ratio)
    }
  }
  // A tiled still sets a view offset with the whole picture's aspect: leave that alone.
  if (camera instanceof THREE.PerspectiveCamera && !camera.view?.enabled && Math.abs(camera.aspect - size.w / size.h) > 1e-12) {
    camera.aspect = size.w / size.h
    camera.updateProjectionMatrix()
  }
}

/** The camera drawn with (a turntable take moves it before each frame). */
export function viewCamera(): THREE.Camera | null {
  return sceneRoot()?.camera ?? null
}

/** The canvas drawn on (valid right after drawFrame, until the task ends). */
export function viewCanvas(): HTMLCanvasElement | null {
  const c = sceneRoot()?.gl.domElement
  return c instanceof HTMLCanvasElement ? c : null
}

/** Draws one frame at the export size, dtS after the last (R3F's delta); false if the view is gone. */
export function drawFrame(dtS: number): boolean {
  applyRenderSize()
  // Explore mode turns the orbit controls back on when it is left (a tour chapter during the take):
  // a drag must not move the camera, so they are off again before every frame.
  if (saved) setControlsEnabled(false)
  return renderLockStepFrame(dtS)
}

/**
 * Steps sim time by exactly dtS of stage time as the real-time loop would (the clock's warp, or a
 * tour's time ramp evaluated at the new stage time); call before moving stageTime.ms on.
 */
export function stepClock(dtS: number): void {
  advanceClock(dtS)
}

/** Sets the sim instant for the next frame (continuous: no seek notice). */
export function setFrameTime(tMs: number): void {
  simTime.tMs = tMs
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * Waits until both workers have answered for exactly tMs (the constellation snapshot, and the
 * deep-space snapshot with its windows integrated up to tMs), asking them as their back-pressure
 * allows. Throws after timeoutMs or when aborted.
 */
export async function awaitWorkers(tMs: number, signal: AbortSignal | undefined, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const now = performance.now()
    // Forced: the take waits for exactly this instant, so the ~30/s rate limit would only cap the export's speed.
    pumpWorker(now, true)
    pumpDeepSpace(now, true)
    const sim = useSim.getState()
    const deep = useDeepSpace.getState()
    const simOk = sim.ready && sim.snapshot?.tMs === tMs
    const deepOk = deep.ready && deep.snapshot?.tMs === tMs && !deep.snapshot.catchingUp
    if (simOk && deepOk) return
    if (signal?.aborted) throw new DOMException('Export cancelled', 'AbortError')
    if (now > deadline) {
      const who = simOk ? 'deep-space' : 'simulation'
      throw new Error(`The ${who} worker did not answer for ${new Date(tMs).toISOString()} within ${Math.round(timeoutMs / 1000)} s.`)
    }
    await sleep(1)
  }
}

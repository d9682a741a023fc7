/**
 * The tour player: which tour and chapter are on, and what a chapter does when it starts (camera
 * move, sim time or time ramp, layers, panels). Moves and ramps run on stageTime.ms (CameraRig,
 * state/clock.ts), so a lock-step recorder gets the same take every time; autoplay moves on after
 * chapterDurationS of stage time, looping at the end (a booth).
 *
 * Contract (COMMON.md): startTour(id, chapter), stopTour(), goToChapter(i), chapterDurationS(tour, i).
 */
import { create } from 'zustand'
import { useBase } from '../../state/base'
import { requestBasePose, requestCameraMove, requestSiteView } from '../../state/camera'
import { startTimeRamp, stopTimeRamp, useClock } from '../../state/clock'
import { allLayersOn, type Layer, useLayers } from '../../state/layers'
import { stageTime } from '../../state/stageTime'
import { useUi } from '../../state/ui'
import { followSatellite } from '../follow'
import defaultTourJson from './default.json'
import { chapterDurationS, isTourId, parseTourJson, type Tour, type TourResult, validateTour } from './schema'

export { chapterDurationS }

/** The panels a chapter shows when it names none: the caption alone, nothing over the subject. */
const NO_PANELS: [] = []

interface TourState {
  tour: Tour | null
  chapter: number
  /** Stage time (ms) the current chapter started at (autoplay, the presenter view's timers). */
  chapterStartedStageMs: number
  /** Wall-clock ms when the tour started (the presenter view's elapsed time; not for motion). */
  startedAtWallMs: number
  autoplay: boolean
  /** Loads a tour by id ('default' is bundled; others from tours/<id>.json) and opens a chapter (0-based). */
  startTour(id: string, chapter?: number, instant?: boolean): Promise<boolean>
  /** Plays an already validated tour (a file loaded by hand, tests). */
  playTour(tour: Tour, chapter?: number, instant?: boolean): void
  stopTour(): void
  /** Opens chapter i (0-based, clamped); `instant` lands on its pose at once (a deep link). */
  goToChapter(i: number, instant?: boolean): void
  next(): void
  prev(): void
  setAutoplay(on: boolean): void
}

const bundled = validateTour(defaultTourJson)

/** The bundled default tour (it is validated at load like any other; a broken one is a build error in the unit test). */
export function defaultTour(): Tour | null {
  return bundled.ok ? bundled.tour : null
}

/** Fetches and validates tours/<id>.json (served from public/tours/). */
export async function loadTour(id: string): Promise<TourResult> {
  if (id === 'default') return bundled
  if (!isTourId(id)) return { ok: false, error: `tour "${id.slice(0, 40)}": ids are lower-case letters, digits and hyphens` }
  try {
    const r = await fetch(`${import.meta.env.BASE_URL}tours/${id}.json`)
    if (!r.ok) return { ok: false, error: `tour "${id}": tours/${id}.json not found (${r.status})` }
    return parseTourJson(await r.text())
  } catch (e) {
    return { ok: false, error: `tour "${id}": ${e instanceof Error ? e.message : String(e)}` }
  }
}

function applyChapter(tour: Tour, i: number, instant: boolean): void {
  const c = tour.chapters[i]
  const ui = useUi.getState()
  // Time first, so the camera's pose is measured from the Sun at the chapter's instant.
  const t = c.time
  stopTimeRamp()
  if (t?.ramp) {
    useClock.getState().seek(t.ramp.fromMs)
    startTimeRamp(t.ramp.fromMs, t.ramp.toMs, t.ramp.durationS * 1000, t.ramp.easing)
  } else if (t) {
    const clock = useClock.getState()
    clock.seek(t.at)
    clock.setWarp(t.warp)
    if (t.play) clock.play()
    else clock.pause()
  }
  if (c.layers) useLayers.getState().setLayers({ ...allLayersOn(), ...c.layers })
  useUi.setState({ shownPanels: c.panels ?? NO_PANELS, showHelp: false, showScenario: false })
  // Explore mode (an earlier shot's eye) is left by every chapter: at the base so the flight is
  // seen (BaseCamera enters it again on landing for an eye pose), elsewhere so the eye's frame
  // callback does not write over the chapter's camera, and the orbit controls' state is the tour's.
  if (useBase.getState().exploring) useBase.getState().setExploring(false)
  const cam = c.camera
  if (cam) {
    // At the base: the chapter's view in the site's frame, or the base's default view; a shot's
    // pose once there (none otherwise: a pose asked for by an earlier chapter is dropped).
    requestSiteView(cam.site ?? null)
    requestBasePose(cam.basePose ?? null)
    requestCameraMove({
      focus: cam.target,
      pose: { distanceKm: cam.distanceKm, azimuthDeg: cam.azimuthDeg, elevationDeg: cam.elevationDeg },
      offset: null,
      durationMs: instant ? 0 : cam.durationS * 1000,
      easing: cam.easing,
    })
    if (cam.target === 'satellite') followSatellite(cam.satellite ?? 0)
    else ui.setFocus(cam.target)
  }
}

/** Bumped by every start and stop: a tour file that finishes loading after either is dropped. */
let loadToken = 0
/** The user's layers before the tour, given back when it ends. */
let layersBefore: { visible: Record<Layer, boolean>; hiddenShells: readonly number[] } | null = null

export const useTour = create<TourState>()((set, get) => ({
  tour: null,
  chapter: 0,
  chapterStartedStageMs: 0,
  startedAtWallMs: 0,
  autoplay: false,
  startTour: async (id, chapter = 0, instant = false) => {
    const token = ++loadToken
    const r = await loadTour(id)
    if (token !== loadToken) return false // left, or another tour asked for, while this one loaded
    if (!r.ok) {
      useUi.getState().notify(`Tour not started: ${r.error}`, 'warn', 12000)
      return false
    }
    get().playTour(r.tour, chapter, instant)
    return true
  },
  playTour: (tour, chapter = 0, instant = false) => {
    if (!get().tour) {
      const l = useLayers.getState()
      layersBefore = { visible: l.visible, hiddenShells: l.hiddenShells }
    }
    set({ tour, startedAtWallMs: Date.now() })
    useBase.setState({ exploreKeys: false })
    get().goToChapter(chapter, instant)
  },
  stopTour: () => {
    loadToken++
    const { tour, chapter } = get()
    if (!tour) return
    stopTimeRamp()
    set({ tour: null, chapter: 0, autoplay: false })
    requestSiteView(null)
    // A shot's pose still to come belongs to the tour, and so does explore mode when the chapter's
    // eye shot put it on (every chapter leaves it on entry): the viewer gets the orbit view back.
    requestBasePose(null)
    if (tour.chapters[chapter]?.camera?.basePose?.mode === 'eye' && useBase.getState().exploring) useBase.getState().setExploring(false)
    useBase.setState({ exploreKeys: true })
    useUi.setState({ shownPanels: null })
    // The layers the user had before the tour, not every layer on.
    useLayers.setState(layersBefore ?? { visible: allLayersOn(), hiddenShells: [] })
    layersBefore = null
  },
  goToChapter: (i, instant = false) => {
    const tour = get().tour
    if (!tour) return
    const k = Math.min(tour.chapters.length - 1, Math.max(0, Math.trunc(Number.isFinite(i) ? i : 0)))
    set({ chapter: k, chapterStartedStageMs: stageTime.ms })
    applyChapter(tour, k, instant)
  },
  next: () => {
    const { tour, chapter, autoplay } = get()
    if (!tour) return
    // Autoplay loops for a booth; a presenter's clicker stops at the last chapter.
    if (chapter + 1 < tour.chapters.length) get().goToChapter(chapter + 1)
    else if (autoplay) get().goToChapter(0)
  },
  prev: () => {
    const { tour, chapter } = get()
    if (tour && chapter > 0) get().goToChapter(chapter - 1)
  },
  setAutoplay: (on) => set({ autoplay: on, chapterStartedStageMs: stageTime.ms }),
}))

/**
 * Autoplay's step at the current stage time, whatever `autoplay` says: moves to the next chapter
 * (the first after the last) when the chapter's time is up. True when it moved. The recorder calls
 * it once per frame during a 'follow' take of an autoplaying tour (stage time then runs by exactly
 * 1/fps a frame), since the take holds `autoplay` off so the live overlay loop cannot step it.
 */
export function autoplayStep(): boolean {
  const s = useTour.getState()
  if (!s.tour) return false
  if (stageTime.ms - s.chapterStartedStageMs < chapterDurationS(s.tour, s.chapter) * 1000) return false
  s.goToChapter(s.chapter + 1 < s.tour.chapters.length ? s.chapter + 1 : 0)
  return true
}

/** Called once per frame (the overlay loop): autoplay moves on when the chapter's time is up. */
export function tourFrame(): void {
  const s = useTour.getState()
  if (!s.autoplay || !s.tour) return
  autoplayStep()
}

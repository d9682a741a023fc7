/**
 * Keeps the address bar in step with the view without flooding history or the frame: while time
 * runs the link is rewritten at most once every PLAYING_INTERVAL_MS (a replaceState costs the
 * main thread 0.4–3.6 ms/frame averaged at once a second, by trace under SwiftShader:
 * bench/overlayTrace.mjs);
 * while paused (only the camera can move) at most once every PAUSED_INTERVAL_MS, and only when
 * the link changed. It is written at once on discrete changes (warp, play, pause, seek, focus,
 * layers, tour chapter, UI scale) and whenever the user may be about to copy or leave it: the
 * window losing focus (a click in the address bar), the page hidden, pagehide. Checked from the
 * overlay frame loop, no timer of its own. currentLink() is the whole view as a URL at this
 * instant (the "Copy link" button), whatever was last written.
 */
import { cameraView } from '../state/camera'
import { simTime, useClock } from '../state/clock'
import { useLayers } from '../state/layers'
import { useUi } from '../state/ui'
import { formatDeepLink } from './deepLink'
import { useTour } from './tour/useTour'

/** Least wall time between two address-bar writes while time runs. */
export const PLAYING_INTERVAL_MS = 10_000
/** Least wall time between two checks of the link while paused (the camera may move). */
export const PAUSED_INTERVAL_MS = 1000

let last = ''
let lastWriteAt = -Infinity

/** The view's query string now. */
export function currentQuery(): string {
  const c = useClock.getState()
  const u = useUi.getState()
  const t = useTour.getState()
  return formatDeepLink(location.search, {
    tMs: simTime.tMs,
    warp: c.warp,
    playing: c.playing,
    focus: u.focus,
    follow: u.focusSatellite,
    cam: cameraView.ready ? [cameraView.x, cameraView.y, cameraView.z] : null,
    layers: useLayers.getState().visible,
    tour: t.tour?.id ?? null,
    chapter: t.chapter,
    uiScale: u.uiScale,
  })
}

/** The whole view as an absolute URL. */
export function currentLink(): string {
  return `${location.origin}${location.pathname}${currentQuery()}${location.hash}`
}

function write(force: boolean) {
  // Wall time only throttles address-bar writes; nothing on screen moves by it.
  const now = performance.now()
  if (!force && now - lastWriteAt < (useClock.getState().playing ? PLAYING_INTERVAL_MS : PAUSED_INTERVAL_MS)) return
  lastWriteAt = now
  const next = currentQuery()
  if (next === last) return
  last = next
  history.replaceState(history.state, '', next + location.hash)
}

const writeNow = () => write(true)
const onVisibility = () => {
  if (document.visibilityState === 'hidden') write(true)
}

/**
 * Starts the sync. onFrame registers a per-frame callback and returns its unregister function
 * (the app passes the overlay loop's onOverlayFrame).
 */
export function startUrlSync(onFrame: (cb: () => void) => () => void): () => void {
  last = ''
  lastWriteAt = -Infinity
  const stopFrame = onFrame(() => write(false))
  const u1 = useClock.subscribe((s, p) => {
    if (s.warp !== p.warp || s.seekCount !== p.seekCount || s.playing !== p.playing) write(true)
  })
  const u2 = useUi.subscribe((s, p) => {
    if (s.focus !== p.focus || s.uiScale !== p.uiScale || s.focusSatellite !== p.focusSatellite) write(true)
  })
  const u3 = useLayers.subscribe(() => write(true))
  const u4 = useTour.subscribe((s, p) => {
    if (s.tour !== p.tour || s.chapter !== p.chapter) write(true)
  })
  window.addEventListener('blur', writeNow)
  window.addEventListener('pagehide', writeNow)
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    stopFrame()
    u1()
    u2()
    u3()
    u4()
    window.removeEventListener('blur', writeNow)
    window.removeEventListener('pagehide', writeNow)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}

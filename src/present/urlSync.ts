/**
 * Keeps the address bar in step with the view without flooding history: at most one
 * replaceState per second while time runs or the camera moves (checked from the overlay frame
 * loop, no timer of its own), and at once on discrete changes (warp, play, seek, focus, layers,
 * tour chapter, UI scale). currentLink() is the whole view as a URL (the "Copy link" button).
 */
import { cameraView } from '../state/camera'
import { simTime, useClock } from '../state/clock'
import { useLayers } from '../state/layers'
import { useUi } from '../state/ui'
import { formatDeepLink } from './deepLink'
import { useTour } from './tour/useTour'

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
  if (!force && now - lastWriteAt < 1000) return
  lastWriteAt = now
  const next = currentQuery()
  if (next === last) return
  last = next
  history.replaceState(history.state, '', next + location.hash)
}

/**
 * Starts the sync. onFrame registers a per-frame callback and returns its unregister function
 * (the app passes the overlay loop's onOverlayFrame).
 */
export function startUrlSync(onFrame: (cb: () => void) => () => void): () => void {
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
  return () => {
    stopFrame()
    u1()
    u2()
    u3()
    u4()
  }
}

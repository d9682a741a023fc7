/**
 * The one overlay loop. Every per-frame DOM write of the overlay (HUD text, metric values,
 * gauges, the time bar) registers here and is called from R3F's global after-effect, i.e. after
 * the scene drew, all with the same frame's sim time (simTime.tMs as advanced by FrameDriver).
 * Pattern: pmndrs racing-game `ui/Speed/Text.tsx` (addEffect/addAfterEffect writing textContent
 * outside React).
 *
 * Two rates. Motion (the time bar's thumb, a chart's cursor, the scale bar) runs every frame
 * (useOverlayFrame). Panel text runs on text frames only (useOverlayText): at most one every
 * TEXT_INTERVAL_MS of stage time, shared by every panel, so all text changes of that quarter
 * second land on the same frame (and on the frame the clock's shown unit ticks). Each frame that carries a DOM change pays the browser's style,
 * layout, paint and commit once; at 60 fps with snapshots at up to 30 a second the HUD alone
 * changed on every other frame.
 *
 * Callbacks must write the DOM only when the text changed (see setText) and must not set
 * React state or allocate per frame.
 */
import { addAfterEffect } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'
import { simTime, useClock } from '../state/clock'
import { stageTime } from '../state/stageTime'
import { useUi } from '../state/ui'
import { clockUnitS } from './format'

type OverlayCallback = (tMs: number) => void
interface Entry {
  readonly cb: OverlayCallback
  /** Runs on text frames only. */
  readonly text: boolean
  /** Not run yet: a text callback's first run is on its first frame (a panel fills when it mounts). */
  fresh: boolean
}

/** Least stage time between two text frames: panel text changes at most 4 times a second. */
export const TEXT_INTERVAL_MS = 250

/** Replaced, never mutated, on (un)registration: the frame loop walks it without an iterator or a copy (an entry's `fresh` flag alone changes). */
let entries: readonly Entry[] = []
let unsubscribe: (() => void) | null = null
let lastTextMs = Number.NEGATIVE_INFINITY
/** The clock's discrete state at the last text frame: a change of it makes the next frame one. */
const lastClock = { seekCount: -1, playing: false, warp: 0, tick: Number.NaN, focus: '' }

/**
 * Whether the frame now running is a text frame: TEXT_INTERVAL_MS of stage time since the last
 * one, stage time went back (a new take), the clock was sought, paused, played or its warp
 * changed, the focus moved (a panel's content changes with it), or the HUD clock's shown unit
 * ticked (clockUnitS: at most 4 times a second), so the clock's seconds change on their own frame,
 * evenly, and the other panels' text rides on the same frame. Stage time, not wall time: a
 * lock-step recording gets its text at 4 Hz of the video's time.
 */
function takeTextFrame(): boolean {
  const now = stageTime.ms
  const c = useClock.getState()
  const focus = useUi.getState().focus
  const tick = Math.floor(simTime.tMs / (clockUnitS(c.warp, c.playing) * 1000))
  if (
    now - lastTextMs < TEXT_INTERVAL_MS &&
    now >= lastTextMs &&
    tick === lastClock.tick &&
    c.seekCount === lastClock.seekCount &&
    c.playing === lastClock.playing &&
    c.warp === lastClock.warp &&
    focus === lastClock.focus
  )
    return false
  lastTextMs = now
  lastClock.seekCount = c.seekCount
  lastClock.playing = c.playing
  lastClock.warp = c.warp
  lastClock.tick = tick
  lastClock.focus = focus
  return true
}

/** Calls every registered callback due this frame (text ones on text frames) with this frame's sim time. Exported for tests. */
export function runOverlayFrame(): void {
  const tMs = simTime.tMs
  const text = takeTextFrame()
  const list = entries
  for (let i = 0; i < list.length; i++) {
    const e = list[i]
    if (e.text && !text && !e.fresh) continue
    e.fresh = false
    const cb = e.cb
    try {
      cb(tMs)
    } catch (err) {
      // One failing writer must not stop the others: it is unregistered (so it cannot throw
      // every frame) and reported; useOverlayFrame rethrows it into its panel's boundary.
      remove(cb)
      console.error('overlay frame callback failed', err)
    }
  }
}

/**
 * Registers cb for every rendered frame outside React (notices, the address bar), or with
 * `text` for text frames only; returns the unregister function. A callback that throws is
 * unregistered and logged.
 */
export function onOverlayFrame(cb: OverlayCallback, text = false): () => void {
  entries = [...entries, { cb, text, fresh: true }]
  if (!unsubscribe) unsubscribe = addAfterEffect(runOverlayFrame)
  return () => remove(cb)
}

function remove(cb: OverlayCallback): void {
  if (!entries.some((e) => e.cb === cb)) return
  entries = entries.filter((e) => e.cb !== cb)
  if (entries.length === 0 && unsubscribe) {
    unsubscribe()
    unsubscribe = null
  }
}

/** Number of registered callbacks (tests and the bench read it). */
export function overlayCallbackCount(): number {
  return entries.length
}

/**
 * Runs cb once per rendered frame, after the scene drew, with the frame's sim time (UTC ms): for
 * what moves. The latest cb is used without re-registering, so an inline closure is fine. If cb
 * throws, the error is rethrown during the component's next render, so the nearest error
 * boundary (the panel's) turns it into a notice instead of the loop failing silently.
 */
export function useOverlayFrame(cb: OverlayCallback, text = false): void {
  const ref = useRef(cb)
  ref.current = cb
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  if (failure) throw failure.error
  useEffect(
    () =>
      onOverlayFrame((tMs) => {
        try {
          ref.current(tMs)
        } catch (error) {
          setFailure({ error })
          throw error
        }
      }, text),
    [text],
  )
}

/**
 * As useOverlayFrame, on text frames only (at most one every TEXT_INTERVAL_MS of stage time,
 * the same frame for every panel): for panel text and figures, which nobody reads faster.
 */
export function useOverlayText(cb: OverlayCallback): void {
  useOverlayFrame(cb, true)
}

/** The part of a DOM node setText reads: an element's only child, when it is a text node, is changed in place. */
interface TextTarget {
  textContent: string | null
  firstChild?: { nodeType: number; nodeValue: string | null; nextSibling: unknown } | null
}

/**
 * Writes text into an element only when it differs from what is there (no layout otherwise).
 * When the element holds one text node, that node's value is changed in place: assigning
 * textContent replaces the node, and the browser then builds a new layout object for it (a style
 * and layout-tree update every write); an in-place change only reshapes the text.
 */
export function setText(el: TextTarget | null | undefined, text: string): void {
  if (!el) return
  const t = el.firstChild
  if (t && t.nodeType === 3 && t.nextSibling === null) {
    if (t.nodeValue !== text) t.nodeValue = text
  } else if (el.textContent !== text) el.textContent = text
}

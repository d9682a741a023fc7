/**
 * The one overlay loop. Every per-frame DOM write of the overlay (HUD text, metric values,
 * gauges, the time bar) registers here and is called once per rendered frame from R3F's
 * global after-effect, i.e. after the scene drew, all with the same frame's sim time
 * (simTime.tMs as advanced by FrameDriver). Pattern: pmndrs racing-game `ui/Speed/Text.tsx`
 * (addEffect/addAfterEffect writing textContent outside React).
 *
 * Callbacks must write the DOM only when the text changed (see setText) and must not set
 * React state or allocate per frame.
 */
import { addAfterEffect } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'
import { simTime } from '../state/clock'

type OverlayCallback = (tMs: number) => void

/** Replaced, never mutated, on (un)registration: the frame loop walks it without an iterator or a copy. */
let callbacks: readonly OverlayCallback[] = []
let unsubscribe: (() => void) | null = null

/** Calls every registered callback with this frame's sim time. Exported for tests. */
export function runOverlayFrame(): void {
  const tMs = simTime.tMs
  const list = callbacks
  for (let i = 0; i < list.length; i++) {
    const cb = list[i]
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
 * Registers cb for every rendered frame outside React (notices, the address bar); returns the
 * unregister function. A callback that throws is unregistered and logged.
 */
export function onOverlayFrame(cb: OverlayCallback): () => void {
  callbacks = [...callbacks, cb]
  if (!unsubscribe) unsubscribe = addAfterEffect(runOverlayFrame)
  return () => remove(cb)
}

function remove(cb: OverlayCallback): void {
  if (!callbacks.includes(cb)) return
  callbacks = callbacks.filter((x) => x !== cb)
  if (callbacks.length === 0 && unsubscribe) {
    unsubscribe()
    unsubscribe = null
  }
}

/** Number of registered callbacks (tests and the bench read it). */
export function overlayCallbackCount(): number {
  return callbacks.length
}

/**
 * Runs cb once per rendered frame, after the scene drew, with the frame's sim time (UTC ms).
 * The latest cb is used without re-registering, so an inline closure is fine. If cb throws, the
 * error is rethrown during the component's next render, so the nearest error boundary (the
 * panel's) turns it into a notice instead of the loop failing silently.
 */
export function useOverlayFrame(cb: OverlayCallback): void {
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
      }),
    [],
  )
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

import * as THREE from 'three'

/**
 * What a take repeats, as pure functions (no GL, no DOM), so two takes of the same plan give the
 * same frames and the rules can be unit-tested:
 *   (the running take's elapsed stage time, for effects that would otherwise read absolute stage
 *   time, is state/stageTime.ts's `take` and `takeStageS`: the scene reads it);
 *   - the clock warp a take sets (a range's own warp: the scene reads the warp for the sled's
 *     visibility and flash and a launch glow's length);
 *   - a turntable camera path (an orbit about the focused body's up axis, a function of frame time);
 *   - a burned-in caption broken into at most two lines that fit the frame.
 */

/** The range or follow parts of an export plan a take's clock depends on. */
export interface TakeTime {
  time: 'range' | 'follow'
  warp: number
  tour?: unknown
}

/**
 * The clock warp a take runs at: a range's own warp (sim seconds per video second), so whatever the
 * scene draws from the warp matches the video; null leaves the clock's warp alone (the view as it
 * plays, a tour: they run the clock as it runs live).
 */
export function takeWarp(plan: TakeTime): number | null {
  return plan.time === 'range' && !plan.tour && Number.isFinite(plan.warp) && plan.warp !== 0 ? plan.warp : null
}

/** A camera path for a range take: 'current' holds the camera; 'turntable' orbits the focus by `degrees` over the take. */
export type TakeCamera = { kind: 'current' } | { kind: 'turntable'; degrees: number }

export const DEFAULT_TURNTABLE_DEG = 360

/** Parses "current", "turntable" or "turntable:DEG" (DEG a non-zero number, at most ±3600); null when malformed. */
export function parseTakeCamera(s: string): TakeCamera | null {
  if (s === 'current') return { kind: 'current' }
  const m = /^turntable(?::(-?\d+(?:\.\d+)?))?$/.exec(s)
  if (!m) return null
  const degrees = m[1] === undefined ? DEFAULT_TURNTABLE_DEG : Number(m[1])
  if (!(degrees !== 0 && Math.abs(degrees) <= 3600)) return null
  return { kind: 'turntable', degrees }
}

/**
 * The turntable's turn (radians, about the focus's up axis) at frame k of n: linear from 0 at the
 * first frame to the whole angle at the end of the last frame's interval, so a 360° take loops.
 */
export function turntableAngle(degrees: number, k: number, frames: number): number {
  return frames > 0 ? ((degrees * Math.PI) / 180) * (k / frames) : 0
}

const _axis = new THREE.Vector3()

/**
 * The turntable camera's position at frame k of n: the first frame's offset from the focus (the
 * origin) turned about the focus's up axis; written into out.
 */
export function turntablePosition(from: THREE.Vector3, up: THREE.Vector3, degrees: number, k: number, frames: number, out: THREE.Vector3): THREE.Vector3 {
  return out.copy(from).applyAxisAngle(_axis.copy(up).normalize(), turntableAngle(degrees, k, frames))
}

/** The caption's font size in px for a frame h px high (the largest; smaller if two lines cannot hold it). */
export const captionPx = (h: number) => Math.round(h / 24)

export interface CaptionLayout {
  lines: string[]
  px: number
}

/**
 * Breaks a caption into at most two lines no wider than maxWidth, measured at each size by
 * `measure(text, px)`; shrinks the font (down to half size) until they fit. Words longer than a line
 * stay whole (the last resort is the smallest size). Balanced: the break nearest the middle that fits.
 */
export function layoutCaption(text: string, maxWidth: number, px: number, measure: (s: string, px: number) => number): CaptionLayout {
  const t = text.replace(/\s+/g, ' ').trim()
  const words = t.split(' ')
  const minPx = Math.max(1, Math.round(px / 2))
  let best: CaptionLayout = { lines: [t], px: minPx }
  for (let size = px; size >= minPx; size = size - Math.max(1, Math.round(size / 20))) {
    if (measure(t, size) <= maxWidth) return { lines: [t], px: size }
    let pick: string[] | null = null
    let pickW = Number.POSITIVE_INFINITY
    for (let i = 1; i < words.length; i++) {
      const a = words.slice(0, i).join(' ')
      const b = words.slice(i).join(' ')
      const w = Math.max(measure(a, size), measure(b, size))
      if (w <= maxWidth && w < pickW) {
        pick = [a, b]
        pickW = w
      }
    }
    if (pick) return { lines: pick, px: size }
    if (size === minPx) break
  }
  // Nothing fits even at the smallest size: the most even two-line split there.
  if (words.length > 1) {
    let i0 = 1
    let w0 = Number.POSITIVE_INFINITY
    for (let i = 1; i < words.length; i++) {
      const w = Math.max(measure(words.slice(0, i).join(' '), minPx), measure(words.slice(i).join(' '), minPx))
      if (w < w0) {
        w0 = w
        i0 = i
      }
    }
    best = { lines: [words.slice(0, i0).join(' '), words.slice(i0).join(' ')], px: minPx }
  }
  return best
}

/** What stableCaptionLayout keeps between frames: the caption's shape (digits as 0), where it broke and its size. */
export interface CaptionMemo {
  key: string
  firstLineWords: number
  px: number
}

/**
 * layoutCaption, held steady across a take: a caption whose live figures change from frame to
 * frame (a tour's {satellites}) keeps the break and the size of its first frame while only its
 * digits change (the shape, digits as 0, is the same), so no word hops between lines and the type
 * never pulses. Laid out again when the words or the frame change.
 */
export function stableCaptionLayout(text: string, maxWidth: number, px: number, measure: (s: string, px: number) => number, memo: CaptionMemo): CaptionLayout {
  const t = text.replace(/\s+/g, ' ').trim()
  const key = `${maxWidth}|${px}|${t.replace(/\d/g, '0')}`
  if (memo.key === key) {
    const words = t.split(' ')
    const n = memo.firstLineWords
    return { lines: n >= words.length ? [t] : [words.slice(0, n).join(' '), words.slice(n).join(' ')], px: memo.px }
  }
  const l = layoutCaption(t, maxWidth, px, measure)
  memo.key = key
  memo.firstLineWords = l.lines[0] ? l.lines[0].split(' ').length : 0
  memo.px = l.px
  return l
}

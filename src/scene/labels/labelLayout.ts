/**
 * A small label-layout helper shared by the scene's labels (the base's points of interest and the
 * deep-space planets and markers, DOM tags; the Moon-base marker's label, a WebGL sprite): labels
 * never sit under the overlay's panels and never on top of each other. Each frame a label set
 * projects its anchors, then `resolveLabels` keeps, greedily by priority, the labels whose box is on
 * screen, clear of every panel and of every label kept before it (a label that gives `altX` tries
 * the other side of its marker first); the rest are hidden for that frame.
 *
 * Across sets: a set publishes the boxes it kept (`publishKept`), and a set laid out after it treats
 * them as obstacles (`withKeptLabels`), a frame late at most. Only one way (the Moon-base label yields
 * to the deep-space labels, which do not read it), so two sets never hide each other in turn.
 *
 * The panels' rectangles are read from the DOM at most every OBSTACLE_REFRESH_MS of wall-clock-free
 * stage time (or when asked; panels rarely move), so per frame the cost is a few dozen rectangle tests, no layout reads.
 */

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface PlacedLabel extends Rect {
  /** Lower is placed first (wins a collision). */
  priority: number
  /** In: the label wants to show (anchor in front of the camera, not occluded). Out: it shows. */
  show: boolean
  /**
   * In: another left edge to try when the label does not fit at x (the other side of its marker).
   * Out: `flipped` says the label shows there (x is then altX).
   */
  altX?: number
  flipped?: boolean
}

export const overlaps = (a: Rect, b: Rect, margin = 0): boolean =>
  a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin

const _order: PlacedLabel[] = []

/** Whether l fits in the viewport, clear of the obstacles and of the first n labels placed. */
function fits(l: PlacedLabel, obstacles: readonly Rect[], viewport: Rect, margin: number, n: number): boolean {
  if (!(l.x >= viewport.x && l.y >= viewport.y && l.x + l.w <= viewport.x + viewport.w && l.y + l.h <= viewport.y + viewport.h)) return false
  for (let k = 0; k < obstacles.length; k++) if (overlaps(l, obstacles[k], margin)) return false
  for (let k = 0; k < n; k++) if (overlaps(l, _order[k], margin)) return false
  return true
}

/**
 * Hides (show = false) every label that is off the viewport, under an obstacle, or overlapping a
 * label of lower priority number kept before it. Allocation-free (a module-scope order array).
 */
export function resolveLabels(labels: readonly PlacedLabel[], obstacles: readonly Rect[], viewport: Rect, margin = 4): void {
  _order.length = 0
  for (const l of labels) if (l.show) _order.push(l)
  _order.sort((a, b) => a.priority - b.priority)
  const kept = _order.length
  let n = 0
  for (let i = 0; i < kept; i++) {
    const l = _order[i]
    l.flipped = false
    let ok = fits(l, obstacles, viewport, margin, n)
    if (!ok && l.altX !== undefined) {
      const x = l.x
      l.x = l.altX
      ok = fits(l, obstacles, viewport, margin, n)
      if (ok) l.flipped = true
      else l.x = x
    }
    l.show = ok
    if (ok) {
      // Keep the placed ones at the front of the order array (they are what later labels test against).
      _order[i] = _order[n]
      _order[n++] = l
    }
  }
  _order.length = 0
}

/** Overlay elements labels must not cover (the panels, the focus bar, the corner buttons, captions). */
export const OBSTACLE_SELECTOR = '.overlay .panel, .overlay .corner-buttons, .overlay .focus-menu, .overlay [data-label-obstacle]'
const OBSTACLE_REFRESH_MS = 2000

const cache = { atMs: Number.NEGATIVE_INFINITY, rects: [] as Rect[] }

/** The visible overlay panels' rectangles (client px), re-read at most every 2 s of `nowMs`. */
export function overlayObstacles(nowMs: number, force = false): readonly Rect[] {
  if (!force && nowMs - cache.atMs < OBSTACLE_REFRESH_MS && nowMs >= cache.atMs) return cache.rects
  cache.atMs = nowMs
  cache.rects.length = 0
  if (typeof document === 'undefined') return cache.rects
  for (const el of document.querySelectorAll(OBSTACLE_SELECTOR)) {
    const r = el.getBoundingClientRect()
    if (r.width > 0 && r.height > 0) cache.rects.push({ x: r.left, y: r.top, w: r.width, h: r.height })
  }
  return cache.rects
}

/** Per label set, the boxes it kept in its latest layout (pooled: no allocation once sized). */
const published = new Map<string, { n: number; rects: Rect[] }>()

/** Records the labels of `set` that show after its resolveLabels, for the sets laid out after it. */
export function publishKept(set: string, labels: readonly PlacedLabel[]): void {
  let p = published.get(set)
  if (!p) {
    p = { n: 0, rects: [] }
    published.set(set, p)
  }
  p.n = 0
  for (const l of labels) {
    if (!l.show) continue
    const r = p.rects[p.n] ?? (p.rects[p.n] = { x: 0, y: 0, w: 0, h: 0 })
    r.x = l.x
    r.y = l.y
    r.w = l.w
    r.h = l.h
    p.n++
  }
}

/**
 * `base` (the panels) followed by the boxes every other set published (all sets but `self`), in
 * `out`, which is returned (reused by the caller each frame).
 */
export function withKeptLabels(base: readonly Rect[], self: string, out: Rect[]): Rect[] {
  out.length = 0
  for (const r of base) out.push(r)
  for (const [set, p] of published) {
    if (set === self) continue
    for (let i = 0; i < p.n; i++) out.push(p.rects[i])
  }
  return out
}

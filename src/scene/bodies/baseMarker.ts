/**
 * What the Moon Base Alpha marker on the Moon says and how big it is drawn, from the base's layout
 * (state/base.ts, the worker's one source: each structure's build time), as the base caption reads
 * it (src/ui/BaseCaption.tsx): before the first cargo landing the base is not built and the marker
 * marks the site (a dim dashed ring, "Moon Base Alpha site (first landing YYYY-MM-DD)"); until
 * the first habitat stands it is under construction; after, the ring grows in size and brightness
 * with the share of the plan's structure slots standing (independent of the scenario's horizon). Sizes are CSS px (bounded), scaled to device
 * px by the caller with renderScale (src/scene/frame/renderScale.ts). Pure, so it is unit-tested.
 */
import { STRUCTURE_KINDS } from '../../sim/base/growth'
import { isoDay } from '../../sim/time'
import { firstHabitatMs, firstLandingMs, standingCount, type BaseLayoutData } from '../../sim/base/snapshot'

export type BasePhase = 'site' | 'construction' | 'built'

export interface BaseMarkerState {
  phase: BasePhase
  /** The label's text; it changes only between phases (the label is a texture). */
  label: string
  /** Standing structures / the plan's slots for them, 0–1 (0 before the first landing). */
  growth: number
}

/** The site's label for the last layout seen: built once per layout, not per frame. */
const siteLabel = { layout: null as BaseLayoutData | null, text: '' }
function siteLabelFor(layout: BaseLayoutData): string {
  if (siteLabel.layout !== layout) {
    const first = firstLandingMs(layout)
    siteLabel.layout = layout
    siteLabel.text = Number.isFinite(first) ? `Moon Base Alpha site (first landing ${isoDay(first)})` : 'Moon Base Alpha site (not built in this scenario)'
  }
  return siteLabel.text
}

/**
 * The marker's phase, label and growth at tMs, written into out (the frame loop allocates nothing);
 * a null layout (not yet sent by the worker) reads as the site.
 */
export function baseMarkerState(layout: BaseLayoutData | null, tMs: number, out: BaseMarkerState = { phase: 'site', label: '', growth: 0 }): BaseMarkerState {
  out.growth = 0
  out.phase = 'site'
  if (!layout) {
    out.label = 'Moon Base Alpha site'
    return out
  }
  if (!(tMs >= firstLandingMs(layout))) {
    out.label = siteLabelFor(layout)
    return out
  }
  // The share of the plan's slots (what the scene can draw; not the horizon's count) standing.
  let n = 0,
    standing = 0
  for (const kind of STRUCTURE_KINDS) {
    n += Math.max(layout.kinds[kind].capacity, layout.kinds[kind].count)
    standing += standingCount(layout.kinds[kind], tMs)
  }
  out.growth = n > 0 ? Math.min(1, standing / n) : 0
  if (!(tMs >= firstHabitatMs(layout))) {
    out.phase = 'construction'
    out.label = 'Moon Base Alpha (under construction)'
  } else {
    out.phase = 'built'
    out.label = 'Moon Base Alpha'
  }
  return out
}

/** The ring's diameter before the base's own growth: ~7% of the Moon's disc, 12–56 CSS px. */
export const ringBaseCss = (discPx: number): number => Math.min(56, Math.max(12, discPx * 0.07))
/** Largest ring, CSS px (56 × 1.3): a full-grown base never covers more than this. */
export const RING_MAX_CSS = 72.8

export interface RingLook {
  /** Diameter, CSS px. */
  sizeCss: number
  /** Peak opacity (before the limb fade). */
  opacity: number
  /** Dashed (the site, before the first landing) or solid. */
  dashed: boolean
}

/**
 * The ring for a Moon disc of discPx CSS px: the site is a dim dashed ring at 0.8 of the base size;
 * the base grows from 0.8 to 1.3 of it and from 0.7 to full brightness with √growth (the first
 * structures show).
 */
export function ringLook(discPx: number, s: Pick<BaseMarkerState, 'phase' | 'growth'>, out: RingLook): RingLook {
  const base = ringBaseCss(discPx)
  if (s.phase === 'site') {
    out.sizeCss = base * 0.8
    out.opacity = 0.55
    out.dashed = true
    return out
  }
  const g = Math.sqrt(Math.min(1, Math.max(0, s.growth)))
  out.sizeCss = base * (0.8 + 0.5 * g)
  out.opacity = 0.7 + 0.3 * g
  out.dashed = false
  return out
}

/** Gap between the ring's edge and the label, CSS px. */
export const LABEL_GAP_PX = 4

/**
 * The label's box in CSS px (for the label layout): to the right of the ring at the anchor (ax, ay),
 * vertically centred on it.
 */
export function labelBox(ax: number, ay: number, ringCss: number, wCss: number, hCss: number, out: { x: number; y: number; w: number; h: number }) {
  out.x = ax + ringCss / 2 + LABEL_GAP_PX
  out.y = ay - hCss / 2
  out.w = wCss
  out.h = hCss
  return out
}

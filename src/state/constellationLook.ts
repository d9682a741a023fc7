/**
 * How the constellation is drawn: colour by shell or by launch year, and the user's point size and
 * brightness factors (the legend's controls). Discrete state; the renderer reads it each frame.
 * The adaptive part (smaller, fainter points when many cover the screen) is `adaptivePoints` below,
 * a pure function so it can be unit-tested.
 */
import { create } from 'zustand'
import { MS_PER_DAY } from '../sim/constants'

export const COLOR_MODES = ['shell', 'year'] as const
export type ColorMode = (typeof COLOR_MODES)[number]

interface LookState {
  colorBy: ColorMode
  /** Multiplies the adaptive point size (0.5–2.5). */
  sizeScale: number
  /** Multiplies the adaptive point brightness (0.25–3). */
  brightness: number
  /** The launch years the year ramp spans now (the legend's ends); the renderer sets it (yearRamp). */
  yearSpan: { fromYear: number; toYear: number } | null
  setColorBy(mode: ColorMode): void
  setSizeScale(x: number): void
  setBrightness(x: number): void
  setYearSpan(fromYear: number, toYear: number): void
}

export const SIZE_RANGE: [number, number] = [0.5, 2.5]
export const BRIGHTNESS_RANGE: [number, number] = [0.25, 3]
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

export const useConstellationLook = create<LookState>()((set, get) => ({
  colorBy: 'shell',
  sizeScale: 1,
  brightness: 1,
  yearSpan: null,
  setColorBy: (colorBy) => set({ colorBy }),
  setSizeScale: (x) => set({ sizeScale: clamp(x, ...SIZE_RANGE) }),
  setBrightness: (x) => set({ brightness: clamp(x, ...BRIGHTNESS_RANGE) }),
  setYearSpan: (fromYear, toYear) => {
    const s = get().yearSpan
    if (!s || s.fromYear !== fromYear || s.toYear !== toYear) set({ yearSpan: { fromYear, toYear } })
  },
}))

/**
 * Shell colours: calm, distinguishable on black and over the Earth, in an order that stays
 * distinguishable for the common colour-vision deficiencies (Okabe–Ito hues, desaturated).
 */
export const SHELL_COLORS = ['#e8b877', '#7db7e0', '#e0d68a', '#c796bd', '#6cc7ab', '#e39a80', '#a79ddf', '#d4d4d4']

/** Launch-year ramp (oldest → newest), calm and monotonic in lightness: deep blue, teal, sand, coral. */
export const YEAR_RAMP = ['#4f6fb0', '#4fa3a8', '#9cc48a', '#e3c27a', '#e88f72']

/** The year ramp in force: whole launch years, and the shader's mapping of a deploy day onto 0…1. */
export interface YearRamp {
  fromYear: number
  toYear: number
  /** Deploy day (days since epochMs) at the ramp's start (1 January of fromYear). */
  x: number
  /** 1 / the ramp's length in days (1 January of fromYear to 1 January after toYear). */
  y: number
}

/**
 * The launch-year ramp for the satellites drawn now: from 1 January of the oldest one's launch
 * year to the end of the newest one's (at least one year), so the ramp's colours spread over what
 * is in orbit: the first launch's year while the first fill is up, the oldest survivor's once
 * satellites retire (5-year life: about 2040 to 2045 in 2045), and the current year at the newest
 * end. (Spanning every satellite the renderer holds, up to a month ahead, or the whole horizon,
 * crowded what is in orbit into one end of the ramp.) Whole years, so a satellite's colour holds
 * for a year at a time and the legend's ends name exact years. Times are UTC ms; the deploy days in
 * the elements are days since epochMs. Writes and returns `out`.
 */
export function yearRamp(oldestDeployMs: number, newestDeployMs: number, epochMs: number, out: YearRamp): YearRamp {
  const fromYear = new Date(oldestDeployMs).getUTCFullYear()
  const toYear = Math.max(fromYear, new Date(newestDeployMs).getUTCFullYear())
  const start = Date.UTC(fromYear, 0, 1)
  out.fromYear = fromYear
  out.toYear = toYear
  out.x = (start - epochMs) / MS_PER_DAY
  out.y = MS_PER_DAY / (Date.UTC(toYear + 1, 0, 1) - start)
  return out
}

/** Where a satellite deployed at deployMs falls on the ramp, 0…1 (the vertex shader's mapping). */
export function yearRampPosition(ramp: YearRamp, deployMs: number, epochMs: number): number {
  const day = (deployMs - epochMs) / MS_PER_DAY
  return Math.min(1, Math.max(0, (day - ramp.x) * ramp.y))
}

/** Largest and smallest point, CSS px (times the pixel ratio on the device). */
const SIZE_MAX = 2.4
const SIZE_MIN = 1.1
/** Mean light a pixel of the shell may gather from overlapping points (0–1): the Earth shows through. */
const TARGET_COVER = 0.4
const ALPHA_MAX = 0.9
const ALPHA_MIN = 0.05

/**
 * Point size (device px) and alpha for n points spread over a shell of radius shellKm seen from
 * camKm (distance to the Earth's centre), in a viewport of heightPx × widthPx device px with a
 * vertical field of view fovDeg. Points cover a projected disc (the whole screen when the camera is
 * inside the shell); about half of them are hidden behind the Earth or outside the view. Where
 * they overlap, each point is made fainter so the summed light stays near TARGET_COVER, and
 * smaller (down to SIZE_MIN) so a million read as a fine glowing shell, not a wall. `keep` is the
 * share of points to draw (1 unless each would be fainter than ALPHA_MIN: see the end).
 */
export function adaptivePoints(
  n: number,
  shellKm: number,
  camKm: number,
  fovDeg: number,
  widthPx: number,
  heightPx: number,
  pixelRatio: number,
  out: { size: number; alpha: number; keep: number },
) {
  const screen = widthPx * heightPx
  const tanHalf = Math.tan((fovDeg * Math.PI) / 180 / 2)
  let area: number
  let visible: number
  if (camKm > shellKm * 1.02) {
    const ang = Math.asin(shellKm / camKm)
    const rPx = (Math.tan(ang) / tanHalf) * (heightPx / 2)
    area = Math.min(Math.PI * rPx * rPx, screen)
    visible = n * 0.6 * Math.min(1, screen / (Math.PI * rPx * rPx))
  } else {
    // Inside the shell: the view sees a patch of sky; roughly its share of the whole sphere.
    const solid = 4 * Math.asin(Math.min(1, (tanHalf * tanHalf * (widthPx / heightPx)) / (1 + tanHalf * tanHalf)))
    area = screen
    visible = n * 0.5 * Math.min(1, solid / (4 * Math.PI))
  }
  const density = visible / Math.max(area, 1) // points per device px²
  const maxS = SIZE_MAX * pixelRatio
  const minS = SIZE_MIN * pixelRatio
  // Shrink with the fourth root of the density once points would overlap more than once.
  const s = Math.max(minS, Math.min(maxS, maxS * (0.35 / Math.max(density * maxS * maxS * 0.4, 1e-9)) ** 0.25))
  const cover = density * s * s * 0.4 // mean point layers per pixel (soft disc ≈ 0.4 s²)
  const alpha = TARGET_COVER / Math.max(cover, 1e-9)
  out.size = s
  out.alpha = Math.max(ALPHA_MIN, Math.min(ALPHA_MAX, alpha))
  // Fainter than ALPHA_MIN (an 8-bit pixel gathers a few levels from such a point; fainter ones
  // would round away): draw a share of the points instead, so the summed light stays near the
  // target. Seen from the Moon a million points fall on a disc ~30 px across; clamped, they
  // painted the dawn–dusk shell as a saturated ring along the Earth's terminator.
  out.keep = alpha < ALPHA_MIN ? alpha / ALPHA_MIN : 1
  return out
}

/**
 * A tour: the story told on stage, as data (a JSON file, public/tours/<id>.json or the bundled
 * default). Validated like a scenario: a broken file is rejected with its first problem named
 * (path and what was expected) and nothing changes.
 *
 * {
 *   "id": "default", "title": "…",
 *   "chapters": [{
 *     "id": "earth-today", "title": "Earth today",
 *     "caption": "{satellites} satellites, {orbitalComputeW} in orbit",   // figures bound live (caption.ts)
 *     "notes": "speaker notes",
 *     "camera": { "target": "earth", "satellite": 0, "distanceKm": 16000, "azimuthDeg": 50,
 *                 "elevationDeg": 18, "durationS": 3, "easing": "inOut" },
 *        // earth, moon, sun: azimuth about the celestial pole from the Sun's direction, elevation
 *        //   above the equator (state/camera.ts);
 *        // satellite: in its local frame, azimuth about the local vertical from the Sun's direction,
 *        //   elevation above the local horizontal (scene/earth/closeUpPose.ts; 35 / 28 frames it lit,
 *        //   the Earth's day side behind);
 *        // base: without azimuth and elevation, the base's default view; with them, the camera's
 *        //   bearing from the base origin (clockwise from local north) and elevation above the horizon;
 *        //   or "shot": one of src/present/shots.ts's ids (no distance, azimuth or elevation then):
 *        //   the camera flies over where that shot stands, then takes its pose (an eye pose: a cut
 *        //   down to it, held in explore mode).
 *     "time": { "at": "2026-03-20T12:00:00Z", "warp": 600, "play": true }
 *          or { "ramp": { "from": "2026-01-01", "to": "2035-01-01", "durationS": 12, "easing": "inOut" } },
 *     "layers": { "constellation": true, "trajectories": false },           // src/state/layers.ts
 *     "panels": ["hud", "metrics"],                                         // overlay panels shown
 *     "dwellS": 14                                                         // autoplay: time on this chapter
 *   }]
 * }
 */
import { AU_KM, DEG, EARTH_RADIUS_KM, MOON_RADIUS_KM, SUN_RADIUS_KM } from '../../sim/constants'
import { parseIsoUtc } from '../../sim/time'
import { type BasePose, EASINGS, type Easing, type SitePose } from '../../state/camera'
import { LAYERS, type Layer } from '../../state/layers'
import { PANELS, type PanelId } from '../../state/ui'
import { SHOT_IDS, shotById } from '../shots'
import { CAPTION_FIELDS, placeholders } from './caption'

export const TARGETS = ['earth', 'moon', 'base', 'sun', 'satellite'] as const
export type Target = (typeof TARGETS)[number]

export interface ChapterCamera {
  target: Target
  /** With target 'satellite': the satellite's index in launch order (0 = the first deployed). */
  satellite?: number
  distanceKm: number
  azimuthDeg: number
  elevationDeg: number
  durationS: number
  easing: Easing
  /** With target 'base' and an azimuth or elevation given, or a shot: the view in the site's frame (state/camera.ts SitePose). */
  site?: SitePose
  /** With target 'base' and a shot named: that shot's pose, taken once the flight has landed where it stands. */
  basePose?: BasePose
}

export type ChapterTime =
  | { at: number; warp: number; play: boolean; ramp?: undefined }
  | { ramp: { fromMs: number; toMs: number; durationS: number; easing: Easing }; at?: undefined }

export interface Chapter {
  id: string
  title: string
  caption: string
  notes: string
  camera: ChapterCamera | null
  time: ChapterTime | null
  layers: Partial<Record<Layer, boolean>> | null
  panels: PanelId[] | null
  dwellS: number | null
}

export interface Tour {
  id: string
  title: string
  chapters: Chapter[]
}

export type TourResult = { ok: true; tour: Tour } | { ok: false; error: string }

/** The nearest the camera may come to each target's centre, km (inside: through the body). */
const MIN_DISTANCE_KM: Record<Target, number> = {
  earth: EARTH_RADIUS_KM * 1.03,
  moon: MOON_RADIUS_KM * 1.01,
  base: 0.005,
  sun: SUN_RADIUS_KM * 3,
  satellite: 0.01,
}
const MAX_DISTANCE_KM = 10 * AU_KM
const MAX_DURATION_S = 600
/** A tour's or a chapter's id: lower-case letters, digits and hyphens, up to 40 (also a file name: tours/<id>.json). */
export const isTourId = (id: string): boolean => /^[a-z0-9][a-z0-9-]{0,39}$/.test(id)

class TourError extends Error {}

const fail = (path: string, msg: string): never => {
  throw new TourError(`${path}: ${msg}`)
}
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function only(o: Record<string, unknown>, path: string, allowed: readonly string[]) {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${path}.${k}`, `unknown field; allowed: ${allowed.join(', ')}`)
}
function str(o: Record<string, unknown>, k: string, path: string, opt = false, max = 2000): string {
  const v = o[k]
  if (v === undefined && opt) return ''
  if (typeof v !== 'string') return fail(`${path}.${k}`, 'must be text')
  if (v.length > max) fail(`${path}.${k}`, `must be at most ${max} characters`)
  return v
}
function num(o: Record<string, unknown>, k: string, path: string, min: number, max: number, dflt?: number): number {
  const v = o[k]
  if (v === undefined && dflt !== undefined) return dflt
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(`${path}.${k}`, `must be a number from ${min} to ${max}`)
  if (v < min || v > max) fail(`${path}.${k}`, `${v} is outside ${min} … ${max}`)
  return v
}
function easing(o: Record<string, unknown>, path: string): Easing {
  const v = o.easing ?? 'inOut'
  const e = EASINGS.find((x) => x === v)
  return e ?? fail(`${path}.easing`, `must be one of ${EASINGS.join(', ')}`)
}
function instant(o: Record<string, unknown>, k: string, path: string): number {
  const v = str(o, k, path)
  return parseIsoUtc(v) ?? fail(`${path}.${k}`, `"${v.slice(0, 40)}" is not an ISO UTC time like 2030-06-21T12:00:00Z`)
}

/**
 * Where the flight to a shot lands, from the base origin: an orbit pose exactly (taking it then
 * changes nothing). For an eye pose, its bearing and distance: the flight ends over the eye's
 * place, then the camera cuts down to the eye (its height is above the local ground, which lies up
 * to a few hundred metres below the origin's level, and the overview orbit keeps ~4° above the
 * horizon), so the cut changes height and heading but not where in the site the view is from.
 */
export function shotFlight(pose: BasePose): { distanceKm: number; site: SitePose } {
  if (pose.mode === 'orbit') return { distanceKm: pose.distanceM / 1000, site: { bearingDeg: pose.azimuthDeg, elevationDeg: pose.elevationDeg } }
  const groundM = Math.hypot(pose.eastM, pose.northM)
  return {
    distanceKm: Math.max(MIN_DISTANCE_KM.base, Math.hypot(groundM, pose.heightM) / 1000),
    site: { bearingDeg: Math.atan2(pose.eastM, pose.northM) / DEG, elevationDeg: Math.atan2(pose.heightM, groundM) / DEG },
  }
}

function camera(v: unknown, path: string): ChapterCamera {
  if (!isObj(v)) return fail(path, 'must be an object')
  only(v, path, ['target', 'satellite', 'shot', 'distanceKm', 'azimuthDeg', 'elevationDeg', 'durationS', 'easing'])
  const target = TARGETS.find((t) => t === v.target) ?? fail(`${path}.target`, `must be one of ${TARGETS.join(', ')}`)
  if (v.shot !== undefined) {
    if (target !== 'base') fail(`${path}.shot`, 'only with target "base"')
    const shot = typeof v.shot === 'string' ? shotById(v.shot) : undefined
    if (!shot) return fail(`${path}.shot`, `must be one of ${SHOT_IDS.join(', ')}`)
    for (const k of ['satellite', 'distanceKm', 'azimuthDeg', 'elevationDeg'])
      if (v[k] !== undefined) fail(`${path}.${k}`, 'not with a shot (the shot sets the view)')
    const { distanceKm, site } = shotFlight(shot.pose)
    return {
      target,
      distanceKm,
      azimuthDeg: site.bearingDeg,
      elevationDeg: site.elevationDeg,
      durationS: num(v, 'durationS', path, 0, MAX_DURATION_S, 3),
      easing: easing(v, path),
      site,
      basePose: shot.pose,
    }
  }
  const satellite = target === 'satellite' ? num(v, 'satellite', path, 0, 999_999, 0) : undefined
  if (target !== 'satellite' && v.satellite !== undefined) fail(`${path}.satellite`, 'only with target "satellite"')
  if (satellite !== undefined && !Number.isInteger(satellite)) fail(`${path}.satellite`, 'must be a whole number')
  const cam: ChapterCamera = {
    target,
    satellite,
    distanceKm: num(v, 'distanceKm', path, MIN_DISTANCE_KM[target], MAX_DISTANCE_KM),
    azimuthDeg: num(v, 'azimuthDeg', path, -360, 360, 0),
    elevationDeg: num(v, 'elevationDeg', path, -89, 89, 0),
    durationS: num(v, 'durationS', path, 0, MAX_DURATION_S, 3),
    easing: easing(v, path),
  }
  if (target === 'base' && (v.azimuthDeg !== undefined || v.elevationDeg !== undefined)) {
    if (cam.elevationDeg < 1) fail(`${path}.elevationDeg`, 'at the base must be at least 1 (above the ground)')
    cam.site = { bearingDeg: cam.azimuthDeg, elevationDeg: cam.elevationDeg }
  }
  return cam
}

function time(v: unknown, path: string): ChapterTime {
  if (!isObj(v)) return fail(path, 'must be an object')
  if (v.ramp !== undefined) {
    only(v, path, ['ramp'])
    const r = v.ramp
    if (!isObj(r)) return fail(`${path}.ramp`, 'must be an object')
    only(r, `${path}.ramp`, ['from', 'to', 'durationS', 'easing'])
    return {
      ramp: {
        fromMs: instant(r, 'from', `${path}.ramp`),
        toMs: instant(r, 'to', `${path}.ramp`),
        durationS: num(r, 'durationS', `${path}.ramp`, 0.1, MAX_DURATION_S),
        easing: easing(r, `${path}.ramp`),
      },
    }
  }
  only(v, path, ['at', 'warp', 'play'])
  const warp = num(v, 'warp', path, -1e7, 1e7, 1)
  if (warp !== 0 && Math.abs(warp) < 1) fail(`${path}.warp`, 'must be 0 (paused) or from 1 to 10000000 in size')
  if (v.play !== undefined && typeof v.play !== 'boolean') fail(`${path}.play`, 'must be true or false')
  return { at: instant(v, 'at', path), warp: warp === 0 ? 1 : warp, play: warp !== 0 && v.play !== false }
}

function chapter(v: unknown, path: string): Chapter {
  if (!isObj(v)) return fail(path, 'must be an object')
  only(v, path, ['id', 'title', 'caption', 'notes', 'camera', 'time', 'layers', 'panels', 'dwellS'])
  const id = str(v, 'id', path, false, 40)
  if (!isTourId(id)) fail(`${path}.id`, 'lower-case letters, digits and hyphens')
  const caption = str(v, 'caption', path, true, 300)
  for (const p of placeholders(caption))
    if (!(p in CAPTION_FIELDS)) fail(`${path}.caption`, `unknown figure {${p}}; known: ${Object.keys(CAPTION_FIELDS).join(', ')}`)
  let layers: Chapter['layers'] = null
  if (v.layers !== undefined) {
    const l = v.layers
    if (!isObj(l)) return fail(`${path}.layers`, 'must be an object of layer: true/false')
    layers = {}
    for (const [k, on] of Object.entries(l)) {
      const layer = LAYERS.find((x) => x === k) ?? fail(`${path}.layers.${k}`, `unknown layer; known: ${LAYERS.join(', ')}`)
      if (typeof on !== 'boolean') fail(`${path}.layers.${k}`, 'must be true or false')
      layers[layer] = on === true
    }
  }
  let panels: PanelId[] | null = null
  if (v.panels !== undefined) {
    if (!Array.isArray(v.panels)) return fail(`${path}.panels`, 'must be a list of panel ids')
    panels = v.panels.map((p, i) => PANELS.find((x) => x === p) ?? fail(`${path}.panels[${i}]`, `unknown panel "${String(p)}"; known: ${PANELS.join(', ')}`))
  }
  return {
    id,
    title: str(v, 'title', path, false, 120),
    caption,
    notes: str(v, 'notes', path, true, 4000),
    camera: v.camera === undefined ? null : camera(v.camera, `${path}.camera`),
    time: v.time === undefined ? null : time(v.time, `${path}.time`),
    layers,
    panels,
    dwellS: v.dwellS === undefined ? null : num(v, 'dwellS', path, 1, 3600),
  }
}

/** Validates tour data (parsed JSON); the first problem found is named with its path. */
export function validateTour(data: unknown): TourResult {
  try {
    if (!isObj(data)) fail('tour', 'must be a JSON object with id, title and chapters')
    const d = data as Record<string, unknown>
    only(d, 'tour', ['$schema', 'id', 'title', 'chapters'])
    const id = str(d, 'id', 'tour', false, 40)
    if (!isTourId(id)) fail('tour.id', 'lower-case letters, digits and hyphens')
    const title = str(d, 'title', 'tour', false, 120)
    if (!Array.isArray(d.chapters) || d.chapters.length === 0) fail('tour.chapters', 'must be a non-empty list')
    const list = d.chapters as unknown[]
    if (list.length > 99) fail('tour.chapters', 'at most 99 chapters')
    const chapters = list.map((c, i) => chapter(c, `chapters[${i}]`))
    const seen = new Set<string>()
    chapters.forEach((c, i) => {
      if (seen.has(c.id)) fail(`chapters[${i}].id`, `"${c.id}" is used twice`)
      seen.add(c.id)
    })
    return { ok: true, tour: { id, title, chapters } }
  } catch (e) {
    if (e instanceof TourError) return { ok: false, error: e.message }
    throw e
  }
}

/** Parses and validates tour JSON text. */
export function parseTourJson(text: string): TourResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return { ok: false, error: `tour: not valid JSON (${e instanceof Error ? e.message : String(e)})` }
  }
  return validateTour(data)
}

/**
 * How long a chapter runs (s): its camera move or time ramp, whichever is longer, or its dwell
 * time when given (autoplay moves on after it). The recorder (record/) uses this to size a take.
 */
export function chapterDurationS(tour: Tour, i: number): number {
  const c = tour.chapters[i]
  if (!c) return 0
  const move = Math.max(c.camera?.durationS ?? 0, c.time?.ramp?.durationS ?? 0)
  return c.dwellS ?? move + 8
}

/**
 * The deep-link format (documented in README.md, stable): the URL's query holds the whole view.
 * Each parameter is listed once in LINK_PARAMS (the help overlay and README show that table). A
 * malformed or out-of-range value, or an unknown parameter, is reported (all in one notice) and
 * ignored: that one field falls back to its default.
 */
import { FOCI, QUALITIES, MAX_UI_SCALE, MIN_UI_SCALE, type Focus, type Quality } from '../state/ui'
import { LAYERS, type Layer } from '../state/layers'
import { isoDay, parseIsoUtc } from '../sim/time'
import { isTourId } from './tour/schema'
import { URL_OVERRIDE_PREFIX } from '../sim/scenario/io'
import { SHOT_IDS } from './shots'

export const LINK_PARAMS: { name: string; meaning: string; example: string }[] = [
  { name: 't', meaning: 'sim time, ISO-8601 UTC, inside the scenario horizon', example: 't=2030-06-21T12:00:00Z' },
  { name: 'warp', meaning: 'sim seconds per real second, 1 to 10⁷, negative runs backwards; 0 = paused', example: 'warp=3600' },
  { name: 'play', meaning: '1 plays, 0 starts paused (default: plays, except with warp=0 or a t without warp)', example: 'play=0' },
  {
    name: 'focus',
    meaning: 'earth, moon, base (Moon Base Alpha), sun (heliocentric view), system (the Earth–Moon system) or satellite (with follow)',
    example: 'focus=base',
  },
  { name: 'follow', meaning: 'follow the satellite with this launch-order index close up (0: the first satellite launched)', example: 'follow=0' },
  { name: 'cam', meaning: "the camera's offset from the focus, km, scene axes x,y,z (y to the celestial pole)", example: 'cam=9000,3000,12000' },
  {
    name: 'shot',
    meaning: `a best frame of Moon Base Alpha: its time, clock and camera (${SHOT_IDS.join(', ')}; src/present/shots.ts)`,
    example: 'shot=low-sun-2045',
  },
  { name: 'layers', meaning: `the visible layers, comma-separated (${LAYERS.join(', ')}); absent: all`, example: 'layers=constellation,launches' },
  { name: 'tour', meaning: 'open a guided tour by id (default, or tours/<id>.json)', example: 'tour=default' },
  { name: 'chapter', meaning: "the tour's chapter to open, from 1", example: 'chapter=3' },
  { name: 'autoplay', meaning: '1 plays the tour by itself, looping (a booth)', example: 'autoplay=1' },
  { name: 'scale', meaning: `UI scale, ${MIN_UI_SCALE} to ${MAX_UI_SCALE} (type is 14 px × scale)`, example: 'scale=1.5' },
  { name: 'ui', meaning: '0 hides every overlay (H brings it back)', example: 'ui=0' },
  { name: 'embed', meaning: '1 hides all chrome for an iframe in a slide deck', example: 'embed=1' },
  { name: 'quality', meaning: 'high or low render quality (default: low on a software rasteriser)', example: 'quality=high' },
  { name: 'sats', meaning: 'show N satellites (1 to 1,000,000) whatever the date (demos, benchmarks)', example: 'sats=100000' },
  {
    name: 'p.<group>.<field>',
    meaning: 'a scenario override (numbers, choices, true/false), validated like the scenario panel',
    example: 'p.horizon.endYear=2080',
  },
  { name: 'presenter', meaning: '1 opens the presenter view (notes, next chapter, clock) for the stage window', example: 'presenter=1' },
  {
    name: 'export',
    meaning:
      'open the Export panel, preset: 1, or any of an offered size, fps, format, quality, what to record (range, follow, tour:ID, chapter:N, from:ISO, to:ISO, 20s, turntable:DEG, captions) (src/record/store.ts)',
    example: 'export=1920x1080,60,webm',
  },
]

const KNOWN = new Set(LINK_PARAMS.map((p) => p.name))

export interface DeepLink {
  tMs?: number
  warp?: number
  focus?: Focus
  follow?: number
  play?: boolean
  cam?: [number, number, number]
  layers?: Record<Layer, boolean>
  tour?: string
  chapter?: number
  autoplay?: boolean
  uiScale?: number
  uiHidden?: boolean
  embed?: boolean
  satellites?: number
  quality?: Quality
  presenter?: boolean
  /** A shot's id (src/present/shots.ts): applied after the rest of the link. */
  shot?: string
  /** The `p.` scenario overrides, as given (validated by the caller against the scenario). */
  overrides?: URLSearchParams
}

export interface ParsedDeepLink {
  link: DeepLink
  /** One sentence per rejected field, for the notice. */
  problems: string[]
}

const flag = (q: URLSearchParams, name: string, problems: string[]): boolean | undefined => {
  const v = q.get(name)
  if (v === null) return undefined
  if (v === '1' || v === '0') return v === '1'
  problems.push(`${name}="${v.slice(0, 10)}" must be 1 or 0.`)
  return undefined
}

export function parseDeepLink(search: string, horizon: { startMs: number; endMs: number }): ParsedDeepLink {
  const q = new URLSearchParams(search)
  const link: DeepLink = {}
  const problems: string[] = []
  const unknown: string[] = []
  const overrides = new URLSearchParams()
  for (const [k, v] of q) {
    if (k.startsWith(URL_OVERRIDE_PREFIX)) overrides.append(k, v)
    else if (!KNOWN.has(k)) unknown.push(k.slice(0, 24))
  }
  if (unknown.length) problems.push(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ignored.`)
  if ([...overrides.keys()].length) link.overrides = overrides
  const t = q.get('t')
  if (t !== null) {
    const ms = parseIsoUtc(t)
    if (ms === null) problems.push(`t="${t.slice(0, 40)}" is not an ISO UTC time like 2030-06-21T12:00:00Z; showing now.`)
    else if (ms < horizon.startMs || ms > horizon.endMs)
      problems.push(`t=${t} is outside the scenario horizon ${isoDay(horizon.startMs)} – ${isoDay(horizon.endMs)}; showing now.`)
    else link.tMs = ms
  }
  const w = q.get('warp')
  if (w !== null) {
    const n = Number(w)
    if (w.trim() === '' || !Number.isFinite(n) || (n !== 0 && Math.abs(n) < 1) || Math.abs(n) > 1e7)
      problems.push(`warp="${w.slice(0, 20)}" must be 0 (paused) or a number from 1 to 10000000 (negative for reverse); using the default.`)
    else link.warp = n
  }
  const f = q.get('focus')
  if (f !== null) {
    if ((FOCI as readonly string[]).includes(f) || f === 'satellite') link.focus = f as Focus
    else problems.push(`focus="${f.slice(0, 20)}" must be one of ${FOCI.join(', ')}, satellite; focusing Earth.`)
  }
  const follow = q.get('follow')
  if (follow !== null) {
    // The launch-order index: replacements after the cap keep counting past the million.
    if (/^\d{1,9}$/.test(follow)) link.follow = Number(follow)
    else problems.push(`follow="${follow.slice(0, 12)}" must be a satellite's launch-order index, 0 to 999999999.`)
  }
  if (link.focus === 'satellite' && link.follow === undefined) {
    problems.push('focus=satellite needs follow=<index>; focusing Earth.')
    delete link.focus
  }
  const p = flag(q, 'play', problems)
  if (p !== undefined) link.play = p
  const cam = q.get('cam')
  if (cam !== null) {
    const xyz = cam.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)))
    if (xyz.length === 3 && xyz.every((v) => Number.isFinite(v) && Math.abs(v) < 1e10) && Math.hypot(...xyz) > 1e-6) link.cam = [xyz[0], xyz[1], xyz[2]]
    else problems.push(`cam="${cam.slice(0, 40)}" must be three numbers x,y,z in km (the camera's offset from the focus).`)
  }
  const shot = q.get('shot')
  if (shot !== null) {
    if (SHOT_IDS.includes(shot)) link.shot = shot
    else problems.push(`shot="${shot.slice(0, 30)}" is not a shot; the shots are ${SHOT_IDS.join(', ')}.`)
  }
  const layers = q.get('layers')
  if (layers !== null) {
    const names = layers.split(',').filter((s) => s !== '')
    const bad = names.filter((n) => !(LAYERS as readonly string[]).includes(n))
    if (bad.length) problems.push(`layers: unknown ${bad.map((b) => `"${b.slice(0, 20)}"`).join(', ')}; known: ${LAYERS.join(', ')}. Showing every layer.`)
    else link.layers = Object.fromEntries(LAYERS.map((l) => [l, names.includes(l)])) as Record<Layer, boolean>
  }
  const tour = q.get('tour')
  if (tour !== null) {
    if (isTourId(tour)) link.tour = tour
    else problems.push(`tour="${tour.slice(0, 40)}" must be a tour id (lower-case letters, digits, hyphens).`)
  }
  const chapter = q.get('chapter')
  if (chapter !== null) {
    if (/^\d{1,2}$/.test(chapter) && Number(chapter) >= 1) link.chapter = Number(chapter)
    else problems.push(`chapter="${chapter.slice(0, 10)}" must be a chapter number from 1.`)
    if (tour === null) problems.push('chapter= needs tour= (e.g. tour=default&chapter=3).')
  }
  const autoplay = flag(q, 'autoplay', problems)
  if (autoplay !== undefined) link.autoplay = autoplay
  const scale = q.get('scale')
  if (scale !== null) {
    const n = Number(scale)
    if (scale.trim() !== '' && Number.isFinite(n) && n >= MIN_UI_SCALE && n <= MAX_UI_SCALE) link.uiScale = n
    else problems.push(`scale="${scale.slice(0, 10)}" must be a number from ${MIN_UI_SCALE} to ${MAX_UI_SCALE}; using 1.`)
  }
  const ui = flag(q, 'ui', problems)
  if (ui !== undefined) link.uiHidden = !ui
  const embed = flag(q, 'embed', problems)
  if (embed !== undefined) link.embed = embed
  const presenter = flag(q, 'presenter', problems)
  if (presenter !== undefined) link.presenter = presenter
  const sats = q.get('sats')
  if (sats !== null) {
    const n = Number(sats)
    if (!/^\d+$/.test(sats) || n < 1 || n > 1_000_000)
      problems.push(`sats="${sats.slice(0, 12)}" must be a whole number from 1 to 1000000; showing the scenario's launches instead.`)
    else link.satellites = n
  }
  const quality = q.get('quality')
  if (quality !== null) {
    const asked = QUALITIES.find((x) => x === quality)
    if (asked) link.quality = asked
    else problems.push(`quality="${quality.slice(0, 12)}" must be ${QUALITIES.join(' or ')}; choosing by the graphics hardware.`)
  }
  return { link, problems }
}

/** An instant to the millisecond, without ".000" when it falls on a whole second. */
export const linkTime = (tMs: number): string => new Date(Math.round(tMs)).toISOString().replace('.000Z', 'Z')

export interface LinkView {
  tMs: number
  warp: number
  playing: boolean
  focus: Focus
  follow: number
  cam: [number, number, number] | null
  layers: Record<Layer, boolean>
  tour: string | null
  /** 0-based; written from 1. */
  chapter: number
  uiScale: number
}

/** Writes the view into the query, keeping any other parameters (sats, quality, ui, embed, p.…). */
export function formatDeepLink(search: string, v: LinkView): string {
  const q = new URLSearchParams(search)
  q.set('t', linkTime(v.tMs))
  q.set('warp', String(v.warp))
  q.set('play', v.playing ? '1' : '0')
  q.set('focus', v.focus)
  if (v.focus === 'satellite') q.set('follow', String(v.follow))
  else q.delete('follow')
  if (v.cam) q.set('cam', v.cam.map((x) => String(x)).join(','))
  else q.delete('cam')
  const shown = LAYERS.filter((l) => v.layers[l])
  if (shown.length === LAYERS.length) q.delete('layers')
  else q.set('layers', shown.join(','))
  if (v.tour) {
    q.set('tour', v.tour)
    q.set('chapter', String(v.chapter + 1))
  } else {
    q.delete('tour')
    q.delete('chapter')
    q.delete('autoplay')
  }
  if (v.uiScale !== 1) q.set('scale', String(v.uiScale))
  else q.delete('scale')
  q.delete('presenter')
  return `?${q.toString().replace(/%3A/g, ':').replace(/%2C/g, ',')}`
}

/**
 * The export panel's discrete state: open or not, the choices, the export running and its
 * progress, the last message. Progress is set a few times a second, not per frame.
 */
import { create } from 'zustand'
import { EXPORT_FPS, EXPORT_SIZES, FORMAT_IDS, type FormatId, isFormat, QUALITY_IDS, type QualityId } from './formats'
import type { ExportProgress } from './recorder'
import { isTourId } from '../present/tour/schema'
import { parseIsoUtc } from '../sim/time'
import { DEFAULT_TURNTABLE_DEG, parseTakeCamera } from './take'

export type ExportWhat = 'range' | 'follow' | 'tour' | 'chapter'

export interface ExportChoices {
  what: ExportWhat
  /** Range: ISO UTC start and end, and the video's length in seconds. */
  fromIso: string
  toIso: string
  seconds: number
  /** Tour / chapter (issue 11's tours). */
  tourId: string
  /** From 1, as in deep links. */
  chapter: number
  /** A chapter: record only its first `seconds` instead of its whole length. */
  chapterSeconds: boolean
  /** Range: the camera held ('current') or turned about the focus ('turntable', by turntableDeg over the take). */
  camera: 'current' | 'turntable'
  turntableDeg: number
  size: string
  fps: number
  format: FormatId
  quality: QualityId
  captions: boolean
  captionText: string
  stillSize: string
}

interface RecorderState {
  open: boolean
  choices: ExportChoices
  running: boolean
  progress: ExportProgress | null
  message: { kind: 'info' | 'error'; text: string } | null
  controller: AbortController | null
  toggle(): void
  choose(c: Partial<ExportChoices>): void
}

export const useRecorder = create<RecorderState>()((set, get) => ({
  open: false,
  choices: {
    what: 'range',
    fromIso: '',
    toIso: '',
    seconds: 10,
    tourId: 'default',
    chapter: 1,
    chapterSeconds: false,
    camera: 'current',
    turntableDeg: DEFAULT_TURNTABLE_DEG,
    size: '1920x1080',
    fps: 30,
    format: 'mp4',
    quality: 'high',
    captions: false,
    captionText: '',
    stillSize: '3840x2160',
  },
  running: false,
  progress: null,
  message: null,
  controller: null,
  toggle: () => set({ open: !get().open }),
  choose: (c) => set({ choices: { ...get().choices, ...c } }),
}))

/** Whether the Length field counts: a range, the view as it plays, or a chapter cut to its first seconds (a tour runs its own length). */
export function lengthUsed(c: Pick<ExportChoices, 'what' | 'chapterSeconds'>): boolean {
  return c.what === 'range' || c.what === 'follow' || (c.what === 'chapter' && c.chapterSeconds)
}

/** The caption field's placeholder: what an empty caption burns in. */
export function captionPlaceholder(what: ExportChoices['what']): string {
  return what === 'tour' || what === 'chapter'
    ? "caption (empty: each chapter's caption, live figures in)"
    : "caption (empty: a playing tour chapter's caption, else the date and time)"
}

/** "1920x1080" → {w, h}, or null. */
export function parseSize(s: string): { w: number; h: number } | null {
  const m = /^(\d{2,5})x(\d{2,5})$/.exec(s.trim())
  return m ? { w: Number(m[1]), h: Number(m[2]) } : null
}

const SIZE_LIST = EXPORT_SIZES.map((s) => `${s.w}x${s.h}`)

/** What `?export=` takes, for the notice when a part of it is not understood. */
export const EXPORT_PARAM_HELP =
  `export= takes 1, or comma-separated: a size (${SIZE_LIST.join(', ')}), a frame rate (${EXPORT_FPS.join(', ')}), ` +
  `a format (${FORMAT_IDS.join(', ')}), a quality (${QUALITY_IDS.join(', ')}), what to record (range, follow, tour, tour:ID, chapter:N), ` +
  "a length like 20s, from:ISO and to:ISO (a range), turntable or turntable:DEG (a range's camera), captions"

/**
 * Reads `?export=` (src/ui/ExportPanel.tsx opens the panel with it): the choices it presets, and one
 * sentence per part not understood, naming the value and what is valid. Only the panel's own choices
 * are taken (an off-list size is refused, not run at a size the panel does not show).
 */
export function parseExportParam(q: string): { preset: Partial<ExportChoices>; bad: string[] } {
  const preset: Partial<ExportChoices> = {}
  const bad: string[] = []
  const cut = (p: string) => (p.length > 30 ? `${p.slice(0, 30)}…` : p)
  for (const raw of q.split(',')) {
    const part = raw.trim()
    if (part === '1' || part === '') continue
    const colon = part.indexOf(':')
    const key = colon < 0 ? part : part.slice(0, colon)
    const val = colon < 0 ? null : part.slice(colon + 1)
    const size = parseSize(part)
    if (size) {
      if (SIZE_LIST.includes(`${size.w}x${size.h}`)) preset.size = `${size.w}x${size.h}`
      else bad.push(`size "${cut(part)}" is not offered (${SIZE_LIST.join(', ')})`)
    } else if (/^\d+$/.test(part)) {
      const n = Number(part)
      if ((EXPORT_FPS as readonly number[]).includes(n)) preset.fps = n
      else bad.push(`frame rate "${cut(part)}" is not offered (${EXPORT_FPS.join(', ')})`)
    } else if (isFormat(part)) preset.format = part
    else if ((QUALITY_IDS as readonly string[]).includes(part)) preset.quality = part as QualityId
    else if (/^\d+(\.\d+)?s$/.test(part)) {
      const n = Number(part.slice(0, -1))
      if (n > 0 && n <= 3600) preset.seconds = n
      else bad.push(`length "${cut(part)}" must be above 0 s, at most 3600 s`)
    } else if (part === 'range' || part === 'follow' || part === 'tour') preset.what = part
    else if (key === 'tour' && val !== null) {
      if (isTourId(val)) {
        preset.tourId = val
        if (preset.what !== 'chapter') preset.what = 'tour'
      } else bad.push(`tour "${cut(val)}": tour ids are lower-case letters, digits and hyphens`)
    } else if (key === 'chapter' && val !== null) {
      if (/^\d{1,2}$/.test(val) && Number(val) >= 1) {
        preset.chapter = Number(val)
        preset.what = 'chapter'
      } else bad.push(`chapter "${cut(val)}" must be a chapter number from 1`)
    } else if ((key === 'from' || key === 'to') && val !== null) {
      if (parseIsoUtc(val) !== null) {
        if (key === 'from') preset.fromIso = val
        else preset.toIso = val
        preset.what = 'range'
      } else bad.push(`${key} "${cut(val)}" must be an ISO UTC time like 2030-06-21T12:00:00Z`)
    } else if (key === 'turntable' || key === 'current') {
      const cam = parseTakeCamera(part)
      if (cam?.kind === 'turntable') {
        preset.camera = 'turntable'
        preset.turntableDeg = cam.degrees
      } else if (cam) preset.camera = 'current'
      else bad.push(`"${cut(part)}" must be turntable or turntable:DEG (DEG non-zero, at most 3600)`)
    } else if (part === 'captions' || part === 'caption') preset.captions = true
    else bad.push(`"${cut(part)}" is not understood`)
  }
  // A tour id alone after chapter:N keeps 'chapter'; a chapter with no tour named is the default tour's.
  return { preset, bad }
}

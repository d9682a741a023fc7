/**
 * The export panel's discrete state: open or not, the choices, the export running and its
 * progress, the last message. Progress is set a few times a second, not per frame.
 */
import { create } from 'zustand'
import type { FormatId, QualityId } from './formats'
import type { ExportProgress } from './recorder'

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

/** "1920x1080" → {w, h}, or null. */
export function parseSize(s: string): { w: number; h: number } | null {
  const m = /^(\d{2,5})x(\d{2,5})$/.exec(s.trim())
  return m ? { w: Number(m[1]), h: Number(m[2]) } : null
}

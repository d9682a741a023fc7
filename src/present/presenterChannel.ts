/**
 * The presenter view's link to the stage window: one BroadcastChannel, both ways. The stage posts
 * the tour's state whenever it changes (and when a presenter view says hello); the presenter view
 * posts commands (next, previous, go to a chapter, blank, start, stop), which the stage runs as
 * its own keys would, so advancing from either window moves both.
 */
import { simTime } from '../state/clock'
import { stageHold, stageTime } from '../state/stageTime'
import { useUi } from '../state/ui'
import { bindCaption, type CaptionValues, emptyCaptionValues, readCaptionValues } from './tour/caption'
import { useTour } from './tour/useTour'

export const PRESENTER_CHANNEL = 'terawatt-presenter'

export interface ChapterInfo {
  title: string
  caption: string
  notes: string
}

export type StageToPresenter = {
  type: 'state'
  tourTitle: string | null
  chapter: number
  chapters: ChapterInfo[]
  autoplay: boolean
  blank: 'black' | 'white' | null
  /** Wall-clock ms the tour started (elapsed time on the presenter's clock). */
  startedAtWallMs: number
}

/** The current chapter's caption with its figures bound, as the audience sees it (sent when it changes). */
export type CaptionToPresenter = { type: 'caption'; chapter: number; line: string }

export type PresenterToStage =
  | { type: 'hello' }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'go'; chapter: number }
  | { type: 'blank'; blank: 'black' | 'white' }
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'autoplay'; on: boolean }

export function stageState(): StageToPresenter {
  const t = useTour.getState()
  return {
    type: 'state',
    tourTitle: t.tour?.title ?? null,
    chapter: t.chapter,
    chapters: t.tour ? t.tour.chapters.map((c) => ({ title: c.title, caption: c.caption, notes: c.notes })) : [],
    autoplay: t.autoplay,
    blank: useUi.getState().blank,
    startedAtWallMs: t.startedAtWallMs,
  }
}

/** Runs a presenter's command on the stage. */
export function runPresenterCommand(m: PresenterToStage, reply: (s: StageToPresenter) => void): void {
  const t = useTour.getState()
  // During a recording only 'hello' is answered: the take must not change under the recorder.
  if (stageHold.byRecording && m.type !== 'hello') return
  switch (m.type) {
    case 'hello':
      reply(stageState())
      break
    case 'next':
      t.next()
      break
    case 'prev':
      t.prev()
      break
    case 'go':
      t.goToChapter(m.chapter)
      break
    case 'blank':
      useUi.getState().setBlank(m.blank)
      break
    case 'start':
      if (!t.tour) void t.startTour('default', 0)
      break
    case 'stop':
      t.stopTour()
      break
    case 'autoplay':
      t.setAutoplay(m.on)
      break
  }
}

const values: CaptionValues = emptyCaptionValues()

/**
 * The stage's side: posts the tour's state on change, the bound caption at most twice a second of
 * stage time (onFrame: the overlay loop's per-frame registration), and runs the presenter's commands.
 */
export function startPresenterSync(onFrame: (cb: () => void) => () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const ch = new BroadcastChannel(PRESENTER_CHANNEL)
  const post = (s: StageToPresenter | CaptionToPresenter) => ch.postMessage(s)
  let lastLine = ''
  let lastAt = -Infinity
  const stopFrame = onFrame(() => {
    const t = useTour.getState()
    const c = t.tour?.chapters[t.chapter]
    if (!c || stageTime.ms - lastAt < 500) return
    lastAt = stageTime.ms
    const line = bindCaption(c.caption, readCaptionValues(simTime.tMs, values))
    if (line === lastLine) return
    lastLine = line
    post({ type: 'caption', chapter: t.chapter, line })
  })
  ch.onmessage = (e: MessageEvent<PresenterToStage>) => {
    if (!e.data || typeof e.data !== 'object' || !('type' in e.data)) return
    if (e.data.type === 'hello') lastLine = '' // a new presenter view: send the caption again
    runPresenterCommand(e.data, post)
  }
  const u1 = useTour.subscribe((s, p) => {
    if (s.tour !== p.tour || s.chapter !== p.chapter || s.autoplay !== p.autoplay || s.chapterStartedStageMs !== p.chapterStartedStageMs) post(stageState())
  })
  const u2 = useUi.subscribe((s, p) => {
    if (s.blank !== p.blank) post(stageState())
  })
  return () => {
    stopFrame()
    u1()
    u2()
    ch.close()
  }
}

/** Opens the presenter view in a second window (P, or the button in the help). */
export function openPresenterView(): void {
  const w = window.open(`${location.pathname}?presenter=1`, 'terawatt-presenter', 'width=960,height=640')
  if (!w) useUi.getState().notify('The presenter view was blocked: allow pop-ups for this page, or open ?presenter=1 in a second window.', 'warn', 10000)
}

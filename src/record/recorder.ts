/**
 * Frame-exact video export. For frame k the sim time is exactly t₀ + k/fps × warp and stage time
 * stage₀ + k/fps (every camera move is a function of the frame number); the workers' state for
 * that instant is awaited; the frame is drawn in lock-step at the export size and captured right
 * after it is drawn (new VideoFrame(canvas)); WebCodecs encodes it and mediabunny muxes MP4 or
 * WebM into a stream (src/record/sinks.ts). A slow machine takes longer; no frame is dropped or
 * repeated. Cancelling, or any error, gives the view back as it was (src/record/lockStep.ts).
 */
import { Mp4OutputFormat, Output, StreamTarget, VideoSample, VideoSampleSource, WebMOutputFormat } from 'mediabunny'
import { bindCaption, emptyCaptionValues, readCaptionValues } from '../present/tour/caption'
import type { Tour } from '../present/tour/schema'
import { autoplayStep, chapterDurationS, loadTour, useTour } from '../present/tour/useTour'
import { toIsoUtc } from '../sim/time'
import { simTime, useClock } from '../state/clock'
import { stageTime, take } from '../state/stageTime'
import { canEncode, describeEncodable, FORMATS, type FormatId, quality, type QualityId } from './formats'
import { awaitWorkers, drawFrame, holdView, releaseView, setFrameTime, setRenderSize, stepClock, viewCamera, viewCanvas } from './lockStep'
import { openSink, SINK_LABELS, type SinkKind } from './sinks'
import { type CaptionMemo, captionPx, stableCaptionLayout, type TakeCamera, takeWarp, turntablePosition } from './take'

export interface ExportPlan {
  width: number
  height: number
  fps: number
  format: FormatId
  quality: QualityId
  /** Number of frames (duration × fps); 0 with a tour: the tour's (or the chapter's) own length. */
  frames: number
  /**
   * Record a tour (issue 11): the whole tour (chapter null) or one chapter (0-based), chapters
   * switched at exact frames (their chapterDurationS); time runs as the tour runs it ('follow').
   */
  tour?: { id: string; chapter: number | null } | null
  /**
   * 'range': frame k is at exactly fromMs + k/fps × warp (sim seconds per video second).
   * 'follow': time runs as the app would run it (clock warp, a tour's time ramps), stepped by
   * exactly 1/fps per frame from where it stands (tours, "record what plays").
   */
  time: 'range' | 'follow'
  fromMs: number
  warp: number
  /** Burn a caption into the frames: this text, or the frame's UTC time when empty. Null: none. */
  caption: string | null
  /** A range's camera: held where it is (default), or a turntable about the focus (src/record/take.ts). */
  camera?: TakeCamera
}

export interface ExportProgress {
  phase: 'checking' | 'preparing' | 'rendering' | 'finalizing'
  done: number
  total: number
  /** Frames per second of wall time so far. */
  fps: number
  /** Wall seconds left at that rate. */
  etaS: number
  bytes: number
  sink: SinkKind | null
}

export interface ExportResult {
  frames: number
  bytes: number
  sink: SinkKind
  sinkLabel: string
  fileName: string
  wallS: number
}

/** The browser cannot encode the chosen format or size; `message` lists what it can. */
export class EncodeUnsupportedError extends Error {
  name = 'EncodeUnsupportedError'
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError'
}

export function exportFileName(plan: ExportPlan): string {
  const stamp = toIsoUtc(plan.time === 'range' ? plan.fromMs : simTime.tMs)
    .replace(/[:]/g, '')
    .replace(/Z$/, 'Z')
  return `terawatt-${stamp}-${plan.width}x${plan.height}-${plan.fps}fps.${FORMATS[plan.format].ext}`
}

/** Checks the plan; throws EncodeUnsupportedError (with what the browser can do) or a plain Error. */
export async function checkPlan(plan: ExportPlan): Promise<void> {
  const { horizonStartMs, horizonEndMs } = useClock.getState()
  if (!(plan.frames >= 1 && Number.isInteger(plan.frames))) throw new Error(`An export needs a whole number of frames ≥ 1 (got ${plan.frames}).`)
  if (!(plan.width >= 16 && plan.height >= 16) || plan.width % 2 || plan.height % 2)
    throw new Error(`The size ${plan.width}×${plan.height} must be even and at least 16×16.`)
  if (plan.time === 'follow') return checkEncoder(plan)
  const endMs = plan.fromMs + ((plan.frames - 1) / plan.fps) * plan.warp * 1000
  const lo = Math.min(plan.fromMs, endMs)
  const hi = Math.max(plan.fromMs, endMs)
  if (lo < horizonStartMs || hi > horizonEndMs)
    throw new Error(`The range ${toIsoUtc(lo)} – ${toIsoUtc(hi)} leaves the scenario horizon ${toIsoUtc(horizonStartMs)} – ${toIsoUtc(horizonEndMs)}.`)
  await checkEncoder(plan)
}

async function checkEncoder(plan: ExportPlan): Promise<void> {
  if (!(await canEncode(plan.format, plan.width, plan.height, plan.fps, plan.quality))) {
    const f = FORMATS[plan.format]
    throw new EncodeUnsupportedError(
      `This browser cannot encode ${f.label} at ${plan.width}×${plan.height}, ${plan.fps} fps. ${await describeEncodable(plan.fps)}`,
    )
  }
}

// Caption compositing (only when a caption is asked for): the frame drawn onto a 2D canvas, text over it.
let captionCanvas: HTMLCanvasElement | null = null
/** The caption's break and size, held while only its figures change (stableCaptionLayout). */
const captionMemo: CaptionMemo = { key: '', firstLineWords: 0, px: 0 }

function withCaption(src: HTMLCanvasElement, text: string): HTMLCanvasElement {
  if (!captionCanvas) captionCanvas = document.createElement('canvas')
  const c = captionCanvas
  if (c.width !== src.width || c.height !== src.height) {
    c.width = src.width
    c.height = src.height
  }
  const ctx = c.getContext('2d')
  if (!ctx) return src
  ctx.drawImage(src, 0, 0)
  const font = (px: number) => `500 ${px}px Inter, system-ui, sans-serif`
  // At most two lines within 90 % of the width, the font shrunk if they still do not fit.
  // Held steady while only the caption's figures change, so no word hops between lines mid-take.
  const { lines, px } = stableCaptionLayout(
    text,
    c.width * 0.9,
    captionPx(c.height),
    (s, px) => {
      ctx.font = font(px)
      return ctx.measureText(s).width
    },
    captionMemo,
  )
  ctx.font = font(px)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'bottom'
  ctx.lineWidth = Math.max(2, px / 6)
  ctx.strokeStyle = 'rgba(0,0,0,0.85)'
  ctx.fillStyle = '#ffffff'
  const bottom = c.height - captionPx(c.height)
  for (let i = 0; i < lines.length; i++) {
    const y = bottom - (lines.length - 1 - i) * px * 1.2
    ctx.strokeText(lines[i], c.width / 2, y)
    ctx.fillText(lines[i], c.width / 2, y)
  }
  return c
}

/** A tour's chapters as frames: which chapter starts at which frame, and the frames in all. */
export interface TourSchedule {
  tour: Tour
  /** Chapter index per switch, with the frame it starts on (the first at frame 0). */
  starts: { chapter: number; frame: number }[]
  frames: number
}

export async function tourSchedule(id: string, chapter: number | null, fps: number): Promise<TourSchedule> {
  const r = await loadTour(id)
  if (!r.ok) throw new Error(`Tour not recorded: ${r.error}`)
  const tour = r.tour
  if (chapter !== null && !(chapter >= 0 && chapter < tour.chapters.length))
    throw new Error(`Tour "${id}" has chapters 1 to ${tour.chapters.length}; chapter ${chapter + 1} was asked.`)
  const list = chapter === null ? tour.chapters.map((_, i) => i) : [chapter]
  const starts: TourSchedule['starts'] = []
  let s = 0
  for (const i of list) {
    starts.push({ chapter: i, frame: Math.round(s * fps) })
    s += chapterDurationS(tour, i)
  }
  return { tour, starts, frames: Math.round(s * fps) }
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0))

/** The caption burnt into a frame: the asked text, else the tour chapter's caption with its live figures, else the UTC time. */
const captionValues = emptyCaptionValues()
function captionFor(plan: ExportPlan, tMs: number): string {
  if (plan.caption) return plan.caption
  const t = useTour.getState()
  const template = t.tour?.chapters[t.chapter]?.caption
  if (template) return bindCaption(template, readCaptionValues(tMs, captionValues))
  return toIsoUtc(tMs).replace('T', ' ').replace('Z', ' UTC')
}

export interface ExportOptions {
  /** A file handle from the save dialog (File System Access), or null to pick a sink automatically. */
  picked?: FileSystemFileHandle | null
  signal?: AbortSignal
  onProgress?(p: ExportProgress): void
}

/**
 * The plan with a tour's frames filled in, checked (horizon, size, the browser's encoder): what the
 * panel runs before its save dialog, so a refused choice never leaves a picked, empty file. Quick
 * (a tour file fetch at most, and VideoEncoder.isConfigSupported), well within a click's activation.
 */
export async function preparePlan(plan: ExportPlan): Promise<{ plan: ExportPlan; schedule: TourSchedule | null }> {
  const schedule = plan.tour ? await tourSchedule(plan.tour.id, plan.tour.chapter, plan.fps) : null
  if (schedule && plan.frames === 0) plan = { ...plan, frames: schedule.frames }
  await checkPlan(plan)
  return { plan, schedule }
}

/**
 * Records plan into a file. Resolves when the file is complete; rejects with an AbortError when
 * cancelled, EncodeUnsupportedError when the browser cannot encode the choice, or another Error.
 * The view is given back as it was in every case.
 */
export async function runExport(plan: ExportPlan, o: ExportOptions = {}): Promise<ExportResult> {
  const started = performance.now()
  const progress: ExportProgress = { phase: 'checking', done: 0, total: plan.frames, fps: 0, etaS: Number.NaN, bytes: 0, sink: null }
  const report = () => o.onProgress?.({ ...progress })
  report()
  const prepared = await preparePlan(plan)
  plan = prepared.plan
  const schedule = prepared.schedule
  progress.total = plan.frames
  const f = FORMATS[plan.format]
  const fileName = exportFileName(plan)
  const sink = await openSink(o.picked ?? null, f.ext)
  progress.sink = sink.kind
  const output = new Output({
    format: f.container === 'mp4' ? new Mp4OutputFormat() : new WebMOutputFormat(),
    target: new StreamTarget(sink.writable, { chunked: true, chunkSize: 4 * 1024 * 1024 }),
  })
  const source = new VideoSampleSource({ codec: f.codec, quality: quality(plan.quality), keyFrameInterval: 2 })
  output.addVideoTrack(source, { frameRate: plan.fps })
  let held = false
  // "The view as it plays" of an autoplaying tour: the take holds autoplay off (the live overlay loop
  // must not step it), and steps it itself on stage time, frame by frame.
  const autoplay = plan.time === 'follow' && !schedule && useTour.getState().autoplay && useTour.getState().tour !== null
  try {
    progress.phase = 'preparing'
    report()
    holdView()
    held = true
    setRenderSize(plan.width, plan.height)
    await output.start()
    const dt = 1 / plan.fps
    const stage0 = stageTime.ms
    take.active = true
    if (plan.time === 'range' && !schedule) useClock.getState().seek(plan.fromMs)
    // A range runs at its own warp, so what the scene draws from the warp (the sled, its flash, a
    // launch glow's length) is the video's; releaseView gives the clock's warp back.
    const warp = takeWarp({ ...plan, tour: schedule })
    if (warp !== null) useClock.setState({ warp })
    // A turntable: the camera's offset from the focus at the first frame, turned about its up axis.
    const turn = plan.time === 'range' && !schedule && plan.camera?.kind === 'turntable' ? plan.camera.degrees : null
    const cam0 = turn === null ? null : viewCamera()
    const from0 = cam0?.position.clone()
    const up0 = cam0?.up.clone()
    let nextStart = 0
    progress.phase = 'rendering'
    let lastReport = 0
    for (let k = 0; k < plan.frames; k++) {
      if (o.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError')
      if (plan.time === 'range' && !schedule) setFrameTime(plan.fromMs + (k / plan.fps) * plan.warp * 1000)
      else if (k > 0) stepClock(dt) // warp or a tour's time ramp, for stage time stage₀ + k/fps
      stageTime.ms = stage0 + (k * 1000) / plan.fps
      take.elapsedMs = (k * 1000) / plan.fps
      if (schedule && nextStart < schedule.starts.length && schedule.starts[nextStart].frame === k) {
        // A chapter starts on this frame: its time, camera move and layers from this stage time on.
        const c = schedule.starts[nextStart++].chapter
        if (k === 0) useTour.getState().playTour(schedule.tour, c)
        else useTour.getState().goToChapter(c)
        // Let React commit what the chapter changed (focus, layers) before the frame is drawn.
        await nextTask()
        await nextTask()
      } else if (autoplay && autoplayStep()) {
        await nextTask()
        await nextTask()
      }
      if (cam0 && from0 && up0 && turn !== null) turntablePosition(from0, up0, turn, k, plan.frames, cam0.position)
      const tMs = simTime.tMs
      await awaitWorkers(tMs, o.signal)
      if (!drawFrame(dt)) throw new Error('The 3D view went away during the export.')
      const canvas = viewCanvas()
      if (!canvas) throw new Error('The 3D view went away during the export.')
      const src = plan.caption === null ? canvas : withCaption(canvas, captionFor(plan, tMs))
      // Captured in the same task as the draw: the drawing buffer still holds frame k.
      const frame = new VideoFrame(src, { timestamp: Math.round((k * 1e6) / plan.fps), duration: Math.round(1e6 / plan.fps) })
      const sample = new VideoSample(frame, { timestamp: k / plan.fps, duration: 1 / plan.fps })
      try {
        await source.add(sample)
      } finally {
        sample.close()
        frame.close()
      }
      progress.done = k + 1
      const now = performance.now()
      if (now - lastReport > 200 || k + 1 === plan.frames) {
        lastReport = now
        progress.fps = progress.done / Math.max(1e-3, (now - started) / 1000)
        progress.etaS = (plan.frames - progress.done) / Math.max(1e-6, progress.fps)
        progress.bytes = sink.bytes()
        report()
      }
    }
    progress.phase = 'finalizing'
    report()
    await output.finalize()
    progress.bytes = sink.bytes()
    report()
    take.active = false
    releaseView()
    held = false
    await sink.deliver(fileName, f.mime)
    return {
      frames: plan.frames,
      bytes: sink.bytes(),
      sink: sink.kind,
      sinkLabel: SINK_LABELS[sink.kind],
      fileName,
      wallS: (performance.now() - started) / 1000,
    }
  } catch (e) {
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => {})
    await sink.abort().catch(() => {})
    throw e
  } finally {
    take.active = false
    if (held) releaseView()
  }
}

/**
 * The Export panel: record a time range with the current camera, or the view as it plays (tours
 * included), to MP4 (H.264) or WebM (VP9, AV1 where the browser encodes it) at a size independent
 * of the window; a PNG still of the current view. Progress (frames, frames per second, time left),
 * Cancel at any point (the view comes back as it was), where the bytes go, and a clear message when
 * the browser cannot encode the choice. Recording itself: src/record/.
 */
import { useEffect, useState } from 'react'
import '../record/export.css'
import { canEncode, EXPORT_FPS, EXPORT_SIZES, FORMAT_IDS, FORMATS, type FormatId, isFormat, QUALITY_IDS, type QualityId } from '../record/formats'
import { installRecordHooks } from '../record/hooks'
import { EncodeUnsupportedError, type ExportPlan, exportFileName, isAbort, preparePlan, runExport } from '../record/recorder'
import { canPickFile, pickFile, plannedSink, removePickedFile, SINK_LABELS } from '../record/sinks'
import { maxStill, STILL_SIZES, takeStill } from '../record/still'
import { captionPlaceholder, EXPORT_PARAM_HELP, type ExportChoices, lengthUsed, parseExportParam, parseSize, useRecorder } from '../record/store'
import { parseIsoUtc, toIsoUtc } from '../sim/time'
import { simTime, useClock } from '../state/clock'
import { useUi } from '../state/ui'

installRecordHooks()

/** The plan the choices describe, or a sentence saying what is wrong with them. */
export function planFromChoices(c: ExportChoices): ExportPlan | string {
  const size = parseSize(c.size)
  if (!size) return `Size "${c.size}" is not like 1920x1080.`
  if (lengthUsed(c) && !(c.seconds > 0 && c.seconds <= 3600)) return 'The length must be from a fraction of a second to an hour.'
  const frames = Math.round(c.seconds * c.fps)
  const base = { width: size.w, height: size.h, fps: c.fps, format: c.format, quality: c.quality, frames, caption: c.captions ? c.captionText : null }
  if (c.what === 'follow') return { ...base, time: 'follow', fromMs: simTime.tMs, warp: useClock.getState().warp }
  if (c.what === 'range') {
    const from = c.fromIso.trim() ? parseIsoUtc(c.fromIso.trim()) : simTime.tMs
    if (from === null) return `From "${c.fromIso}" is not an ISO UTC time like 2030-06-21T12:00:00Z.`
    const to = c.toIso.trim() ? parseIsoUtc(c.toIso.trim()) : from + c.seconds * 1000 * useClock.getState().warp
    if (to === null) return `To "${c.toIso}" is not an ISO UTC time like 2030-06-21T12:00:00Z.`
    if (to === from) return 'From and To are the same instant.'
    if (c.camera === 'turntable' && !(c.turntableDeg !== 0 && Math.abs(c.turntableDeg) <= 3600))
      return 'The turntable angle must be a non-zero number of degrees, at most 3600.'
    const camera = c.camera === 'turntable' ? ({ kind: 'turntable', degrees: c.turntableDeg } as const) : ({ kind: 'current' } as const)
    return { ...base, time: 'range', fromMs: from, warp: (to - from) / 1000 / c.seconds, camera }
  }
  // A tour or one chapter: its own length unless a length is given for a chapter.
  const chapter = c.what === 'chapter' ? Math.max(0, Math.round(c.chapter) - 1) : null
  return {
    ...base,
    frames: c.what === 'chapter' && c.chapterSeconds ? frames : 0,
    time: 'follow',
    fromMs: simTime.tMs,
    warp: 1,
    tour: { id: c.tourId.trim() || 'default', chapter },
  }
}

/** The message for an export that failed or was cancelled. */
function failureText(e: unknown): { kind: 'info' | 'error'; text: string } {
  if (isAbort(e)) return { kind: 'info', text: 'Export cancelled; the view is as it was.' }
  if (e instanceof EncodeUnsupportedError) return { kind: 'error', text: e.message }
  return { kind: 'error', text: `Export failed: ${e instanceof Error ? e.message : String(e)}` }
}

/**
 * Starts an export from the panel's choices. The plan and the encoder are checked first (quick, well
 * within the click's user activation), so a refused choice never leaves a picked empty file; then the
 * save dialog, where there is one (it needs the click), suggesting the descriptive file name.
 */
export async function startExportFromPanel(): Promise<void> {
  const st = useRecorder.getState()
  if (st.running) return
  const asked = planFromChoices(st.choices)
  if (typeof asked === 'string') {
    useRecorder.setState({ message: { kind: 'error', text: asked } })
    return
  }
  let plan: ExportPlan
  try {
    plan = (await preparePlan(asked)).plan
  } catch (e) {
    useRecorder.setState({ message: failureText(e) })
    return
  }
  const f = FORMATS[plan.format]
  let picked: FileSystemFileHandle | null = null
  /** Why the save dialog could not open (the click's activation lapsed, a policy), said with the result. */
  let noDialog = ''
  if (canPickFile()) {
    try {
      picked = await pickFile(exportFileName(plan), f.mime, f.ext)
    } catch (e) {
      if (isAbort(e)) return // the user closed the dialog
      picked = null
      noDialog = `The save dialog could not open (${e instanceof Error ? e.message : String(e)}), so the video went elsewhere: `
    }
  }
  const controller = new AbortController()
  useRecorder.setState({ running: true, controller, message: null, progress: null })
  try {
    const r = await runExport(plan, { picked, signal: controller.signal, onProgress: (p) => useRecorder.setState({ progress: p }) })
    const mb = (r.bytes / 1e6).toFixed(1)
    useRecorder.setState({
      message: { kind: 'info', text: `${noDialog}Done: ${r.frames} frames, ${mb} MB in ${r.wallS.toFixed(1)} s, ${r.sinkLabel} (${r.fileName}).` },
    })
  } catch (e) {
    const m = failureText(e)
    // The file picked in the dialog holds nothing usable: remove it where the browser allows.
    if (picked) m.text += (await removePickedFile(picked)) ? ' The file you picked was removed.' : ' The file you picked is left empty or partial: delete it.'
    useRecorder.setState({ message: m })
    if (m.kind === 'error' && !(e instanceof EncodeUnsupportedError)) console.error('export failed', e)
  } finally {
    useRecorder.setState({ running: false, controller: null })
  }
}

export function cancelExport(): void {
  useRecorder.getState().controller?.abort()
}

/** What the panel says before an export about where the bytes will go (decided as src/record/sinks.ts decides). */
const SINK_BEFORE: Record<ReturnType<typeof plannedSink>, string> = {
  file: 'You choose the file; it is written as it is encoded.',
  opfs: "No file picker here: the video streams to the browser's private disk storage and downloads when done.",
  page: 'The video streams out of the page to the headless renderer.',
  memory: 'No file system access here: the video is held in memory and downloads when done (very long exports may not fit).',
}

function fmtEta(s: number): string {
  if (!Number.isFinite(s)) return '…'
  if (s < 90) return `${Math.round(s)} s`
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}

function Progress() {
  const p = useRecorder((s) => s.progress)
  const running = useRecorder((s) => s.running)
  if (!running || !p) return null
  const pct = p.total ? (100 * p.done) / p.total : 0
  return (
    <div className="export-progress" data-testid="export-progress">
      <progress max={p.total} value={p.done} />
      <div>
        {p.phase === 'rendering' ? `Frame ${p.done} / ${p.total} (${pct.toFixed(0)} %) · ${p.fps.toFixed(1)} frames/s · ${fmtEta(p.etaS)} left` : `${p.phase}…`}
      </div>
      {p.sink && (
        <div className="muted">
          {(p.bytes / 1e6).toFixed(1)} MB {SINK_LABELS[p.sink]}
        </div>
      )}
    </div>
  )
}

export function ExportPanel() {
  const open = useRecorder((s) => s.open)
  const c = useRecorder((s) => s.choices)
  const running = useRecorder((s) => s.running)
  const message = useRecorder((s) => s.message)
  const choose = useRecorder((s) => s.choose)
  // Open (and preset) from a deep link: ?export=1 or ?export=1920x1080,30,webm.
  useEffect(() => {
    const q = new URLSearchParams(location.search).get('export')
    if (q === null) return
    // Only what the panel offers is taken; anything else is named in a notice and left out.
    const { preset, bad } = parseExportParam(q)
    if (bad.length) useUi.getState().notify(`Link: export=: ${bad.join('; ')}; not applied. ${EXPORT_PARAM_HELP}.`, 'warn', 15000)
    useRecorder.getState().choose(preset)
    useRecorder.setState({ open: true })
  }, [])
  // Which formats this browser encodes at the chosen size and rate (VideoEncoder.isConfigSupported).
  const [unsupported, setUnsupported] = useState<readonly FormatId[]>([])
  useEffect(() => {
    if (!open) return
    const size = parseSize(c.size)
    if (!size) return
    let live = true
    void Promise.all(FORMAT_IDS.map((f) => canEncode(f, size.w, size.h, c.fps))).then((ok) => {
      if (live) setUnsupported(FORMAT_IDS.filter((_, i) => !ok[i]))
    })
    return () => {
      live = false
    }
  }, [open, c.size, c.fps])
  if (!open) return null
  const still = maxStill()
  return (
    <section className="export panel" aria-label="Export" data-testid="export-panel">
      <header>
        <h2>Export</h2>
        <button onClick={() => useRecorder.setState({ open: false })} disabled={running} aria-label="Close the export panel">
          ×
        </button>
      </header>
      <fieldset disabled={running}>
        <label>
          Record
          <select value={c.what} onChange={(e) => choose({ what: e.target.value as ExportChoices['what'] })} data-testid="export-what">
            <option value="range">a time range, current camera</option>
            <option value="follow">the view as it plays</option>
            <option value="tour">a whole tour</option>
            <option value="chapter">one chapter of a tour</option>
          </select>
        </label>
        {c.what === 'range' && (
          <>
            <label>
              From
              <input value={c.fromIso} placeholder={toIsoUtc(simTime.tMs)} onChange={(e) => choose({ fromIso: e.target.value })} data-testid="export-from" />
            </label>
            <label>
              To
              <input value={c.toIso} placeholder="from + length × warp" onChange={(e) => choose({ toIso: e.target.value })} data-testid="export-to" />
            </label>
            <label>
              Camera
              <select
                value={c.camera}
                onChange={(e) => choose({ camera: e.target.value === 'turntable' ? 'turntable' : 'current' })}
                data-testid="export-camera"
              >
                <option value="current">held where it is</option>
                <option value="turntable">turntable about the focus</option>
              </select>
            </label>
            {c.camera === 'turntable' && (
              <label>
                Turn (°)
                <input
                  type="number"
                  step={15}
                  value={c.turntableDeg}
                  onChange={(e) => choose({ turntableDeg: Number(e.target.value) })}
                  data-testid="export-turn"
                />
              </label>
            )}
          </>
        )}
        {(c.what === 'tour' || c.what === 'chapter') && (
          <label>
            Tour
            <input value={c.tourId} onChange={(e) => choose({ tourId: e.target.value })} data-testid="export-tour" />
          </label>
        )}
        {c.what === 'chapter' && (
          <>
            <label>
              Chapter (from 1)
              <input
                type="number"
                min={1}
                step={1}
                value={c.chapter}
                onChange={(e) => choose({ chapter: Number(e.target.value) })}
                data-testid="export-chapter"
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={c.chapterSeconds} onChange={(e) => choose({ chapterSeconds: e.target.checked })} />
              Only the first seconds (the length below)
            </label>
          </>
        )}
        <label title={lengthUsed(c) ? undefined : 'A tour, or a chapter not cut short, runs its own length'}>
          Length (s)
          <input
            type="number"
            min={0.1}
            step={0.1}
            value={c.seconds}
            disabled={!lengthUsed(c)}
            onChange={(e) => choose({ seconds: Number(e.target.value) })}
            data-testid="export-seconds"
          />
        </label>
        {c.what === 'follow' && <p className="muted">An autoplaying tour moves on to its next chapter during the take, as it would live.</p>}
        <label>
          Size
          <select value={c.size} onChange={(e) => choose({ size: e.target.value })} data-testid="export-size">
            {EXPORT_SIZES.map((s) => (
              <option key={s.label} value={`${s.w}x${s.h}`}>
                {s.w}×{s.h} ({s.label})
              </option>
            ))}
          </select>
        </label>
        <label>
          Frame rate
          <select value={c.fps} onChange={(e) => choose({ fps: Number(e.target.value) })} data-testid="export-fps">
            {EXPORT_FPS.map((f) => (
              <option key={f} value={f}>
                {f} fps
              </option>
            ))}
          </select>
        </label>
        <label>
          Format
          <select value={c.format} onChange={(e) => isFormat(e.target.value) && choose({ format: e.target.value })} data-testid="export-format">
            {FORMAT_IDS.map((f) => (
              <option key={f} value={f}>
                {FORMATS[f].label}
                {unsupported.includes(f) ? ' (not in this browser at this size)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Quality
          <select value={c.quality} onChange={(e) => choose({ quality: e.target.value as QualityId })} data-testid="export-quality">
            {QUALITY_IDS.map((q) => (
              <option key={q} value={q}>
                {q.replace('-', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={c.captions} onChange={(e) => choose({ captions: e.target.checked })} data-testid="export-captions" />
          Burn in a caption
        </label>
        {c.captions && <input value={c.captionText} placeholder={captionPlaceholder(c.what)} onChange={(e) => choose({ captionText: e.target.value })} />}
      </fieldset>
      <p className="muted">{SINK_BEFORE[plannedSink()]} The panels are never in the picture.</p>
      <div className="export-actions">
        {running ? (
          <button onClick={cancelExport} data-testid="export-cancel">
            Cancel
          </button>
        ) : (
          <button className="on" onClick={() => void startExportFromPanel()} data-testid="export-start">
            Export video
          </button>
        )}
      </div>
      <Progress />
      {message && (
        <p
          className={message.kind === 'error' ? 'export-error' : 'export-info'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="export-message"
        >
          {message.text}
        </p>
      )}
      <hr />
      <div className="export-actions">
        <select value={c.stillSize} onChange={(e) => choose({ stillSize: e.target.value })} disabled={running} data-testid="still-size">
          {STILL_SIZES.filter((s) => s.w <= still.w).map((s) => (
            <option key={s.w} value={`${s.w}x${s.h}`}>
              {s.w}×{s.h}
            </option>
          ))}
        </select>
        <button onClick={() => void takeStill()} disabled={running} title="PNG still of the current view (I)" data-testid="still-take">
          PNG still (I)
        </button>
      </div>
    </section>
  )
}

/**
 * The presenter view (`?presenter=1`, opened by P): a second window on the laptop's own screen with
 * the current and next chapter, the speaker notes, the time of day and the time since the tour
 * started. It holds no simulation: it mirrors the stage window over a BroadcastChannel and sends
 * its clicker keys and buttons back, so advancing from either window moves both.
 */
import { useEffect, useRef, useState } from 'react'
import { type CaptionToPresenter, PRESENTER_CHANNEL, type PresenterToStage, type StageToPresenter } from '../present/presenterChannel'

const pad = (n: number) => String(n).padStart(2, '0')
function hms(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`
}

export function PresenterView() {
  const [state, setState] = useState<StageToPresenter | null>(null)
  const [caption, setCaption] = useState<{ chapter: number; line: string } | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const channel = useRef<BroadcastChannel | null>(null)
  const send = (m: PresenterToStage) => channel.current?.postMessage(m)

  useEffect(() => {
    document.title = 'Terawatt: presenter view'
    const ch = new BroadcastChannel(PRESENTER_CHANNEL)
    channel.current = ch
    ch.onmessage = (e: MessageEvent<StageToPresenter | CaptionToPresenter>) => {
      if (e.data?.type === 'state') setState(e.data)
      if (e.data?.type === 'caption') setCaption({ chapter: e.data.chapter, line: e.data.line })
    }
    ch.postMessage({ type: 'hello' } satisfies PresenterToStage)
    // A wall clock for the speaker (not motion on stage): once a second.
    const id = setInterval(() => setNow(Date.now()), 1000)
    const onKey = (e: KeyboardEvent) => {
      const m: PresenterToStage | null =
        e.key === 'PageDown' || e.key === 'ArrowRight' || e.key === ' '
          ? { type: 'next' }
          : e.key === 'PageUp' || e.key === 'ArrowLeft'
            ? { type: 'prev' }
            : e.key === 'b' || e.key === 'B' || e.key === '.'
              ? { type: 'blank', blank: 'black' }
              : e.key === 'w' || e.key === 'W'
                ? { type: 'blank', blank: 'white' }
                : null
      if (!m) return
      e.preventDefault()
      ch.postMessage(m)
    }
    window.addEventListener('keydown', onKey)
    return () => {
      clearInterval(id)
      window.removeEventListener('keydown', onKey)
      ch.close()
    }
  }, [])

  const cur = state?.chapters[state.chapter]
  const next = state?.chapters[state.chapter + 1]
  return (
    <main className="presenter" data-testid="presenter-view">
      <header>
        <span className="brand">TERAWATT · presenter view</span>
        <span className="presenter-clock" data-testid="presenter-clock">
          {new Date(now).toTimeString().slice(0, 8)}
        </span>
        <span className="presenter-elapsed" title="Since the tour started" data-testid="presenter-elapsed">
          {state?.tourTitle ? hms(now - state.startedAtWallMs) : '–'}
        </span>
      </header>
      {!state?.tourTitle ? (
        <section className="presenter-idle">
          <p>{state ? 'No tour is running on the stage window.' : 'Waiting for the stage window (open Terawatt in another window of this browser)…'}</p>
          <button type="button" onClick={() => send({ type: 'start' })} data-testid="presenter-start">
            Start the tour
          </button>
        </section>
      ) : (
        <div className="presenter-body">
          <section className="presenter-current">
            <h2>
              <span data-testid="presenter-chapter">{state.chapter + 1}</span> / {state.chapters.length} ·{' '}
              <span data-testid="presenter-title">{cur?.title}</span>
            </h2>
            <p className="presenter-caption" data-testid="presenter-caption">
              {caption && caption.chapter === state.chapter ? caption.line : cur?.caption}
            </p>
            <p className="presenter-notes" data-testid="presenter-notes">
              {cur?.notes}
            </p>
          </section>
          <aside className="presenter-next">
            <h3>Next</h3>
            <p data-testid="presenter-next">{next ? `${state.chapter + 2}. ${next.title}` : 'End of the tour'}</p>
            <div className="presenter-buttons">
              <button type="button" onClick={() => send({ type: 'prev' })} data-testid="presenter-prev">
                ◀ Back
              </button>
              <button type="button" onClick={() => send({ type: 'next' })} data-testid="presenter-advance">
                Next ▶
              </button>
              <button type="button" className={state.blank === 'black' ? 'on' : ''} onClick={() => send({ type: 'blank', blank: 'black' })}>
                Black
              </button>
              <button type="button" onClick={() => send({ type: 'autoplay', on: !state.autoplay })} className={state.autoplay ? 'on' : ''}>
                Autoplay
              </button>
              <button type="button" onClick={() => send({ type: 'stop' })}>
                End tour
              </button>
            </div>
            <ol className="presenter-list">
              {state.chapters.map((c, i) => (
                <li key={c.title} className={i === state.chapter ? 'on' : ''}>
                  <button type="button" onClick={() => send({ type: 'go', chapter: i })}>
                    {c.title}
                  </button>
                </li>
              ))}
            </ol>
          </aside>
        </div>
      )}
    </main>
  )
}

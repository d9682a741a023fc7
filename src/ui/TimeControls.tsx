/** Play/pause, slower/faster, reverse and "now", plus the timeline scrubber (moved by the overlay loop). */
import { useRef } from 'react'
import { nowInHorizon, simTime, useClock } from '../state/clock'
import { formatWarp } from './format'
import { useOverlayFrame } from './overlayLoop'
import { useViewportRem } from './useViewportRem'

export function TimeControls() {
  const playing = useClock((s) => s.playing)
  const warp = useClock((s) => s.warp)
  const start = useClock((s) => s.horizonStartMs)
  const end = useClock((s) => s.horizonEndMs)
  const range = useRef<HTMLInputElement>(null)
  const dragging = useRef(false)
  /** The value last written (ms); the thumb moves only when it changes by a pixel's worth or more. */
  const shown = useRef(NaN)
  const c = useClock.getState()
  // Year ticks a label's width apart (about 4 rem each) on the timeline's share of the window.
  const maxTicks = Math.max(2, Math.floor((useViewportRem() - 22) / 4.5))

  useOverlayFrame((tMs) => {
    const el = range.current
    if (!el || dragging.current) return
    // A 1280 px bar over decades: one pixel is days of sim time. Writing the value (a string) every
    // frame re-lays the slider; write when the thumb would move by at least 1/2000 of the bar.
    if (Math.abs(tMs - shown.current) * 2000 < end - start) return
    shown.current = tMs
    el.value = String(Math.round(tMs))
  })

  const years: number[] = []
  const y0 = new Date(start).getUTCFullYear(),
    y1 = new Date(end).getUTCFullYear()
  const stepY = [5, 10, 20, 25, 50, 100].find((st) => (y1 - y0) / st <= maxTicks) ?? 100
  for (let y = Math.ceil(y0 / stepY) * stepY; y <= y1; y += stepY) years.push(y)

  return (
    <div className="time-controls panel" data-testid="time-controls">
      <div className="buttons">
        <button onClick={c.reverse} title="Reverse time (R)" aria-label="Reverse" className={warp < 0 ? 'on' : ''}>
          ⇄
        </button>
        <button onClick={c.slower} title="Slower ([ or ,)" aria-label="Slower">
          «
        </button>
        <button onClick={c.toggle} title="Play / pause (Space)" aria-label={playing ? 'Pause' : 'Play'} data-testid="play" className="play">
          {playing ? '❚❚' : '▶'}
        </button>
        <button onClick={c.faster} title="Faster (] or .)" aria-label="Faster">
          »
        </button>
        <span className="warp" data-testid="warp" title="Sim time per real second">
          {formatWarp(warp)}
        </span>
        <button onClick={() => c.seek(nowInHorizon())} title="Jump to now (N)" className="now">
          Now
        </button>
      </div>
      <div className="timeline">
        <input
          ref={range}
          type="range"
          min={start}
          max={end}
          step={1}
          defaultValue={simTime.tMs}
          aria-label="Timeline"
          data-testid="timeline"
          onPointerDown={() => (dragging.current = true)}
          onPointerUp={() => (dragging.current = false)}
          onInput={(e) => c.seek(Number((e.target as HTMLInputElement).value))}
        />
        <div className="ticks">
          {years.map((y) => (
            <span key={y} style={{ left: `${((Date.UTC(y, 0, 1) - start) / (end - start)) * 100}%` }}>
              {y}
            </span>
          ))}
        </div>
      </div>
    </div>
  )
}

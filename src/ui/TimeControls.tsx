/** Play/pause, slower/faster, reverse and "now", plus the timeline scrubber. */
import { useRef } from 'react'
import { nowInHorizon, simTime, useClock } from '../state/clock'
import { formatWarp } from './format'
import { useRafLoop } from './useRafLoop'

export function TimeControls() {
  const playing = useClock((s) => s.playing)
  const warp = useClock((s) => s.warp)
  const start = useClock((s) => s.horizonStartMs)
  const end = useClock((s) => s.horizonEndMs)
  const range = useRef<HTMLInputElement>(null)
  const dragging = useRef(false)
  const c = useClock.getState()

  useRafLoop(() => {
    if (range.current && !dragging.current) {
      const v = String(Math.round(simTime.tMs))
      if (range.current.value !== v) range.current.value = v
    }
  })

  const years: number[] = []
  const y0 = new Date(start).getUTCFullYear(), y1 = new Date(end).getUTCFullYear()
  const stepY = y1 - y0 > 40 ? 10 : 5
  for (let y = Math.ceil(y0 / stepY) * stepY; y <= y1; y += stepY) years.push(y)

  return (
    <div className="time-controls panel" data-testid="time-controls">
      <div className="buttons">
        <button onClick={c.reverse} title="Reverse time (R)" aria-label="Reverse" className={warp < 0 ? 'on' : ''}>⇄</button>
        <button onClick={c.slower} title="Slower ([ or ,)" aria-label="Slower">«</button>
        <button onClick={c.toggle} title="Play / pause (Space)" aria-label={playing ? 'Pause' : 'Play'} data-testid="play" className="play">
          {playing ? '❚❚' : '▶'}
        </button>
        <button onClick={c.faster} title="Faster (] or .)" aria-label="Faster">»</button>
        <span className="warp" data-testid="warp" title="Sim time per real second">{formatWarp(warp)}</span>
        <button onClick={() => c.seek(nowInHorizon())} title="Jump to now (N)" className="now">Now</button>
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
            <span key={y} style={{ left: `${((Date.UTC(y, 0, 1) - start) / (end - start)) * 100}%` }}>{y}</span>
          ))}
        </div>
      </div>
    </div>
  )
}

/**
 * The Kardashev gauge: a log scale of power from 1 GW to the whole Sun (3.828e26 W) with the story's
 * landmarks (Earth's data centres 47 GW, 1 TW, humanity 19.6 TW, the sunlight Earth intercepts, 1 % and
 * 3 % of the Sun; SOURCES §4–5, src/sim/kardashev.ts). The needle is the power the scenario adds
 * (orbital compute, the Moon's solar power, the swarm around the Sun) from the yearly rows (src/sim/story/yearly.ts),
 * interpolated in log between year ends, so it travels across decades as the scenario runs; a second,
 * dashed needle is the compared scenario. K is Sagan's index of humanity's power plus that, printed
 * with as many decimals as the horizon needs for its digits to change. Written from the overlay loop,
 * only when a pixel or a digit changes; never through React state.
 */
import { useRef } from 'react'
import { EARTH_DATA_CENTRES_W } from '../sim/constellation/metrics'
import { SUN_LUMINOSITY_W } from '../sim/constants'
import { EARTH_INTERCEPTED_SUNLIGHT_W, HUMANITY_POWER_W, KARDASHEV_LANDMARKS } from '../sim/kardashev'
import type { YearRow } from '../sim/story/yearly'
import { rowAt, spacePowerW, useStory } from '../state/story'
import { sci, si } from './format'
import { setText, useOverlayText } from './overlayLoop'
import './story/gauge.css'

const LOG_MIN = 9 // 1 GW
const LOG_MAX = Math.log10(SUN_LUMINOSITY_W)
/** Where a power sits on the scale, 0–1. */
const at = (powerW: number) => (powerW > 0 ? Math.min(1, Math.max(0, (Math.log10(powerW) - LOG_MIN) / (LOG_MAX - LOG_MIN))) : 0)

const sourceOf = (id: string, fallback: string) => KARDASHEV_LANDMARKS.find((m) => m.id === id)?.source ?? fallback

/** Landmarks: short tick label, full title with its source. */
const MARKS = [
  { id: 'data-centres', short: 'Data centres', title: "All of Earth's data centres, 47 GW (IEA 2024, SOURCES §5)", powerW: EARTH_DATA_CENTRES_W },
  { id: 'terawatt', short: '1 TW', title: `A terawatt (${sourceOf('terawatt-year', 'SOURCES §4')})`, powerW: 1e12 },
  { id: 'humanity', short: 'Humanity', title: `Humanity today, 19.6 TW (${sourceOf('humanity', 'SOURCES §5')})`, powerW: HUMANITY_POWER_W },
  {
    id: 'earth-sunlight',
    short: "Earth's sunlight",
    title: `All sunlight reaching Earth, 1.74e17 W (${sourceOf('earth-sunlight', 'SOURCES §5')})`,
    powerW: EARTH_INTERCEPTED_SUNLIGHT_W,
  },
  { id: 'percent-sun', short: '1 %', title: '1 % of the Sun’s output (IAU 2015 B3 L☉, SOURCES §5)', powerW: SUN_LUMINOSITY_W * 0.01 },
  { id: 'few-percent-sun', short: '3 %', title: `3 % of the Sun (${sourceOf('few-percent-sun', 'SOURCES §4–5')})`, powerW: SUN_LUMINOSITY_W * 0.03 },
]

/** Scale width in rem (the left column's panel width less padding) and a label's width estimate. */
const SCALE_REM = 16.5
const labelRem = (s: string) => s.length * 0.55 + 0.3

/**
 * Label placement without overlaps: each label runs right from its tick in the scale's left half and
 * left from it in the right half, on the first row (above, below, further below) where it fits.
 */
const PLACED = (() => {
  const ends: number[] = []
  return MARKS.map((m) => {
    const x = at(m.powerW) * SCALE_REM
    const w = labelRem(m.short)
    const right = x < SCALE_REM / 2
    const [a, b] = right ? [x, x + w] : [x - w, x]
    let level = 0
    while (level < ends.length && ends[level] > a) level++
    ends[level] = b
    return { ...m, pos: `${(at(m.powerW) * 100).toFixed(2)}%`, level, right }
  })
})()
const LEVELS = Math.max(...PLACED.map((m) => m.level)) + 1

/** Decimals of K for its digits to change over the rows (at least 3, at most 6). */
function kDecimals(rows: readonly YearRow[]): number {
  if (rows.length < 2) return 4
  const span = Math.abs(rows[rows.length - 1].kardashev - rows[0].kardashev)
  return span > 0 ? Math.min(6, Math.max(3, Math.ceil(-Math.log10(span / 100)))) : 4
}

const scratch = { i: 0, f: 0 }

/** Power in space at tMs from rows and their instants: log-linear between year ends. */
function powerAt(rows: readonly YearRow[], starts: Float64Array, tMs: number): number {
  if (rows.length === 0) return NaN
  rowAt(starts, tMs, scratch)
  const p0 = spacePowerW(rows[scratch.i])
  if (scratch.f === 0 || scratch.i + 1 >= rows.length) return p0
  const p1 = spacePowerW(rows[scratch.i + 1])
  return p0 > 0 && p1 > 0 ? p0 * (p1 / p0) ** scratch.f : p0 + (p1 - p0) * scratch.f
}

export function KardashevGauge() {
  const kRef = useRef<HTMLSpanElement>(null)
  const powerRef = useRef<HTMLSpanElement>(null)
  const sunRef = useRef<HTMLSpanElement>(null)
  const needle = useRef<HTMLDivElement>(null)
  const needleB = useRef<HTMLDivElement>(null)
  const fill = useRef<HTMLDivElement>(null)
  const shown = useRef({ rows: null as unknown, compare: null as unknown, decimals: 4, px: NaN, pxB: NaN, kSteps: NaN })
  useOverlayText((tMs) => {
    const st = useStory.getState()
    const l = shown.current
    const rows = st.rows
    if (rows.length === 0) return
    if (rows !== l.rows) {
      l.rows = rows
      l.decimals = kDecimals(rows)
      l.px = NaN
      l.kSteps = NaN
    }
    // The figures at the sim instant (one reused object: read at once); live during the first year.
    const now = st.at(tMs)
    const p = now.powerW
    const k = now.kardashev
    const sun = now.fractionOfSun
    // Tenths of a percent of the scale: the needle moves when a pixel might.
    const px = Math.round(at(p) * 1000)
    if (px !== l.px) {
      l.px = px
      const left = `${px / 10}%`
      if (needle.current) needle.current.style.left = left
      if (fill.current) fill.current.style.width = left
    }
    // K in steps of its last printed digit: compared as a number, formatted only when it moves.
    const kSteps = Math.round(k * 10 ** l.decimals)
    if (kSteps !== l.kSteps) {
      l.kSteps = kSteps
      setText(kRef.current, k.toFixed(l.decimals))
      setText(powerRef.current, si(p, 'W'))
      setText(sunRef.current, sci(sun))
    }
    const b = needleB.current
    if (!b) return
    const rb = st.comparison ? st.compareRows : null
    const pxB = rb && rb.length === rows.length ? Math.round(at(powerAt(rb, st.rowStartMs, tMs)) * 1000) : -1
    if (pxB !== l.pxB) {
      l.pxB = pxB
      b.style.display = pxB < 0 ? 'none' : ''
      if (pxB >= 0) b.style.left = `${pxB / 10}%`
    }
  })
  return (
    <div className="kardashev panel" data-testid="kardashev">
      <h3 title="Sagan: K = (log₁₀ P − 6) / 10, P in watts: humanity's 19.6 TW plus what the scenario adds (SOURCES §5). The scale: power added, log, 1 GW to the whole Sun.">
        Kardashev scale
      </h3>
      <div className="kardashev-value">
        K{' '}
        <span ref={kRef} data-testid="kardashev-k">
          –
        </span>
        <span className="kardashev-added" title="Power the scenario adds to humanity's: orbital compute + the Moon's solar power + the swarm around the Sun">
          {' +'}
          <span ref={powerRef} data-testid="kardashev-power">
            –
          </span>
        </span>
      </div>
      <div className="kardashev-detail muted" title="The share of the Sun's output (3.828e26 W) the swarm intercepts">
        Swarm: <span ref={sunRef}>–</span> of the Sun
      </div>
      <div className="kardashev-scale" style={{ marginTop: `${1.5}rem`, marginBottom: `${(LEVELS - 1) * 1.35 + 0.3}rem` }}>
        <div className="kardashev-fill" ref={fill} />
        {PLACED.map((m) => (
          <div key={m.id} className="kardashev-mark" style={{ left: m.pos }} title={m.title}>
            <span className={`level-${m.level} ${m.right ? 'right' : 'left'}`}>{m.short}</span>
          </div>
        ))}
        <div className="kardashev-needle b" ref={needleB} style={{ display: 'none' }} data-testid="kardashev-needle-b" />
        <div className="kardashev-needle" ref={needle} data-testid="kardashev-needle" />
      </div>
    </div>
  )
}

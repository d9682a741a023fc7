/**
 * One story chart: yearly rows over the horizon (src/sim/story/yearly.ts, from the worker) drawn
 * with uPlot, with the compared scenario's rows dashed on the same axes. Log scales where values
 * span decades (zeros are gaps there). Pressing or dragging on the plot moves sim time there
 * (useClock.seek); the sim time shows as a vertical line moved from the overlay loop (a transform
 * written only when its pixel changes: no React render per frame). Axis labels are drawn at the
 * root font size (1rem ≥ 14 px), so they read at 1×.
 */
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { YearRow } from '../sim/story/yearly'
import { yearStartMs } from '../sim/time'
import { useClock } from '../state/clock'
import { fractionalYear, rowX } from '../state/story'
import { useOverlayFrame } from './overlayLoop'
import { axisValue } from './story/chartFormat'

/** The fields of a row that are numbers (what a chart can plot). */
export type RowField = { [K in keyof YearRow]: YearRow[K] extends number ? K : never }[keyof YearRow]

export interface ChartSpec {
  id: string
  title: string
  /** SI unit for the axis ('' for counts, 'sun' for a fraction of the Sun, 'K' for the Kardashev index). */
  unit: string
  log: boolean
  series: { key: RowField; label: string; color: string }[]
  /** One sentence under the title: what is plotted and where it comes from. */
  note: string
}

const HEIGHT_REM = 9.5

const rootFontPx = (): number => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 14

/** Sim time (UTC ms) of a fractional calendar year. */
function msOfYear(year: number): number {
  const y = Math.floor(year)
  const a = yearStartMs(y)
  return a + (year - y) * (yearStartMs(y + 1) - a)
}

const decades = (_u: uPlot, splits: number[]) => splits.map((v) => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? v : null))

/** A row's value for a chart: on a log scale zeros and negatives are gaps (null). */
function column(rows: readonly YearRow[], key: RowField, log: boolean, years: readonly number[]): (number | null)[] {
  const byYear = new Map<number, number>()
  for (const r of rows) byYear.set(rowX(r), r[key])
  return years.map((y) => {
    const v = byYear.get(y)
    return v === undefined || !Number.isFinite(v) || (log && v <= 0) ? null : v
  })
}

export function GrowthChart({
  spec,
  rows,
  compareRows,
  compareName,
}: {
  spec: ChartSpec
  rows: YearRow[]
  compareRows: YearRow[]
  compareName: string | null
}) {
  const box = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const line = useRef<HTMLDivElement | null>(null)
  const shownPx = useRef(NaN)
  useEffect(() => {
    const el = box.current
    if (!el || rows.length === 0) return
    const fontPx = rootFontPx()
    const font = `${fontPx}px Inter, system-ui, sans-serif`
    const years = rows.map(rowX)
    const data: uPlot.AlignedData = [years, ...spec.series.map((s) => column(rows, s.key, spec.log, years))]
    const series: uPlot.Series[] = [{ label: 'Year' }, ...spec.series.map((s) => ({ label: s.label, stroke: s.color, width: 2 }))]
    if (compareRows.length > 0) {
      for (const s of spec.series) {
        data.push(column(compareRows, s.key, spec.log, years))
        series.push({ label: `${s.label} (${compareName ?? 'compared'})`, stroke: s.color, width: 2, dash: [6, 5], alpha: 0.85 })
      }
    }
    const axis = { stroke: '#a9b6c8', font, grid: { stroke: 'rgba(140,170,220,0.13)', width: 1 }, ticks: { stroke: 'rgba(140,170,220,0.3)', width: 1 } }
    const opts: uPlot.Options = {
      width: el.clientWidth || 300,
      height: HEIGHT_REM * fontPx,
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false }, y: false },
      scales: {
        x: { time: false },
        y: spec.log
          ? { distr: 3, log: 10, range: (_u, min, max) => (min == null || max == null ? [1, 10] : uPlot.rangeLog(min, max, 10, true)) }
          : { range: (_u, min, max) => (min == null || max == null ? [0, 1] : min === max ? [min - 0.01, max + 0.01] : [min, max + (max - min) * 0.05]) },
      },
      axes: [
        { ...axis, values: (_u, v) => v.map((y) => String(Math.round(y))), size: fontPx * 2.2 },
        {
          ...axis,
          values: (_u, v) => v.map((y) => (y == null ? '' : axisValue(y, spec.unit))),
          size: fontPx * 5.4,
          // Log scales: a label, tick and grid line per decade only (uPlot draws 1–9 within each by default).
          ...(spec.log ? { filter: decades, grid: { ...axis.grid, filter: decades }, ticks: { ...axis.ticks, filter: decades } } : {}),
        },
      ],
      series,
    }
    const u = new uPlot(opts, data, el)
    plot.current = u
    const ln = document.createElement('div')
    ln.className = 'story-time'
    ln.dataset.testid = `chart-time-${spec.id}`
    u.over.appendChild(ln)
    line.current = ln
    shownPx.current = NaN
    let dragging = false
    const seek = (e: PointerEvent) => {
      const x = e.clientX - u.over.getBoundingClientRect().left
      useClock.getState().seek(msOfYear(u.posToVal(x, 'x')))
    }
    const down = (e: PointerEvent) => {
      dragging = true
      u.over.setPointerCapture(e.pointerId)
      seek(e)
    }
    const move = (e: PointerEvent) => dragging && seek(e)
    const up = () => {
      dragging = false
    }
    u.over.addEventListener('pointerdown', down)
    u.over.addEventListener('pointermove', move)
    u.over.addEventListener('pointerup', up)
    u.over.addEventListener('pointercancel', up)
    const ro = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientWidth !== u.width) u.setSize({ width: el.clientWidth, height: HEIGHT_REM * rootFontPx() })
      shownPx.current = NaN
    })
    ro.observe(el)
    return () => {
      ro.disconnect()
      u.destroy()
      plot.current = null
      line.current = null
    }
  }, [spec, rows, compareRows, compareName])
  useOverlayFrame((tMs) => {
    const u = plot.current
    const ln = line.current
    if (!u || !ln) return
    const px = Math.round(u.valToPos(fractionalYear(tMs), 'x'))
    if (px === shownPx.current) return
    shownPx.current = px
    ln.style.transform = `translateX(${px}px)`
  })
  return (
    <figure
      className="story-chart"
      data-testid={`chart-${spec.id}`}
      data-series={spec.series.length * (compareRows.length > 0 ? 2 : 1)}
      data-last={rows.length ? String(rows[rows.length - 1][spec.series[0].key]) : ''}
    >
      <figcaption title={spec.note}>
        <span className="story-chart-title">{spec.title}</span>
        {spec.series.length > 1 &&
          spec.series.map((s) => (
            <span key={s.key} className="story-key" style={{ color: s.color }}>
              {s.label}
            </span>
          ))}
      </figcaption>
      <div ref={box} className="story-plot" />
    </figure>
  )
}

/** The deep-space window log (src/sim/massDriver/windowLog.ts): figures by binary search, held to a linear scan; memory to 2200. */
import { describe, expect, it } from 'vitest'
import { OUTCOMES, type ShotOutcome } from '../../src/sim/massDriver/shot'
import { DEFAULT_WINDOW_MS } from '../../src/sim/massDriver/swarm'
import { WindowLog, type WindowFigures } from '../../src/sim/massDriver/windowLog'

const W = DEFAULT_WINDOW_MS

/** A deterministic log: windows from 2040 with gaps (no shots) and every outcome. */
function filled(n: number, keepRows = true): { log: WindowLog; rows: { index: number; shots: number; outcome: ShotOutcome }[] } {
  const log = new WindowLog(W)
  const rows: { index: number; shots: number; outcome: ShotOutcome }[] = []
  let index = Date.UTC(2040, 0, 1) / W,
    seed = 12345
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    index += 1 + (seed % 3 === 0 ? 2 : 0)
    const row = { index, shots: 1 + (seed % 2000), outcome: OUTCOMES[(seed >>> 8) % OUTCOMES.length] }
    if (keepRows) rows.push(row)
    log.add(row.index, row.shots, row.outcome)
  }
  return { log, rows }
}

function linearFigures(rows: { index: number; shots: number; outcome: ShotOutcome }[], tMs: number): WindowFigures {
  const out: WindowFigures = { shots: 0, deepSpacePayloads: 0, outcomes: { impact: 0, 'lunar-orbit': 0, 'earth-orbit': 0, l2: 0, heliocentric: 0 } }
  for (const r of rows) {
    const start = r.index * W
    if (start > tMs) break
    const launched = Math.min(r.shots, Math.max(0, Math.floor(((tMs - start) / W) * r.shots + 0.5)))
    out.shots += launched
    if (r.outcome !== 'impact') out.deepSpacePayloads += launched
    out.outcomes[r.outcome] += launched
  }
  return out
}

describe('WindowLog', () => {
  it('cumulative figures at any instant equal a linear scan over the windows', () => {
    const { log, rows } = filled(3000)
    const first = rows[0].index * W,
      last = rows[rows.length - 1].index * W + W
    let checked = 0
    for (let k = 0; k <= 400; k++) {
      const t = first - W + ((last - first + 2 * W) * k) / 400
      expect(log.figuresAt(t)).toEqual(linearFigures(rows, t))
      checked++
    }
    expect(checked).toBe(401)
    expect(log.find(rows[1234].index)).toBe(1234)
    expect(log.find(rows[1234].index + 0.5)).toBe(-1)
    expect(log.find(rows[0].index - 1)).toBe(-1)
    expect(log.totalShots).toBe(rows.reduce((a, r) => a + r.shots, 0))
  })

  it('every 6 h window from 2040 to 2200 fits in a few tens of MB and is searched in microseconds', () => {
    const n = Math.round(((Date.UTC(2200, 0, 1) - Date.UTC(2040, 0, 1)) / W) * 0.75) // gaps: ~¾ of the windows
    const heap0 = process.memoryUsage().heapUsed
    const { log } = filled(n, false)
    const mb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20
    const t0 = performance.now()
    for (let k = 0; k < 10000; k++) log.figuresAt(Date.UTC(2040, 0, 1) + k * 5e8)
    const us = ((performance.now() - t0) / 10000) * 1000
    console.log(`${n.toLocaleString('en-US')} windows to 2200 of the log: heap +${mb.toFixed(1)} MB; figuresAt ${us.toFixed(2)} µs`)
    expect(log.length).toBe(n)
    expect(mb).toBeLessThan(100)
    expect(us).toBeLessThan(100)
  })
})

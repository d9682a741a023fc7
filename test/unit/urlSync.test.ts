/**
 * The address bar's cadence (src/present/urlSync.ts): while time runs the link is rewritten at
 * most once every 10 s of wall time, not every second; at once on pause, seek, focus, the window
 * losing focus, the page hidden and pagehide, so a copied link is the view the user sees.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cameraView } from '../../src/state/camera'
import { simTime, useClock } from '../../src/state/clock'
import { useUi } from '../../src/state/ui'
import { PLAYING_INTERVAL_MS, currentQuery, startUrlSync } from '../../src/present/urlSync'

let now = 0
let frame: (() => void) | null = null
const writes: string[] = []
let win: EventTarget
let doc: EventTarget & { visibilityState: string }
let stop: () => void = () => {}

/** Runs the overlay frame callback at wall times t0 .. t0 + ms, every 1000/fps ms. */
function runFrames(ms: number, fps = 60) {
  const end = now + ms
  while (now < end) {
    now += 1000 / fps
    if (useClock.getState().playing) simTime.tMs += 60_000 / fps // warp 60
    frame?.()
  }
}

beforeEach(() => {
  now = 0
  writes.length = 0
  win = new EventTarget()
  doc = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  vi.stubGlobal('window', win)
  vi.stubGlobal('document', doc)
  vi.stubGlobal('location', { search: '', hash: '', origin: 'http://x', pathname: '/' })
  vi.stubGlobal('history', { state: null, replaceState: (_s: unknown, _t: string, url: string) => writes.push(url) })
  vi.spyOn(performance, 'now').mockImplementation(() => now)
  simTime.tMs = Date.UTC(2030, 0, 1)
  useClock.setState({ playing: true, warp: 60 })
  useUi.setState({ focus: 'earth' })
  Object.assign(cameraView, { ready: false })
  stop = startUrlSync((cb) => {
    frame = cb
    return () => {
      frame = null
    }
  })
})

afterEach(() => {
  stop()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('address bar while time runs', () => {
  it('is written at most once per 10 s of wall time, not once a second', () => {
    // The 10 s that README and PRESENTING promise.
    expect(PLAYING_INTERVAL_MS).toBe(10_000)
    runFrames(30_000)
    // The first frame writes (nothing written yet), then one write per 10 s: 3 or 4 in 30 s.
    // The old cadence (once a second) wrote 30.
    expect(writes.length).toBeGreaterThanOrEqual(3)
    expect(writes.length).toBeLessThanOrEqual(4)
  })

  it('is written at once on pause, and then holds the paused view', () => {
    runFrames(2000)
    const n = writes.length
    useClock.getState().pause()
    expect(writes.length).toBe(n + 1)
    expect(writes.at(-1)).toBe(currentQuery())
    expect(writes.at(-1)).toContain('play=0')
  })

  it('is written at once on a seek and a focus change', () => {
    runFrames(2000)
    const n = writes.length
    useClock.getState().seek(Date.UTC(2035, 0, 1))
    expect(writes.length).toBe(n + 1)
    expect(writes.at(-1)).toContain('t=2035-01-01')
    useUi.setState({ focus: 'moon' })
    expect(writes.length).toBe(n + 2)
    expect(writes.at(-1)).toContain('focus=moon')
  })

  it('is written when the window loses focus, the page is hidden or left, with the instant shown', () => {
    runFrames(3000)
    for (const fire of [
      () => win.dispatchEvent(new Event('blur')),
      () => {
        doc.visibilityState = 'hidden'
        doc.dispatchEvent(new Event('visibilitychange'))
      },
      () => win.dispatchEvent(new Event('pagehide')),
    ]) {
      runFrames(500)
      const n = writes.length
      fire()
      expect(writes.length).toBe(n + 1)
      expect(writes.at(-1)).toBe(currentQuery())
    }
  })
})

describe('address bar while paused', () => {
  it('follows the camera within a second, and writes nothing while the view stands still', () => {
    useClock.getState().pause()
    runFrames(5000)
    const n = writes.length
    runFrames(5000)
    expect(writes.length).toBe(n)
    Object.assign(cameraView, { x: 7000, y: 100, z: 9000, ready: true })
    runFrames(1100)
    expect(writes.length).toBe(n + 1)
    expect(writes.at(-1)).toContain('cam=7000,100,9000')
  })
})

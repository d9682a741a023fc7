/** The one overlay loop (src/ui/overlayLoop.ts): same sim time for all, one failure isolated, writes only on change. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { simTime, useClock } from '../../src/state/clock'
import { stageTime } from '../../src/state/stageTime'
import { useUi } from '../../src/state/ui'
import { TEXT_INTERVAL_MS, onOverlayFrame, overlayCallbackCount, runOverlayFrame, setText } from '../../src/ui/overlayLoop'

const stops: (() => void)[] = []
afterEach(() => {
  for (const s of stops.splice(0)) s()
  vi.restoreAllMocks()
})

describe('overlay loop', () => {
  it('calls every callback once per frame with the same sim time', () => {
    const seen: number[][] = [[], []]
    stops.push(
      onOverlayFrame((t) => seen[0].push(t)),
      onOverlayFrame((t) => seen[1].push(t)),
    )
    expect(overlayCallbackCount()).toBe(2)
    simTime.tMs = 1.5e12
    runOverlayFrame()
    simTime.tMs = 1.6e12
    runOverlayFrame()
    expect(seen).toEqual([
      [1.5e12, 1.6e12],
      [1.5e12, 1.6e12],
    ])
  })

  it('a throwing callback is dropped and the others still run', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let calls = 0
    stops.push(
      onOverlayFrame(() => {
        throw new Error('boom')
      }),
      onOverlayFrame(() => calls++),
    )
    runOverlayFrame()
    runOverlayFrame()
    expect(calls).toBe(2)
    expect(overlayCallbackCount()).toBe(1)
    expect(console.error).toHaveBeenCalledTimes(1)
  })

  it('unregisters', () => {
    const stop = onOverlayFrame(() => {})
    expect(overlayCallbackCount()).toBe(1)
    stop()
    expect(overlayCallbackCount()).toBe(0)
  })

  it('setText writes only when the text changes', () => {
    let writes = 0
    let text: string | null = ''
    const el = {
      get textContent() {
        return text
      },
      set textContent(v: string | null) {
        writes++
        text = v
      },
    }
    setText(el, 'a')
    setText(el, 'a')
    setText(el, 'b')
    setText(null, 'c')
    expect(text).toBe('b')
    expect(writes).toBe(2)
  })

  it('setText changes an only text child in place (the node is kept), only on change', () => {
    let writes = 0
    let value: string | null = 'a'
    const node = {
      nodeType: 3,
      nextSibling: null,
      get nodeValue() {
        return value
      },
      set nodeValue(v: string | null) {
        writes++
        value = v
      },
    }
    const el = {
      firstChild: node,
      get textContent() {
        return value
      },
      set textContent(_v: string | null) {
        throw new Error('the text node must be kept')
      },
    }
    setText(el, 'a')
    setText(el, 'b')
    setText(el, 'b')
    expect(value).toBe('b')
    expect(writes).toBe(1)
    expect(el.firstChild).toBe(node)
  })

  it('text callbacks run together, at most once per TEXT_INTERVAL_MS of stage time; motion every frame', () => {
    const frames: number[] = []
    const text: number[][] = [[], []]
    stops.push(
      onOverlayFrame(() => frames.push(stageTime.ms)),
      onOverlayFrame(() => text[0].push(stageTime.ms), true),
      onOverlayFrame(() => text[1].push(stageTime.ms), true),
    )
    stageTime.ms = 1e6
    // 60 frames a second for 2 s of stage time.
    for (let i = 0; i < 120; i++) {
      runOverlayFrame()
      stageTime.ms += 1000 / 60
    }
    expect(frames).toHaveLength(120)
    expect(text[1]).toEqual(text[0])
    // 2 s at 4 a second: 8 text frames (the first at once), never two closer than the interval.
    expect(text[0].length).toBe(8)
    for (let i = 1; i < text[0].length; i++) expect(text[0][i] - text[0][i - 1]).toBeGreaterThanOrEqual(TEXT_INTERVAL_MS)
    expect(TEXT_INTERVAL_MS).toBe(250)
    // Stage time set back (a new take): the next frame is a text frame.
    stageTime.ms = 0
    runOverlayFrame()
    expect(text[0].at(-1)).toBe(0)
    // A seek or a pause: the next frame is a text frame, whatever the interval.
    const n = text[0].length
    stageTime.ms += 1000 / 60
    useClock.getState().seek(simTime.tMs + 1000)
    runOverlayFrame()
    expect(text[0].length).toBe(n + 1)
    stageTime.ms += 1000 / 60
    runOverlayFrame()
    expect(text[0].length).toBe(n + 1)
    useClock.getState().pause()
    useClock.getState().play()
    useClock.getState().setWarp(-useClock.getState().warp)
    stageTime.ms += 1000 / 60
    runOverlayFrame()
    expect(text[0].length).toBe(n + 2)
  })

  it('the HUD clock ticks on its own frame at 1× (text frames 1 s apart at each second), and a focus change makes a text frame', () => {
    const at: number[] = []
    stops.push(onOverlayFrame((tMs) => at.push(tMs), true))
    const c = useClock.getState()
    c.setWarp(1)
    c.play()
    useClock.getState().seek(Date.UTC(2030, 0, 1, 0, 0, 0, 100))
    stageTime.ms = 7e6
    // 60 frames a second for 3 s, sim time at 1×.
    for (let i = 0; i < 180; i++) {
      stageTime.ms += 1000 / 60
      simTime.tMs += 1000 / 60
      runOverlayFrame()
    }
    // Every second's first frame is a text frame: the clock's seconds change 1 s apart, never late.
    const secondStarts = at.filter((t, i) => i > 0 && Math.floor(t / 1000) !== Math.floor(at[i - 1] / 1000))
    expect(secondStarts.length).toBe(3)
    for (const t of secondStarts) expect(t % 1000).toBeLessThan(1000 / 60 + 1e-6)
    // Still no more than 4 a second plus the ticks.
    expect(at.length).toBeLessThanOrEqual(3 * 4 + 3 + 1)
    // A focus change: the next frame is a text frame.
    const n = at.length
    stageTime.ms += 1
    runOverlayFrame()
    const same = at.length
    useUi.getState().setFocus(useUi.getState().focus === 'base' ? 'earth' : 'base')
    stageTime.ms += 1
    runOverlayFrame()
    expect(at.length).toBe(same + 1)
    expect(same).toBeGreaterThanOrEqual(n)
  })

  it('a new text callback runs on its first frame (a panel fills when it mounts), then on text frames', () => {
    let runs = 0
    stops.push(onOverlayFrame(() => {}, true))
    stageTime.ms = 5e6
    runOverlayFrame()
    stageTime.ms += 10
    stops.push(onOverlayFrame(() => runs++, true))
    runOverlayFrame()
    expect(runs).toBe(1)
    stageTime.ms += 10
    runOverlayFrame()
    expect(runs).toBe(1)
    stageTime.ms += TEXT_INTERVAL_MS
    runOverlayFrame()
    expect(runs).toBe(2)
  })
})

/** The one overlay loop (src/ui/overlayLoop.ts): same sim time for all, one failure isolated, writes only on change. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { simTime } from '../../src/state/clock'
import { onOverlayFrame, overlayCallbackCount, runOverlayFrame, setText } from '../../src/ui/overlayLoop'

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
})

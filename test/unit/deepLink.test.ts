/** Deep-link parsing (src/present/deepLink.ts): each bad field is reported and falls back alone. */
import { describe, expect, it } from 'vitest'
import { parseDeepLink } from '../../src/present/deepLink'

const horizon = { startMs: Date.UTC(2026, 0, 1), endMs: Date.UTC(2060, 0, 1) }

describe('parseDeepLink', () => {
  it('reads a good link without problems', () => {
    const { link, problems } = parseDeepLink('?t=2030-06-21T12:00:00Z&warp=3600&focus=base&play=0&ui=0&sats=100&quality=low', horizon)
    expect(problems).toEqual([])
    expect(link).toEqual({ tMs: Date.UTC(2030, 5, 21, 12), warp: 3600, focus: 'base', play: false, uiHidden: true, satellites: 100, quality: 'low' })
  })

  it('reports a bad quality like the other parameters, and keeps the rest', () => {
    const { link, problems } = parseDeepLink('?quality=ultra&warp=60', horizon)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/quality="ultra" must be high or low/)
    expect(link.quality).toBeUndefined()
    expect(link.warp).toBe(60)
  })

  it('lists every bad field, one sentence each', () => {
    const { link, problems } = parseDeepLink('?t=yesterday&warp=0&focus=mars&quality=', horizon)
    expect(problems).toHaveLength(4)
    expect(link).toEqual({})
  })
})

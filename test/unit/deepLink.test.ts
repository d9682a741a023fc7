/** Deep-link parsing (src/present/deepLink.ts): each bad field is reported and falls back alone; the view round-trips. */
import { describe, expect, it } from 'vitest'
import { formatDeepLink, LINK_PARAMS, parseDeepLink } from '../../src/present/deepLink'
import { allLayersOn } from '../../src/state/layers'

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
    const { link, problems } = parseDeepLink('?t=yesterday&warp=0.5&focus=mars&quality=', horizon)
    expect(problems).toHaveLength(4)
    expect(link).toEqual({})
  })

  it('reads warp=0 as paused (the README example: t and warp)', () => {
    expect(parseDeepLink('?warp=0', horizon)).toEqual({ link: { warp: 0 }, problems: [] })
  })

  it('names unknown parameters once and ignores them', () => {
    const { link, problems } = parseDeepLink('?zoom=3&foo=1&warp=60', horizon)
    expect(problems).toEqual(['unknown parameters zoom, foo ignored.'])
    expect(link).toEqual({ warp: 60 })
  })

  it('reads the camera, layers, tour, chapter, scale, embed, follow and scenario overrides', () => {
    const { link, problems } = parseDeepLink(
      '?cam=1.5,-2,30000.25&layers=constellation,launches&tour=default&chapter=3&scale=1.5&embed=1&focus=satellite&follow=12&p.horizon.endYear=2080',
      horizon,
    )
    expect(problems).toEqual([])
    expect(link.cam).toEqual([1.5, -2, 30000.25])
    expect(link.layers).toEqual({ ...Object.fromEntries(Object.keys(allLayersOn()).map((k) => [k, false])), constellation: true, launches: true })
    expect(link).toMatchObject({ tour: 'default', chapter: 3, uiScale: 1.5, embed: true, focus: 'satellite', follow: 12 })
    expect(link.overrides?.get('p.horizon.endYear')).toBe('2080')
  })

  it('rejects malformed camera, layers, chapter and scale values', () => {
    const { link, problems } = parseDeepLink('?cam=1,2&layers=planets&chapter=0&tour=Bad!&scale=9', horizon)
    expect(problems).toHaveLength(5) // cam, layers, chapter, tour, scale
    expect(link).toEqual({})
  })

  it('reads a shot by id, and names the valid ids for an unknown one', () => {
    expect(parseDeepLink('?shot=touchdown', horizon)).toEqual({ link: { shot: 'touchdown' }, problems: [] })
    const { link, problems } = parseDeepLink('?shot=sunrise', horizon)
    expect(link).toEqual({})
    expect(problems).toHaveLength(1)
    for (const id of ['low-sun-2045', 'touchdown', 'mass-driver', 'city-night']) expect(problems[0]).toContain(id)
  })

  it('documents every parameter it reads', () => {
    const names = LINK_PARAMS.map((p) => p.name)
    for (const n of ['t', 'warp', 'play', 'focus', 'follow', 'cam', 'shot', 'layers', 'tour', 'chapter', 'scale', 'ui', 'embed', 'quality', 'sats'])
      expect(names).toContain(n)
  })
})

describe('formatDeepLink', () => {
  it('writes the whole view, and reading it back gives the same view', () => {
    const layers = { ...allLayersOn(), swarm: false }
    const q = formatDeepLink('?sats=100&p.horizon.endYear=2080', {
      tMs: Date.UTC(2031, 2, 4, 5, 6, 7, 89),
      warp: -600,
      playing: false,
      focus: 'moon',
      follow: -1,
      cam: [1234.5678901234, -0.000123, 98765.4321],
      layers,
      tour: 'default',
      chapter: 2,
      uiScale: 2,
    })
    expect(q).toContain('t=2031-03-04T05:06:07.089Z')
    const { link, problems } = parseDeepLink(q, { startMs: horizon.startMs, endMs: Date.UTC(2080, 0, 1) })
    expect(problems).toEqual([])
    expect(link).toMatchObject({
      tMs: Date.UTC(2031, 2, 4, 5, 6, 7, 89),
      warp: -600,
      play: false,
      focus: 'moon',
      tour: 'default',
      chapter: 3,
      uiScale: 2,
      satellites: 100,
    })
    expect(link.cam).toEqual([1234.5678901234, -0.000123, 98765.4321])
    expect(link.layers).toEqual(layers)
  })
})

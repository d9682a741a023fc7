/**
 * The Moon Base Alpha marker on the Moon grows with the base (src/scene/bodies/baseMarker.ts): the
 * site before the first landing, as the base caption says; after, a ring that grows with the
 * structures standing, bounded in CSS px. And its label keeps clear of the deep-space labels
 * through the shared layout (publishKept / withKeptLabels).
 */
import { describe, expect, it } from 'vitest'
import { baseMarkerState, labelBox, RING_MAX_CSS, ringLook, type RingLook } from '../../src/scene/bodies/baseMarker'
import { firstHabitatMs, firstLandingMs } from '../../src/sim/base/snapshot'
import { publishKept, resolveLabels, withKeptLabels, type PlacedLabel, type Rect } from '../../src/scene/labels/labelLayout'
import { baseLayout } from '../../src/sim/base/snapshot'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { baseCaption } from '../../src/ui/BaseCaption'

const layout = baseLayout(defaultScenario(), Date.UTC(2060, 0, 1))
const first = firstLandingMs(layout),
  hab = firstHabitatMs(layout)
const look = (): RingLook => ({ sizeCss: 0, opacity: 0, dashed: false })

describe('the Moon-base marker grows with the base', () => {
  it('the default scenario lands after 2026 and before 2050', () => {
    expect(first).toBeGreaterThan(Date.UTC(2026, 5, 1))
    expect(first).toBeLessThan(Date.UTC(2050, 0, 1))
    expect(hab).toBeGreaterThanOrEqual(first)
  })
  it('before the first landing: the site, labelled with the landing date, agreeing with the base caption', () => {
    const t = Date.UTC(2026, 5, 1)
    const s = baseMarkerState(layout, t)
    expect(s.phase).toBe('site')
    expect(s.growth).toBe(0)
    const date = new Date(first).toISOString().slice(0, 10)
    expect(s.label).toBe(`Moon Base Alpha site (first landing ${date})`)
    expect(baseCaption(t, first, hab, 10)).toContain('not yet built')
    expect(baseCaption(t, first, hab, 10)).toContain(date)
    expect(baseMarkerState(layout, first - 1).phase).toBe('site')
    expect(baseMarkerState(layout, first).phase).not.toBe('site')
  })
  it('no layout yet, or a scenario that never lands: the site', () => {
    expect(baseMarkerState(null, Date.UTC(2050, 0, 1))).toEqual({ phase: 'site', label: 'Moon Base Alpha site', growth: 0 })
    const empty = structuredClone(layout)
    for (const k of Object.values(empty.kinds)) {
      k.count = 0
      k.builtAtMs = new Float64Array(0)
    }
    expect(baseMarkerState(empty, Date.UTC(2050, 0, 1)).label).toContain('not built in this scenario')
  })
  it('under construction until the first habitat (as the caption), then the base; growth rises to 1 and never past it', () => {
    // A layout whose first habitat lands 30 days after its first pad: the marker says under construction between.
    const late = structuredClone(layout)
    late.kinds.habitat.builtAtMs = late.kinds.habitat.builtAtMs.map((t) => t + 30 * 86400000)
    const pad = late.kinds.landingPad.builtAtMs[0]
    expect(late.kinds.habitat.builtAtMs[0]).toBeGreaterThan(pad)
    expect(baseMarkerState(late, pad + 86400000).phase).toBe('construction')
    expect(baseMarkerState(late, late.kinds.habitat.builtAtMs[0]).phase).toBe('built')
    if (hab > first) expect(baseMarkerState(layout, (first + hab) / 2).phase).toBe('construction')
    const g = [2035, 2040, 2045, 2050, 2059].map((y) => baseMarkerState(layout, Date.UTC(y, 0, 1)))
    for (const s of g) expect(s.phase).toBe('built')
    for (let i = 1; i < g.length; i++) expect(g[i].growth).toBeGreaterThanOrEqual(g[i - 1].growth)
    expect(g[0].growth).toBeGreaterThan(0)
    expect(g[0].growth).toBeLessThan(g[g.length - 1].growth)
    expect(baseMarkerState(layout, Date.UTC(2200, 0, 1)).growth).toBeLessThanOrEqual(1)
  })
  it('the ring: dim, dashed and smaller for the site; solid, larger and brighter as the base grows; bounded at any disc', () => {
    const disc = 600
    const site = ringLook(disc, { phase: 'site', growth: 0 }, look())
    const young = ringLook(disc, { phase: 'built', growth: 0.05 }, look())
    const grown = ringLook(disc, { phase: 'built', growth: 1 }, look())
    expect(site.dashed).toBe(true)
    expect(young.dashed).toBe(false)
    expect(site.sizeCss).toBeLessThan(young.sizeCss)
    expect(young.sizeCss).toBeLessThan(grown.sizeCss)
    expect(site.opacity).toBeLessThan(young.opacity)
    expect(young.opacity).toBeLessThan(grown.opacity)
    for (const d of [0, 14, 100, 1e4, 1e9])
      for (const g of [0, 0.5, 1, 7]) {
        const r = ringLook(d, { phase: 'built', growth: g }, look())
        expect(r.sizeCss).toBeGreaterThanOrEqual(9.6)
        expect(r.sizeCss).toBeLessThanOrEqual(RING_MAX_CSS + 1e-9)
        expect(r.opacity).toBeLessThanOrEqual(1)
      }
  })
})

describe('the Moon-base label in the shared layout', () => {
  const VIEW = { x: 0, y: 0, w: 1280, h: 720 }
  const box = (ax: number, ay: number): PlacedLabel => ({ ...labelBox(ax, ay, 40, 200, 22, { x: 0, y: 0, w: 0, h: 0 }), priority: 0, show: true })
  it('its box sits right of the ring, centred on the site', () => {
    expect(labelBox(100, 200, 40, 200, 22, { x: 0, y: 0, w: 0, h: 0 })).toEqual({ x: 124, y: 189, w: 200, h: 22 })
  })
  it('hides under a panel, off screen, or on a label another set kept; shows in the clear', () => {
    const deep: PlacedLabel[] = [
      { x: 700, y: 400, w: 60, h: 20, priority: 0, show: true },
      { x: 900, y: 100, w: 60, h: 20, priority: 1, show: false },
    ]
    publishKept('deep-space-test', deep)
    const panels: Rect[] = [{ x: 0, y: 0, w: 300, h: 150 }]
    const out: Rect[] = []
    const obstacles = withKeptLabels(panels, 'moon-base-test', out)
    expect(obstacles).toContainEqual({ x: 700, y: 400, w: 60, h: 20 })
    expect(obstacles).not.toContainEqual({ x: 900, y: 100, w: 60, h: 20 })
    const cases: [number, number, boolean][] = [
      [50, 60, false], // under the panel
      [1200, 300, false], // runs off the right edge
      [620, 410, false], // on the deep-space label
      [400, 600, true], // clear
      [820, 110, true], // where a hidden deep-space label would have been
    ]
    for (const [x, y, shows] of cases) {
      const l = box(x, y)
      resolveLabels([l], obstacles, VIEW)
      expect(l.show, `label at ${x}, ${y}`).toBe(shows)
    }
  })
  it('a set does not avoid its own published boxes, and a republish replaces the old ones', () => {
    publishKept('moon-base-test', [{ x: 10, y: 10, w: 5, h: 5, priority: 0, show: true }])
    expect(withKeptLabels([], 'moon-base-test', [])).not.toContainEqual({ x: 10, y: 10, w: 5, h: 5 })
    publishKept('deep-space-test', [])
    expect(withKeptLabels([], 'moon-base-test', [])).toEqual([])
  })
})

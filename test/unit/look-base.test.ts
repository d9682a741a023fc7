/** The look's pure parts: label layout, the base's roads, captions, night factor, the scale bar's lengths. */
import { describe, expect, it } from 'vitest'
import { resolveLabels, type PlacedLabel } from '../../src/scene/labels/labelLayout'
import { nightFactor, sunFactor } from '../../src/scene/base/cityLights'
import { roadLegs } from '../../src/sim/base/roads'
import { baseLayout } from '../../src/sim/base/snapshot'
import { defaultScenario } from '../../src/sim/scenario/validate'
import { baseCaption } from '../../src/ui/BaseCaption'
import { roundLength } from '../../src/ui/DeepSpaceKey'
import { AU_KM } from '../../src/sim/constants'

const label = (x: number, y: number, priority: number, w = 60, h = 20): PlacedLabel => ({ x, y, w, h, priority, show: true })
const VIEW = { x: 0, y: 0, w: 1280, h: 720 }

describe('resolveLabels', () => {
  it('keeps the higher-priority label of two that overlap, and both when apart', () => {
    const a = label(100, 100, 1),
      b = label(130, 105, 0),
      c = label(400, 100, 2)
    resolveLabels([a, b, c], [], VIEW)
    expect([a.show, b.show, c.show]).toEqual([false, true, true])
  })
  it('hides labels under a panel or off the viewport', () => {
    const under = label(20, 20, 0),
      off = label(1250, 100, 1),
      free = label(600, 300, 2)
    resolveLabels([under, off, free], [{ x: 16, y: 16, w: 270, h: 140 }], VIEW)
    expect([under.show, off.show, free.show]).toEqual([false, false, true])
  })
  it('leaves hidden the labels that did not ask to show', () => {
    const a = label(600, 300, 0)
    a.show = false
    resolveLabels([a], [], VIEW)
    expect(a.show).toBe(false)
  })
})

describe('the base at night and before it exists', () => {
  it('night factor: faint by day, full once the Sun has set; the Sun fades over its disc', () => {
    expect(nightFactor(1)).toBeCloseTo(0.2, 6)
    expect(nightFactor(-1.4)).toBeCloseTo(1, 6)
    expect(sunFactor(1)).toBe(1)
    expect(sunFactor(-1)).toBe(0)
    expect(sunFactor(0)).toBeCloseTo(0.5, 6)
  })
  it('captions: not yet built before the first landing, under construction before the first habitat, night with the Sun down', () => {
    const first = Date.UTC(2032, 6, 2),
      hab = Date.UTC(2033, 0, 1)
    expect(baseCaption(Date.UTC(2030, 5, 1), first, hab, 1)).toContain('not yet built')
    expect(baseCaption(Date.UTC(2030, 5, 1), first, hab, 1)).toContain('2032-07-02')
    expect(baseCaption(Date.UTC(2032, 8, 1), first, hab, 1)).toContain('Under construction')
    expect(baseCaption(Date.UTC(2050, 0, 1), first, hab, -1.42)).toContain('the Sun is 1.4° below the horizon')
    expect(baseCaption(Date.UTC(2050, 0, 1), first, hab, 0.6)).toBe('')
    expect(baseCaption(Date.UTC(2050, 0, 1), Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0.6)).toContain('not built in this scenario')
  })
})

describe('roads', () => {
  it('join the habitats to the pads, the factories, the breech, storage and the mines, each opening once both ends stand', () => {
    const layout = baseLayout(defaultScenario(), Date.UTC(2060, 0, 1))
    const legs = roadLegs(layout)
    expect(legs.length).toBeGreaterThan(4)
    for (let i = 1; i < legs.length; i++) expect(legs[i].builtAtMs).toBeGreaterThanOrEqual(legs[i - 1].builtAtMs)
    const k = layout.kinds
    // The first leg starts at the first habitat and cannot open before it or the first pad.
    expect(legs.some((l) => l.ax === k.habitat.xM[0] && l.ay === k.habitat.yM[0] && l.bx === k.landingPad.xM[0])).toBe(true)
    for (const l of legs) expect(l.builtAtMs).toBeGreaterThanOrEqual(Math.min(k.habitat.builtAtMs[0], k.landingPad.builtAtMs[0]))
    expect(legs.some((l) => l.bx === k.massDriver.xM[0] && l.by === k.massDriver.yM[0])).toBe(true)
  })
})

describe('scale bar', () => {
  it('rounds to 1, 2 or 5 × 10ⁿ km, or AU from 0.05 AU', () => {
    expect(roundLength(130000)).toEqual({ km: 100000, label: '100,000 km' })
    expect(roundLength(2.6e5).label).toBe('200,000 km')
    expect(roundLength(0.3 * AU_KM).label).toBe('0.2 AU')
    expect(roundLength(1.2 * AU_KM).label).toBe('1 AU')
    expect(roundLength(6 * AU_KM).label).toBe('5 AU')
  })
})

import { describe, expect, it } from 'vitest'
import { type PlacedLabel, resolveLabels } from '../../src/scene/labels/labelLayout'

const viewport = { x: 0, y: 0, w: 1280, h: 720 }
const panel = { x: 965, y: 60, w: 300, h: 400 }

describe('a label whose side of the marker is taken shows on the other side', () => {
  it('the Moon beside the Mass Driver panel: flipped to the left of its marker', () => {
    // The Earth–Moon view at 1280×720: the Moon's marker at x 901, its label 52 px wide to the right.
    const moon: PlacedLabel = { x: 910, y: 243, w: 52, h: 21, priority: 0, show: true, altX: 901 - 9 - 52 }
    resolveLabels([moon], [panel], viewport)
    expect(moon.show).toBe(true)
    expect(moon.flipped).toBe(true)
    expect(moon.x).toBe(840)
  })
  it('stays on its own side when that side is free, and hides when neither side is', () => {
    const free: PlacedLabel = { x: 600, y: 300, w: 52, h: 21, priority: 0, show: true, altX: 530 }
    resolveLabels([free], [panel], viewport)
    expect(free).toMatchObject({ show: true, flipped: false, x: 600 })
    const boxed: PlacedLabel = { x: 1000, y: 200, w: 52, h: 21, priority: 0, show: true, altX: 970 }
    resolveLabels([boxed], [panel], viewport)
    expect(boxed).toMatchObject({ show: false, flipped: false, x: 1000 })
  })
})

/** Esc closes every panel the README's keyboard table promises (src/ui/shortcuts.ts). */
import { describe, expect, it } from 'vitest'
import { useBase } from '../../src/state/base'
import { useInspect } from '../../src/state/inspect'
import { useUi } from '../../src/state/ui'
import { SHORTCUTS } from '../../src/ui/shortcuts'

type Satellite = NonNullable<ReturnType<typeof useInspect.getState>['satellite']>

describe('Escape', () => {
  it('closes the scenario panel, help, the satellite inspector and the selected structure', () => {
    const esc = SHORTCUTS.find((s) => s.keys.includes('Escape'))
    expect(esc).toBeDefined()
    useUi.setState({ showHelp: true, showScenario: true })
    useInspect.setState({ satellite: { index: 3 } as Satellite })
    useBase.setState({ selected: { kind: 'habitat', index: 0 } })
    esc!.run()
    expect(useUi.getState().showHelp).toBe(false)
    expect(useUi.getState().showScenario).toBe(false)
    expect(useInspect.getState().satellite).toBeNull()
    expect(useBase.getState().selected).toBeNull()
  })
})

describe('presenter keys', () => {
  it('drive a tour: next, back, Home/End, numbers, blank, Esc leaves', async () => {
    const { useTour } = await import('../../src/present/tour/useTour')
    const { pressKey } = await import('../../src/ui/shortcuts')
    expect(await useTour.getState().startTour('default', 0)).toBe(true)
    const n = useTour.getState().tour!.chapters.length
    for (const k of ['PageDown', 'ArrowRight', ' ']) pressKey(k)
    expect(useTour.getState().chapter).toBe(3)
    pressKey('PageUp')
    pressKey('ArrowLeft')
    expect(useTour.getState().chapter).toBe(1)
    pressKey('End')
    expect(useTour.getState().chapter).toBe(n - 1)
    pressKey('PageDown') // a clicker stops at the last chapter (autoplay loops)
    expect(useTour.getState().chapter).toBe(n - 1)
    pressKey('Home')
    expect(useTour.getState().chapter).toBe(0)
    pressKey('5')
    expect(useTour.getState().chapter).toBe(4)
    pressKey('b')
    expect(useUi.getState().blank).toBe('black')
    pressKey('.')
    expect(useUi.getState().blank).toBeNull()
    pressKey('w')
    expect(useUi.getState().blank).toBe('white')
    pressKey('Escape') // first Esc lifts the blank, the next leaves the tour
    expect(useUi.getState().blank).toBeNull()
    expect(useTour.getState().tour).not.toBeNull()
    pressKey('Escape')
    expect(useTour.getState().tour).toBeNull()
    expect(useUi.getState().shownPanels).toBeNull()
  })
})

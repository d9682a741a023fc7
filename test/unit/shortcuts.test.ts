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

/** Launch notices (src/ui/launchNotices.ts) name the pad from the scenario's own launch sites. */
import { afterEach, describe, expect, it } from 'vitest'
import { simTime, useClock } from '../../src/state/clock'
import { useScenario } from '../../src/state/scenario'
import { useSim } from '../../src/state/sim'
import { useUi } from '../../src/state/ui'
import { launchSiteName, startLaunchNotices } from '../../src/ui/launchNotices'
import { runOverlayFrame } from '../../src/ui/overlayLoop'
import { defaultScenario } from '../../src/sim/scenario/validate'

type Snapshot = NonNullable<ReturnType<typeof useSim.getState>['snapshot']>
type Launch = Snapshot['recentLaunches'][number]

const T = Date.UTC(2030, 0, 1)

function launch(index: number, siteIndex: number): Launch {
  return {
    index,
    tMs: T - 60_000,
    deployMs: T,
    siteIndex,
    shellIndex: 0,
    satellites: 10,
    massT: 150,
    planeRaan0: 0,
    firstSatellite: 0,
    generation: 0,
    computeW: 1e6,
    retireMs: T + 1e11,
  }
}

let stop: (() => void) | null = null
afterEach(() => {
  stop?.()
  useSim.setState({ snapshot: null })
  useScenario.setState({ scenario: defaultScenario() })
  useUi.setState({ notices: [], noticeLog: [] })
})

describe('launch notices', () => {
  it('name sites by the scenario list, and unnamed sites by number and position', () => {
    const sites = defaultScenario().constellation.sites
    expect(launchSiteName(sites, 0)).toBe('Starbase, Texas')
    expect(launchSiteName(sites, 1)).toBe('KSC LC-39A, Florida')
    expect(launchSiteName([{ site: 'other', latDeg: -5.2, lonDeg: 52.8, sharePct: 100 }], 0)).toBe('site 1 (5.2° S, 52.8° E)')
    expect(launchSiteName(sites, 7)).toBe('site 8')
  })

  it('follow an edited site list, once per launch, from the overlay loop', () => {
    const scenario = defaultScenario()
    scenario.constellation.sites = [
      { site: 'ksc-lc39a', latDeg: 28.608, lonDeg: -80.604, sharePct: 50 },
      { site: 'other', latDeg: 5.2, lonDeg: -52.8, sharePct: 50 },
    ]
    useScenario.setState({ scenario })
    useClock.setState({ warp: 60 })
    simTime.tMs = T
    stop = startLaunchNotices()
    const snap = { tMs: T, recentLaunches: [launch(0, 0), launch(1, 1)] } as Snapshot
    useSim.setState({ snapshot: snap })
    runOverlayFrame()
    runOverlayFrame() // the same snapshot again: no repeat
    const texts = useUi.getState().noticeLog.map((n) => n.text)
    expect(texts).toHaveLength(2)
    expect(texts[0]).toMatch(/^Launch 1 from KSC LC-39A, Florida: 150 t, 10 satellites to shell 1$/)
    expect(texts[1]).toMatch(/^Launch 2 from site 2 \(5\.2° N, 52\.8° W\)/)
  })
})

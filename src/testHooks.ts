/**
 * The `window.__terawatt*` handles that end-to-end tests, the bench and the recorder read, declared
 * once with the real types of what the app puts there. Test files import these types, so a
 * `page.evaluate(() => window.__terawatt.simTime.tMs)` callback is checked against the app: a
 * renamed store or field breaks the typecheck, not a test run in Chromium.
 *
 * `__terawattGl` (renderer, scene, camera, GPU readback) is declared beside its installer in
 * scene/SceneRoot.tsx. Read-only use outside tests.
 */
import type { simTime, useClock } from './state/clock'
import type { satellites } from './state/constellation'
import type { crashDeepSpaceForTest, deepSpace, useDeepSpace } from './state/deepSpace'
import type { useScenario } from './state/scenario'
import type { crashWorkerForTest, useSim, workerTimings } from './state/sim'
import type { useStory } from './state/story'
import type { useUi } from './state/ui'
import type { throwInSceneForTest } from './scene/frame/useSceneFrame'
import type { throwInPanelForTest } from './ui/PanelBoundary'
import type { useBase } from './state/base'
import type { frame } from './scene/frame/frame'
import type { baseView } from './scene/base/baseView'
import type { cityLight } from './scene/base/cityLights'
import type { explorer } from './state/base'
import type { landingsView } from './scene/base/Landings'
import type { site } from './scene/base/siteFrame'
import type { groundM } from './scene/base/terrainPatches'
import type { RecordHooks } from './record/hooks'

/** Installed by boot() before the first render. */
export interface TerawattHooks {
  simTime: typeof simTime
  frame: typeof frame
  satellites: typeof satellites
  useClock: typeof useClock
  useUi: typeof useUi
  useSim: typeof useSim
  useScenario: typeof useScenario
  crashWorkerForTest: typeof crashWorkerForTest
  /** The story's yearly rows and the comparison (src/state/story.ts). */
  useStory: typeof useStory
  /** The simulation worker's handling time per message type (src/worker/constellation/host.ts). */
  workerTimings: typeof workerTimings
  /** Makes the named overlay panel throw on its next render (ids: src/ui/PanelBoundary.tsx). */
  throwInPanel: typeof throwInPanelForTest
  /** Makes the next scene frame callback throw (src/scene/frame/useSceneFrame.ts). */
  throwInScene: typeof throwInSceneForTest
}

/** Installed when the deep-space worker starts (boot()). */
export interface TerawattDeepHooks {
  deepSpace: typeof deepSpace
  useDeepSpace: typeof useDeepSpace
  crash: typeof crashDeepSpaceForTest
}

/** Installed by the Moon base scene when it mounts. */
export interface TerawattBaseHooks {
  site: typeof site
  baseView: typeof baseView
  explorer: typeof explorer
  groundM: typeof groundM
  useBase: typeof useBase
  /** The city's night factor and the Sun's elevation at the site (src/scene/base/cityLights.ts). */
  cityLight?: typeof cityLight
}

declare global {
  interface Window {
    /** Present from boot() on; tests wait for it before reading (test/e2e/browser.ts openPage). */
    __terawatt: TerawattHooks
    /** Present from boot() on (startDeepSpace). */
    __terawattDeep: TerawattDeepHooks
    /** Present once the Moon base scene has mounted. */
    __terawattBase?: TerawattBaseHooks
    /** The Starship landings being drawn; present once the base's landings have mounted. */
    __terawattLandings?: typeof landingsView
    /** The recorder (export, stills); present once the export panel's module has loaded (src/record/hooks.ts). */
    __terawattRecord?: RecordHooks
  }
}

export function installTestHooks(hooks: TerawattHooks): void {
  window.__terawatt = hooks
}

export function installDeepSpaceHooks(hooks: TerawattDeepHooks): void {
  window.__terawattDeep = hooks
}

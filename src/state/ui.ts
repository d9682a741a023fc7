/** Discrete UI state: focus, notices, panels, visibility. Changes here re-render React; none is per-frame. */
import { create } from 'zustand'

/** Render qualities a deep link may ask for (quality=; chosen once at load, src/scene/frame/quality.ts). */
export const QUALITIES = ['high', 'low'] as const
export type Quality = (typeof QUALITIES)[number]

/** Bodies offered in the focus menu and in deep links. */
export const FOCI = ['earth', 'moon', 'base', 'sun', 'system'] as const
/** 'satellite' follows the inspected satellite (focusSatellite). */
export type Focus = (typeof FOCI)[number] | 'satellite'

/**
 * Overlay panels a tour chapter may show (`panels` in a chapter); the rest fold away while it is
 * on. Ids as in src/ui/PanelBoundary.tsx; a helper adding a panel adds its id here too.
 */
export const PANELS = [
  'hud',
  'metrics',
  'kardashev',
  'focus-menu',
  'inspector',
  'base',
  'mass-driver',
  'time-controls',
  'shell-legend',
  'story',
  'base-caption',
  'deep-key',
] as const
export type PanelId = (typeof PANELS)[number]

/** UI scales offered by the setting and `?scale=` (the root font is 14 px × scale). */
export const UI_SCALES = [1, 1.25, 1.5, 2] as const
export const MIN_UI_SCALE = 0.75
export const MAX_UI_SCALE = 3

/** Blanking the stage: B or . to black, W to white (presenter keys). */
export type Blank = 'black' | 'white' | null

export interface Notice {
  id: number
  text: string
  kind: 'info' | 'warn' | 'error'
}

interface UiState {
  focus: Focus
  /** Bumped when the user asks to fly to the focus again (re-frames the camera). */
  focusRequest: number
  notices: Notice[]
  /** The last 30 notices, kept after they fade (what was said, for the help panel and tests). */
  noticeLog: Notice[]
  showHelp: boolean
  showScenario: boolean
  /** Presenter/recording mode: every overlay hidden. */
  uiHidden: boolean
  /** Index of the satellite followed when focus is 'satellite'. */
  focusSatellite: number
  /** Show the 81-satellite formation around the followed satellite. */
  showCluster: boolean
  /** Panels a tour chapter shows (null: every panel as usual). */
  shownPanels: readonly PanelId[] | null
  /** The stage blanked to black or white (presenter keys B, ., W). */
  blank: Blank
  /** UI scale: the root font size is 14 px × uiScale, so every rem scales (`?scale=`). */
  uiScale: number
  /** `?embed=1`: no chrome at all (an iframe in a slide deck); H does not bring it back. */
  embed: boolean
  focusOnSatellite(index: number): void
  setFocus(f: Focus): void
  notify(text: string, kind?: Notice['kind'], ttlMs?: number): void
  dismiss(id: number): void
  toggleHelp(): void
  toggleScenario(): void
  toggleUi(): void
  setBlank(b: Blank): void
  setUiScale(scale: number): void
}

let nextId = 1

export const useUi = create<UiState>()((set, get) => ({
  focus: 'earth',
  focusRequest: 0,
  notices: [],
  noticeLog: [],
  showHelp: false,
  showScenario: false,
  uiHidden: false,
  focusSatellite: -1,
  showCluster: false,
  shownPanels: null,
  blank: null,
  uiScale: 1,
  embed: false,
  focusOnSatellite: (index) => set({ focus: 'satellite', focusSatellite: index, focusRequest: get().focusRequest + 1 }),
  setFocus: (f) => set({ focus: f, focusRequest: get().focusRequest + 1 }),
  notify: (text, kind = 'info', ttlMs = 6000) => {
    const id = nextId++
    // The same text twice in a row is shown once.
    const n = { id, text, kind }
    set({ notices: [...get().notices.filter((x) => x.text !== text), n].slice(-5), noticeLog: [...get().noticeLog, n].slice(-30) })
    if (ttlMs > 0) setTimeout(() => get().dismiss(id), ttlMs)
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  toggleHelp: () => set({ showHelp: !get().showHelp }),
  toggleScenario: () => set({ showScenario: !get().showScenario }),
  toggleUi: () => set({ uiHidden: !get().uiHidden }),
  setBlank: (b) => set({ blank: get().blank === b ? null : b }),
  setUiScale: (scale) => set({ uiScale: Math.min(MAX_UI_SCALE, Math.max(MIN_UI_SCALE, Number.isFinite(scale) ? scale : 1)) }),
}))

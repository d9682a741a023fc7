/**
 * Moon Base Alpha on the main thread, all of it from the simulation worker (the one source; no
 * growth model runs here): the layout it sends once per scenario (setBaseLayout; the base at an
 * instant is the latest snapshot's `base`, in state/sim.ts), the clicked structure, and the
 * explore mode's discrete state. Nothing here changes per frame.
 */
import { create } from 'zustand'
import type { StructureKind } from '../sim/base/growth'
import type { BaseLayoutData } from '../sim/base/snapshot'

interface BaseUi {
  /** Where the structures stand and when each was built, from the worker; null until it arrives. */
  layout: BaseLayoutData | null
  /** The clicked structure (kind and its index within the kind, = layout id `${kind}-${index}`). */
  selected: { kind: StructureKind; index: number } | null
  /** Explore mode: camera near the surface, keys and drag move it. */
  exploring: boolean
  /**
   * Explore mode takes the movement keys (EXPLORE_KEYS). False while a tour is on: a chapter's eye
   * pose is a fixed shot, and the clicker's keys (arrows among them) step the tour.
   */
  exploreKeys: boolean
  /** A jump to a point of interest; the explore controller picks it up (seq bumps each request). */
  jump: { id: string; seq: number } | null
  select(kind: StructureKind, index: number): void
  setExploring(on: boolean): void
  jumpTo(id: string): void
}

export const useBase = create<BaseUi>()((set, get) => ({
  layout: null,
  selected: null,
  exploring: false,
  exploreKeys: true,
  jump: null,
  select: (kind, index) => set({ selected: { kind, index } }),
  setExploring: (on) => set({ exploring: on }),
  jumpTo: (id) => set({ exploring: true, jump: { id, seq: (get().jump?.seq ?? 0) + 1 } }),
}))

/** Keys the explore mode takes while it is on (the global shortcuts skip them). */
export const EXPLORE_KEYS = new Set(['w', 'a', 's', 'd', 'W', 'A', 'S', 'D', 'r', 'R', 'f', 'F', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Shift'])

/** Takes the layout the worker sent for the current scenario (its 'base-layout' message). */
export function setBaseLayout(layout: BaseLayoutData): void {
  useBase.setState({ layout })
}

/**
 * Explore mode's eye: local metres from the base origin (x east, z south), height above the drawn
 * ground, view angles, and the ground height under it. Written by scene/base/Explore.tsx every
 * frame it explores (and by BaseCamera for a shot's eye); here so a recording can put it back.
 */
export const explorer = { x: 0, z: 0, alt: 1.7, yaw: 0, pitch: 0, groundM: 0 }

/**
 * Set when a recording gives the view back with explore mode on again: its next entry keeps the
 * eye where the explorer says (the user's own, restored) instead of placing it beside the habitats.
 */
export const explorerHold = { keepOnEntry: false }

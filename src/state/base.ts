/**
 * Moon Base Alpha on the main thread: the base state for panels (from the worker's snapshot, or
 * computed here when a snapshot has none), the clicked structure, and the explore mode's
 * discrete state. Nothing here changes per frame.
 */
import { create } from 'zustand'
import { baseStateAt, type BaseScenario, type BaseState, type StructureKind } from '../sim/base/growth'
import { simTime } from './clock'
import { useScenario } from './scenario'
import { useSim } from './sim'

export interface PointOfInterest {
  id: string
  label: string
}

interface BaseUi {
  /** The clicked structure (kind and its index within the kind, = layout id `${kind}-${index}`). */
  selected: { kind: StructureKind; index: number } | null
  /** Explore mode: camera near the surface, keys and drag move it. */
  exploring: boolean
  /** A jump to a point of interest; the explore controller picks it up (seq bumps each request). */
  jump: { id: string; seq: number } | null
  select(kind: StructureKind, index: number): void
  setExploring(on: boolean): void
  jumpTo(id: string): void
}

export const useBase = create<BaseUi>()((set, get) => ({
  selected: null,
  exploring: false,
  jump: null,
  select: (kind, index) => set({ selected: { kind, index } }),
  setExploring: (on) => set({ exploring: on }),
  jumpTo: (id) => set({ exploring: true, jump: { id, seq: (get().jump?.seq ?? 0) + 1 } }),
}))

/** Keys the explore mode takes while it is on (the global shortcuts skip them). */
export const EXPLORE_KEYS = new Set(['w', 'a', 's', 'd', 'W', 'A', 'S', 'D', 'r', 'R', 'f', 'F', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Shift'])

let cache: { year: number; scenario: unknown; state: BaseState } | null = null

/**
 * The base at the current sim time: the worker's (snapshot.base) when it sent one, else computed
 * here, at most once per UTC calendar day of sim time, so a panel can call it every frame.
 */
export function currentBaseState(): BaseState {
  const snap = useSim.getState().snapshot?.base
  if (snap) return snap
  const scenario = useScenario.getState().scenario
  const day = Math.floor(simTime.tMs / 86_400_000)
  if (!cache || cache.year !== day || cache.scenario !== scenario) {
    cache = { year: day, scenario, state: baseStateAt(scenario as unknown as BaseScenario, simTime.tMs) }
  }
  return cache.state
}

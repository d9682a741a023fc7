/**
 * Visible layers: what the scene draws, switchable by the user, a tour chapter or a deep link
 * (`layers=`). Discrete state (React may subscribe); scene components read it once per change.
 */
import { create } from 'zustand'

export const LAYERS = ['constellation', 'launches', 'labels', 'trajectories', 'swarm', 'orbits', 'clouds', 'atmosphere'] as const
export type Layer = (typeof LAYERS)[number]

interface LayerState {
  visible: Record<Layer, boolean>
  /** Constellation shells hidden by index (per-shell toggles); empty = every shell shown. */
  hiddenShells: readonly number[]
  setLayer(layer: Layer, on: boolean): void
  toggleLayer(layer: Layer): void
  setLayers(visible: Partial<Record<Layer, boolean>>): void
  setShellHidden(index: number, hidden: boolean): void
}

export const allLayersOn = (): Record<Layer, boolean> => Object.fromEntries(LAYERS.map((l) => [l, true])) as Record<Layer, boolean>

export const useLayers = create<LayerState>()((set, get) => ({
  visible: allLayersOn(),
  hiddenShells: [],
  setLayer: (layer, on) => set({ visible: { ...get().visible, [layer]: on } }),
  toggleLayer: (layer) => set({ visible: { ...get().visible, [layer]: !get().visible[layer] } }),
  setLayers: (visible) => set({ visible: { ...get().visible, ...visible } }),
  setShellHidden: (index, hidden) => {
    const rest = get().hiddenShells.filter((i) => i !== index)
    set({ hiddenShells: hidden ? [...rest, index].sort((a, b) => a - b) : rest })
  },
}))

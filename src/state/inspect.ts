/** The satellite the user clicked, as the worker described it. Discrete: React renders on change. */
import { create } from 'zustand'
import type { SatelliteInfo } from '../worker/protocol'

export const useInspect = create<{ satellite: SatelliteInfo | null }>()(() => ({ satellite: null }))

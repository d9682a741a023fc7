/** The satellite the user clicked, as the worker described it. Discrete: React renders on change. */
import { create } from 'zustand'
import type { SatelliteInfo } from '../sim/constellation/info'

export const useInspect = create<{ satellite: SatelliteInfo | null }>()(() => ({ satellite: null }))

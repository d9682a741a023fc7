/** The orbital compute constellation (issue 3), pure simulation core. */

export * from './params'
export * from './orbits'
export * from './schedule'
export { ConstellationBuilder, buildForcedCount, constellationParams, type AdvanceResult } from './launches'
export * from './metrics'
export * from './info'
export * from './pick'
export { checkConstellation } from './checks'

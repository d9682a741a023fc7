/**
 * The orbital compute constellation (issue 3), pure simulation core. Importing this module also
 * registers the constellation's cross-field rules with the scenario validator (checks.ts).
 */
import './checks'

export * from './params'
export * from './orbits'
export * from './schedule'
export { ConstellationBuilder, buildForcedCount, constellationParams, type AdvanceResult } from './launches'
export * from './metrics'
export * from './info'
export { checkConstellation } from './checks'

/**
 * The whole scenario schema: one group per capability. A capability adds its group here
 * (one import and one entry), and its cross-field rules, if any, to CHECKS in validate.ts;
 * validation, defaults, the panel, persistence and JSON import/export all walk this object.
 */
import { baseSchema } from '../base/params'
import { constellationSchema } from '../constellation/params'
import { massDriverSchema } from '../massDriver/params'
import { horizonSchema } from './horizon'
import type { ScenarioValues } from './types'

export const SCENARIO_SCHEMA = {
  horizon: horizonSchema,
  constellation: constellationSchema,
  base: baseSchema,
  massDriver: massDriverSchema,
} as const

export type ScenarioParams = ScenarioValues<typeof SCENARIO_SCHEMA>

export const SCENARIO_VERSION = 1

export interface Scenario extends ScenarioParams {
  version: typeof SCENARIO_VERSION
  name: string
}

/**
 * The recorder's window handle (`window.__terawattRecord`, typed in src/testHooks.ts): the headless
 * renderer (scripts/render.mjs), the export bench and the e2e tests drive exports through it.
 */
import { canEncode, describeEncodable } from './formats'
import { viewHeld } from './lockStep'
import { runExport } from './recorder'
import { captureStill, maxStill } from './still'

export const recordHooks = { runExport, captureStill, maxStill, canEncode, describeEncodable, viewHeld }
export type RecordHooks = typeof recordHooks

export function installRecordHooks(): void {
  window.__terawattRecord = recordHooks
}

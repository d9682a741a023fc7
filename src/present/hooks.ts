/**
 * `window.__terawattPresent`: the presenting helpers' handles for end-to-end tests and the
 * recorder (the tour store, the camera as last drawn), declared once with their real types.
 */
import type { cameraView } from '../state/camera'
import type { useTour } from './tour/useTour'
import type { currentQuery } from './urlSync'

export interface TerawattPresentHooks {
  useTour: typeof useTour
  cameraView: typeof cameraView
  currentQuery: typeof currentQuery
}

declare global {
  interface Window {
    /** Present from boot() on. */
    __terawattPresent: TerawattPresentHooks
  }
}

export function installPresentHooks(h: TerawattPresentHooks): void {
  window.__terawattPresent = h
}

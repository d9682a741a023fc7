/**
 * The deep-space view's scale, written each frame by the scene (scene/deepSpace/DeepSpaceLabels.tsx)
 * and read by the scale bar (ui/DeepSpaceKey.tsx): pixels per km at the orbit target's distance, and
 * the camera's distance from it. A plain mutable object: it changes every frame, never through React.
 */
export const deepSpaceView = { pxPerKm: 0, cameraDistanceKm: 0 }

/** Camera distance from the focus (km) beyond which deep space is shown with its key (scale bar, outcome legend) and its trajectory lines in full. */
export const DEEP_KEY_FROM_KM = 2e5

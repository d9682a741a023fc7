/**
 * useFrame for every scene component. R3F runs frame callbacks outside React's render, so an
 * exception there would never reach an error boundary: it would throw again every frame, the
 * canvas would stop drawing and the overlay (run after the scene, src/ui/overlayLoop.ts) would
 * freeze, with no notice. Here a callback that throws stops being called and the error is
 * rethrown on the component's next render, inside the Canvas, from where R3F hands it to the
 * boundary around the 3D view (src/scene/SceneRoot.tsx): a notice and "Retry the 3D view".
 */
import { type RenderCallback, useFrame } from '@react-three/fiber'
import { useRef, useState } from 'react'

let testError: Error | null = null

/** Test trigger: the next scene frame callback to run throws this error (e2e, via testHooks). */
export function throwInSceneForTest(message = 'test error thrown in a scene frame'): void {
  testError = new Error(message)
}

export function useSceneFrame(callback: RenderCallback, priority?: number): void {
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  if (failure) throw failure.error
  const latest = useRef(callback)
  latest.current = callback
  const failed = useRef(false)
  useFrame((state, delta, frame) => {
    if (failed.current) return
    try {
      if (testError) {
        const e = testError
        testError = null
        throw e
      }
      latest.current(state, delta, frame)
    } catch (error) {
      failed.current = true
      setFailure({ error })
    }
  }, priority)
}

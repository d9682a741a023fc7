import { useEffect, useRef } from 'react'

/** Runs cb every animation frame outside React rendering (for HUD text written to DOM refs). */
export function useRafLoop(cb: (now: number) => void): void {
  const ref = useRef(cb)
  ref.current = cb
  useEffect(() => {
    let id = 0
    const tick = (now: number) => {
      ref.current(now)
      id = requestAnimationFrame(tick)
    }
    id = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(id)
  }, [])
}

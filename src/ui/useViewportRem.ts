/** The window's width in rem (the UI scale included), updated on resize: layout choices that depend on room. */
import { useEffect, useState } from 'react'
import { useUi } from '../state/ui'

export function useViewportRem(): number {
  const scale = useUi((s) => s.uiScale)
  const [width, setWidth] = useState(() => (typeof innerWidth === 'number' ? innerWidth : 1280))
  useEffect(() => {
    const onResize = () => setWidth(innerWidth)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return width / (14 * scale)
}

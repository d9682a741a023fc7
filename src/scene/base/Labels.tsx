/**
 * A handful of labels at the base's points of interest (DOM, drei Html). Hidden with the UI, away
 * from the base, and until their structure is built, by style: the Html elements stay mounted.
 */
import { Html } from '@react-three/drei'
import { useFrame } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import type { BaseScenario } from '../../sim/base/growth'
import { simTime, useClock } from '../../state/clock'
import { useScenario } from '../../state/scenario'
import { useUi } from '../../state/ui'
import { fullLayout, pointsOfInterest, standingCount } from './layoutCache'
import { groundM } from './terrainPatches'

export function Labels() {
  const scenario = useScenario((s) => s.scenario)
  const horizonEndMs = useClock((s) => s.horizonEndMs)
  const layout = useMemo(() => fullLayout(scenario as unknown as BaseScenario, horizonEndMs), [scenario, horizonEndMs])
  const pois = useMemo(() => pointsOfInterest(layout).map((p) => ({ ...p, upKm: (groundM(p.xM / 1000, p.yM / 1000) + (p.kind ? 40 : 60)) / 1000 })), [layout])
  const els = useRef<(HTMLDivElement | null)[]>([])
  // Only structures already built are labelled (checked per frame, written to the DOM directly).
  useFrame(() => {
    const ui = useUi.getState()
    const show = !ui.uiHidden && ui.focus === 'base'
    for (let i = 0; i < pois.length; i++) {
      const el = els.current[i], kind = pois[i].kind
      const on = show && (!kind || standingCount(layout[kind], simTime.tMs) > 0)
      if (el && (el.style.display === 'none') === on) el.style.display = on ? '' : 'none'
    }
  })
  return (
    <group name="base-labels">
      {pois.map((p, i) => (
        <Html key={p.id} position={[p.xM / 1000, p.upKm, -p.yM / 1000]} center zIndexRange={[5, 0]} style={{ pointerEvents: 'none' }}>
          <div ref={(el) => { els.current[i] = el }} className="base-label" data-testid={`base-label-${p.id}`}>{p.label}</div>
        </Html>
      ))}
    </group>
  )
}

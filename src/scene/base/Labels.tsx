/**
 * A handful of labels at the base's points of interest (DOM, drei Html). Hidden with the UI, away
 * from the base, and until their structure is built, by style: the Html elements stay mounted.
 */
import { Html } from '@react-three/drei'
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import { pointsOfInterest } from '../../sim/base/pointsOfInterest'
import { standingCount, type BaseLayoutData } from '../../sim/base/snapshot'
import { useBase } from '../../state/base'
import { simTime } from '../../state/clock'
import { useUi } from '../../state/ui'
import { groundM } from './terrainPatches'

export function Labels() {
  const layout = useBase((s) => s.layout)
  return layout ? <LabelSet layout={layout} /> : null
}

function LabelSet({ layout }: { layout: BaseLayoutData }) {
  const pois = useMemo(() => pointsOfInterest(layout).map((p) => ({ ...p, upKm: (groundM(p.xM / 1000, p.yM / 1000) + (p.kind ? 40 : 60)) / 1000 })), [layout])
  const els = useRef<(HTMLDivElement | null)[]>([])
  // Only structures already built are labelled (checked per frame, written to the DOM directly).
  useSceneFrame(() => {
    const ui = useUi.getState()
    const show = !ui.uiHidden && ui.focus === 'base'
    for (let i = 0; i < pois.length; i++) {
      const el = els.current[i],
        kind = pois[i].kind
      const on = show && (!kind || standingCount(layout.kinds[kind], simTime.tMs) > 0)
      if (el && (el.style.display === 'none') === on) el.style.display = on ? '' : 'none'
    }
  })
  return (
    <group name="base-labels">
      {pois.map((p, i) => (
        <Html key={p.id} position={[p.xM / 1000, p.upKm, -p.yM / 1000]} center zIndexRange={[5, 0]} style={{ pointerEvents: 'none' }}>
          <div
            ref={(el) => {
              els.current[i] = el
            }}
            className="base-label"
            data-testid={`base-label-${p.id}`}
          >
            {p.label}
          </div>
        </Html>
      ))}
    </group>
  )
}

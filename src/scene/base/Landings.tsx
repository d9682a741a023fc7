/**
 * Starship (HLS) cargo landings at the base (src/sim/base/landings.ts): each landing of the
 * growth model's schedule, on the pad it is given, as a ship that comes down vertically in a
 * constant-deceleration powered descent (the last 2 km in 90 s, shown from 5 min out, 22 km up)
 * with its engine plume and the glow it throws on the pad, sits on the pad while its cargo is
 * unloaded (up to 7 days), and lifts off along the mirror of its descent.
 *
 * At high warp a descent lasts less than a frame and is not seen, but the ships still stand on
 * their pads for their dwell, so the pads look as busy as the schedule makes them.
 *
 * Three instanced meshes (ship, plume, pad glow), one slot per pad; each frame only their
 * matrices and counts change. The visits come from the worker's latest base snapshot (the ones
 * within a day of its time, src/sim/base/snapshot.ts): nothing is listed on the main thread.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { stageTime, takeStageS } from '../../state/stageTime'
import { shipStateAt, type ShipState, type Visit } from '../../sim/base/landings'
import type { BaseLayoutData } from '../../sim/base/snapshot'
import { useBase } from '../../state/base'
import { simTime } from '../../state/clock'
import { useSim } from '../../state/sim'
import { baseView } from './baseView'
import { groundUnder } from './ground'
import { NOZZLE_EXIT_M, padGlowGeometry, plumeGeometry, starshipGeometry } from './starshipGeometry'

/** Top of the pad's sintered surface above the ground under its centre, m (structureGeometry). */
const PAD_TOP_M = 0.45
const PLUME_LENGTH_M = 40
const PLUME_WIDTH = 3.2
/** The engines light the pad below this height. */
const GLOW_BELOW_M = 150

/** What is drawn now, for end-to-end tests (read-only use outside tests). */
export interface ShownShip {
  index: number
  pad: number
  touchdownMs: number
  altitudeM: number
  thrust: number
}
export const landingsView = { ships: [] as ShownShip[] }

const _m = new THREE.Matrix4(),
  _p = new THREE.Vector3(),
  _q = new THREE.Quaternion(),
  _s = new THREE.Vector3(),
  _y = new THREE.Vector3(0, 1, 0),
  _c = new THREE.Color()
const _state: ShipState = { altitudeM: 0, speedMs: 0, thrust: 0 }
const NO_VISITS: readonly Visit[] = []

/** A fresh instanced mesh shows nothing, and has instance colours from the start (compiled in). */
function init(ref: { current: THREE.InstancedMesh | null }, colors: boolean) {
  return (m: THREE.InstancedMesh | null) => {
    ref.current = m
    if (!m || m.userData.ready) return
    m.userData.ready = true
    if (colors) for (let i = 0; i < m.instanceMatrix.count; i++) m.setColorAt(i, _c.setScalar(0))
    m.count = 0
  }
}

export function Landings() {
  const layout = useBase((s) => s.layout)
  useEffect(() => {
    Object.assign(window, { __terawattLandings: landingsView })
  }, [])
  return layout ? <Ships layout={layout} /> : null
}

function Ships({ layout }: { layout: BaseLayoutData }) {
  const slots = Math.max(1, layout.kinds.landingPad.count)
  const res = useMemo(() => {
    const ship = new THREE.MeshPhongMaterial({ vertexColors: true, shininess: 50, specular: new THREE.Color(0.35, 0.35, 0.36) })
    const glow = {
      vertexColors: true,
      transparent: true,
      depthWrite: false,
      blending: THREE.AdditiveBlending,
      toneMapped: false,
      side: THREE.DoubleSide,
    } as const
    return {
      shipGeometry: starshipGeometry(),
      plumeGeometry: plumeGeometry(),
      padGlowGeometry: padGlowGeometry(),
      shipMaterial: ship,
      plumeMaterial: new THREE.MeshBasicMaterial(glow),
      padGlowMaterial: new THREE.MeshBasicMaterial({ ...glow, polygonOffset: true, polygonOffsetFactor: -2, polygonOffsetUnits: -2 }),
    }
  }, [])
  useEffect(
    () => () => {
      res.shipGeometry.dispose()
      res.plumeGeometry.dispose()
      res.padGlowGeometry.dispose()
      res.shipMaterial.dispose()
      res.plumeMaterial.dispose()
      res.padGlowMaterial.dispose()
    },
    [res],
  )
  const ship = useRef<THREE.InstancedMesh | null>(null)
  const plume = useRef<THREE.InstancedMesh | null>(null)
  const glow = useRef<THREE.InstancedMesh | null>(null)
  useSceneFrame(() => {
    const sm = ship.current,
      pm = plume.current,
      gm = glow.current
    if (!sm || !pm || !gm || !baseView.active) return
    const t = simTime.tMs
    const visits = useSim.getState().snapshot?.base?.visits ?? NO_VISITS
    const pads = layout.kinds.landingPad
    const padGround = groundUnder(layout).landingPad
    const shown = landingsView.ships
    shown.length = 0
    let ns = 0,
      np = 0,
      ng = 0
    // Stage seconds since the take began (absolute live): two takes of one range flicker alike.
    const st = takeStageS(stageTime.ms)
    const flicker = 0.92 + 0.08 * Math.sin(st * 37) * Math.sin(st * 23)
    for (const v of visits) {
      const s = shipStateAt(v, t, _state)
      if (!s || v.pad >= pads.count || ns >= slots) continue
      const x = pads.xM[v.pad],
        z = -pads.yM[v.pad],
        ground = padGround[v.pad] + PAD_TOP_M
      const y = ground + s.altitudeM
      _q.setFromAxisAngle(_y, -pads.headingRad[v.pad])
      sm.setMatrixAt(ns++, _m.compose(_p.set(x, y, z), _q, _s.setScalar(1)))
      shown.push({ index: v.index, pad: v.pad, touchdownMs: v.tMs, altitudeM: s.altitudeM, thrust: s.thrust })
      if (s.thrust <= 0) continue
      const len = PLUME_LENGTH_M * flicker
      pm.setMatrixAt(np, _m.compose(_p.set(x, y + NOZZLE_EXIT_M, z), _q, _s.set(PLUME_WIDTH, len, PLUME_WIDTH)))
      pm.setColorAt(np++, _c.setScalar(s.thrust * flicker))
      if (s.altitudeM < GLOW_BELOW_M) {
        const near = 1 - s.altitudeM / GLOW_BELOW_M
        const r = 25 + 0.4 * s.altitudeM
        gm.setMatrixAt(ng, _m.compose(_p.set(x, ground + 0.3, z), _q, _s.set(r, 1, r)))
        gm.setColorAt(ng++, _c.setScalar(s.thrust * near * near * flicker))
      }
    }
    sm.count = ns
    pm.count = np
    gm.count = ng
    sm.instanceMatrix.needsUpdate = true
    pm.instanceMatrix.needsUpdate = true
    gm.instanceMatrix.needsUpdate = true
    if (pm.instanceColor) pm.instanceColor.needsUpdate = true
    if (gm.instanceColor) gm.instanceColor.needsUpdate = true
  })

  return (
    <group name="base-landings" scale={0.001}>
      <instancedMesh
        key={`ship-${slots}`}
        ref={init(ship, false)}
        name="base-starship"
        args={[res.shipGeometry, res.shipMaterial, slots]}
        frustumCulled={false}
        castShadow
        receiveShadow
      />
      <instancedMesh
        key={`plume-${slots}`}
        ref={init(plume, true)}
        name="base-starship-plume"
        args={[res.plumeGeometry, res.plumeMaterial, slots]}
        frustumCulled={false}
        renderOrder={2}
      />
      <instancedMesh
        key={`glow-${slots}`}
        ref={init(glow, true)}
        name="base-starship-padglow"
        args={[res.padGlowGeometry, res.padGlowMaterial, slots]}
        frustumCulled={false}
        renderOrder={1}
      />
    </group>
  )
}

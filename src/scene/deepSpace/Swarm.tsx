/**
 * The swarm of deep-space compute satellites around the Sun: every point in one THREE.Points draw
 * call, positions solved from Kepler elements in the vertex shader (swarmShader.ts) for the exact
 * frame time. Elements arrive once from the deep-space worker and are uploaded range by range; the
 * launched count at the frame time is a binary search, so scrubbing back needs no message.
 */
import { useSceneFrame } from '../frame/useSceneFrame'
import { useMemo, useRef } from 'react'
import * as THREE from 'three'
import { simTime } from '../../state/clock'
import { deepSpace, swarmLaunchedCount } from '../../state/deepSpace'
import { SWARM_STRIDE } from '../../sim/massDriver/swarmPoints'
import { SWARM_COLOR } from '../../palette'
import { frame, toScene } from '../frame/frame'
import { swarmFragment, swarmVertex } from './swarmShader'
import { MS_PER_DAY } from '../../sim/constants'

/** Camera distances (km) over which the swarm fades in: it is a heliocentric-scale object. */
const FADE_FROM_KM = 1.5e6,
  FADE_TO_KM = 1.5e7

function makeSwarmMaterial(): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    vertexShader: swarmVertex,
    fragmentShader: swarmFragment,
    uniforms: { uDay: { value: 0 }, uSize: { value: 2 }, uColor: { value: new THREE.Color(SWARM_COLOR) }, uOpacity: { value: 1 } },
    transparent: true,
    depthWrite: false,
    blending: THREE.AdditiveBlending,
  })
}

export function Swarm() {
  const points = useRef<THREE.Points>(null)
  const material = useMemo(makeSwarmMaterial, [])
  const st = useRef({ resets: -1, geometry: null as THREE.BufferGeometry | null, buffer: null as THREE.InterleavedBuffer | null })

  useSceneFrame(({ gl, camera }) => {
    const p = points.current
    if (!p) return
    const s = st.current
    if (s.resets !== deepSpace.resets) {
      s.resets = deepSpace.resets
      s.geometry?.dispose()
      const g = new THREE.BufferGeometry()
      const buf = new THREE.InterleavedBuffer(deepSpace.swarm, SWARM_STRIDE)
      buf.setUsage(THREE.DynamicDrawUsage)
      g.setAttribute('aEl0', new THREE.InterleavedBufferAttribute(buf, 4, 0))
      g.setAttribute('aEl1', new THREE.InterleavedBufferAttribute(buf, 4, 4))
      g.setDrawRange(0, 0)
      s.geometry = g
      s.buffer = buf
      p.geometry = g
    }
    const buf = s.buffer
    if (!buf || !s.geometry) return
    if (deepSpace.swarmCount > deepSpace.swarmUploadedUpTo) {
      buf.clearUpdateRanges()
      buf.addUpdateRange(deepSpace.swarmUploadedUpTo * SWARM_STRIDE, (deepSpace.swarmCount - deepSpace.swarmUploadedUpTo) * SWARM_STRIDE)
      buf.needsUpdate = true
      deepSpace.swarmUploadedUpTo = deepSpace.swarmCount
    }
    const n = swarmLaunchedCount(simTime.tMs)
    s.geometry.setDrawRange(0, n)
    const dist = camera.position.length()
    const fade = THREE.MathUtils.clamp(Math.log(dist / FADE_FROM_KM) / Math.log(FADE_TO_KM / FADE_FROM_KM), 0, 1)
    material.uniforms.uOpacity.value = fade
    p.visible = n > 0 && fade > 0
    toScene(frame.sun, p.position)
    material.uniforms.uDay.value = (simTime.tMs - deepSpace.swarmEpochMs) / MS_PER_DAY
    material.uniforms.uSize.value = 2.5 * gl.getPixelRatio()
  })

  return <points ref={points} material={material} frustumCulled={false} name="deep-swarm" renderOrder={3} />
}

/**
 * The 3D view. A logarithmic depth buffer plus the focus-relative origin keeps everything from a
 * metre to beyond the Moon free of z-fighting. A lost WebGL context is reported and the canvas is
 * rebuilt when the browser restores it; a failed asset load falls back and says so.
 */
import { Canvas } from '@react-three/fiber'
import { Component, Suspense, useCallback, useState, type ReactNode } from 'react'
import * as THREE from 'three'
import { useUi } from '../state/ui'
import { BodyMarker } from './BodyMarker'
import { CameraRig } from './CameraRig'
import { Constellation } from './Constellation'
import { Launches } from './Launches'
import { DeepSpace } from './deepSpace/DeepSpace'
import { FollowedSatellite } from './FollowedSatellite'
import { SatellitePicker } from './SatellitePicker'
import { frame } from './frame'
import { readbackSatellitePositions } from './readback'
import { QUALITY } from './quality'
import { EARTH_RADIUS_KM, MOON_RADIUS_KM } from '../sim/constants'
import { Earth } from './Earth'
import { FrameDriver } from './FrameDriver'
import { Moon } from './Moon'
import { MoonBase } from './base/MoonBase'
import { MilkyWay, Stars } from './Stars'
import { Sun } from './Sun'

class AssetBoundary extends Component<{ name: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  componentDidCatch(err: unknown) {
    const msg = err instanceof Error ? err.message : String(err)
    useUi.getState().notify(`${this.props.name} could not be drawn (${msg.slice(0, 120)}).`, 'error', 0)
  }
  render() {
    return this.state.failed ? null : this.props.children
  }
}

declare global {
  interface Window {
    __terawattGl?: { gl: THREE.WebGLRenderer; scene: THREE.Scene; camera: THREE.Camera; readback(indices: number[], tMs: number): number[][] }
  }
}

const ORIGIN_EARTH = { x: 0, y: 0, z: 0 }

export function SceneRoot() {
  const [generation, setGeneration] = useState(0)
  const onCreated = useCallback(({ gl, scene, camera }: { gl: THREE.WebGLRenderer; scene: THREE.Scene; camera: THREE.Camera }) => {
    window.__terawattGl = { gl, scene, camera, readback: (indices: number[], tMs: number) => readbackSatellitePositions(gl, indices, tMs) }
    const canvas = gl.domElement
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault() // allow the browser to restore it
      useUi.getState().notify('The graphics context was lost (GPU reset or too many tabs). Restoring…', 'warn', 0)
    })
    canvas.addEventListener('webglcontextrestored', () => {
      useUi.getState().notify('Graphics restored.', 'info')
      setGeneration((g) => g + 1)
    })
  }, [])

  return (
    <Canvas
      key={generation}
      className="scene"
      flat
      dpr={QUALITY === 'high' ? [1, 2] : 1}
      gl={{ logarithmicDepthBuffer: true, antialias: QUALITY === 'high', powerPreference: 'high-performance', preserveDrawingBuffer: false }}
      camera={{ fov: 45, near: 1e-4, far: 1e12, position: [12000, 9000, 18000] }}
      onCreated={onCreated}
    >
      <color attach="background" args={['#000000']} />
      <FrameDriver />
      <CameraRig />
      <Sun />
      <Stars />
      <AssetBoundary name="The Milky Way">
        <Suspense fallback={null}>
          <MilkyWay />
        </Suspense>
      </AssetBoundary>
      <BodyMarker position={ORIGIN_EARTH} radiusKm={EARTH_RADIUS_KM} color="#7fb2ff" />
      <BodyMarker position={frame.moon} radiusKm={MOON_RADIUS_KM} color="#d8d4cc" />
      <Constellation />
      <Launches />
      <DeepSpace />
      <FollowedSatellite />
      <SatellitePicker />
      <AssetBoundary name="Earth">
        <Suspense fallback={null}>
          <Earth />
        </Suspense>
      </AssetBoundary>
      <AssetBoundary name="The Moon">
        <Suspense fallback={null}>
          <Moon />
        </Suspense>
      </AssetBoundary>
      <AssetBoundary name="Moon Base Alpha">
        <MoonBase />
      </AssetBoundary>
    </Canvas>
  )
}

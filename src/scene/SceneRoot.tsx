/**
 * The 3D view. A logarithmic depth buffer plus the focus-relative origin keeps everything from a
 * metre to beyond the Moon free of z-fighting. A lost WebGL context is reported and the canvas is
 * rebuilt when the browser restores it; a failed asset load falls back and says so. Any other
 * exception in the scene is caught around the canvas (SceneBoundary): it becomes a notice, the
 * panels and the clock keep running, and the view can be retried.
 */
import { advance, Canvas } from '@react-three/fiber'
import { Component, Suspense, type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import type * as THREE from 'three'
import { useUi } from '../state/ui'
import { BodyMarker } from './bodies/BodyMarker'
import { CameraRig } from './frame/CameraRig'
import { Constellation } from './earth/Constellation'
import { Launches } from './earth/Launches'
import { DeepSpace } from './deepSpace/DeepSpace'
import { FollowedSatellite } from './earth/FollowedSatellite'
import { SatellitePicker } from './earth/SatellitePicker'
import { frame } from './frame/frame'
import { readbackSatellitePositions } from './earth/readback'
import { QUALITY } from './frame/quality'
import { EARTH_RADIUS_KM, MOON_RADIUS_KM } from '../sim/constants'
import { Earth } from './earth/Earth'
import { driveFrame, FrameDriver } from './frame/FrameDriver'
import { Moon } from './bodies/Moon'
import { MoonBase } from './base/MoonBase'
import { MilkyWay, Stars } from './bodies/Stars'
import { Sun } from './bodies/Sun'

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

/**
 * While the canvas is gone, a stand-in frame loop keeps the clock, the worker requests and the
 * overlay (R3F's global effects, run by advance() with no root to render) going. Only one loop
 * runs at a time: this one exists only while the scene has failed.
 */
function SceneFailed({ retry }: { retry(): void }) {
  useEffect(() => {
    let id = 0
    let last = performance.now()
    const tick = (now: number) => {
      id = requestAnimationFrame(tick)
      driveFrame((now - last) / 1000)
      last = now
      advance(now, true)
    }
    id = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(id)
  }, [])
  return (
    <div className="scene scene-failed" data-testid="scene-failed" role="status">
      <p>The 3D view failed; the clock and the panels keep running.</p>
      <button onClick={retry} data-testid="scene-retry">
        Retry the 3D view
      </button>
    </div>
  )
}

/** Turns an exception anywhere in the canvas into a notice and the stand-in above. */
class SceneBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  componentDidCatch(err: unknown) {
    const msg = err instanceof Error ? err.message : String(err)
    console.error('the 3D view failed', err)
    useUi.getState().notify(`The 3D view failed (${msg.slice(0, 160)}). The panels keep running; Retry rebuilds it.`, 'error', 0)
  }
  private retry = () => this.setState({ failed: false })
  render() {
    return this.state.failed ? <SceneFailed retry={this.retry} /> : this.props.children
  }
}

export function SceneRoot() {
  return (
    <SceneBoundary>
      <Scene />
    </SceneBoundary>
  )
}

function Scene() {
  const [generation, setGeneration] = useState(0)
  // R3F loses the context on purpose when the canvas unmounts (a failed view, a retry): no notice then.
  const disposed = useRef(false)
  useEffect(() => {
    disposed.current = false
    return () => {
      disposed.current = true
    }
  }, [])
  const onCreated = useCallback(({ gl, scene, camera }: { gl: THREE.WebGLRenderer; scene: THREE.Scene; camera: THREE.Camera }) => {
    window.__terawattGl = { gl, scene, camera, readback: (indices: number[], tMs: number) => readbackSatellitePositions(gl, indices, tMs) }
    const canvas = gl.domElement
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault() // allow the browser to restore it
      if (disposed.current) return
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

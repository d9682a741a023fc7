/**
 * The deep-space key, shown while the camera is out in deep space (more than 2×10⁵ km from the
 * focus, away from the base): a scale bar (a round length, 1/2/5 × 10ⁿ km or AU, about 120 px
 * long at the orbit target's distance, from the scene's deepSpaceView) and a legend of the
 * trajectory outcomes' colours (the payloads' and trajectory lines' palette).
 */
import { useRef } from 'react'
import { OUTCOME_COLORS, OUTCOME_LABELS } from '../palette'
import type { ShotOutcome } from '../sim/massDriver/shot'
import { OUTCOMES } from '../sim/massDriver/shot'
import { AU_KM } from '../sim/constants'
import { DEEP_KEY_FROM_KM, deepSpaceView } from '../state/deepSpaceView'
import { useUi } from '../state/ui'
import { setText, useOverlayFrame } from './overlayLoop'

/** Short names for the legend (the panel's rows carry the long ones, OUTCOME_LABELS, as tooltips here). */
const SHORT: Record<ShotOutcome, string> = { impact: 'Impact', 'lunar-orbit': 'Lunar orbit', 'earth-orbit': 'Earth orbit', l2: 'L2', heliocentric: 'Escaped' }
const TARGET_PX = 120

/** A round length near `km`: 1, 2 or 5 × 10ⁿ km, or of AU from 0.05 AU up (a number: no allocation). */
function roundKm(km: number): number {
  const au = km / AU_KM
  return au >= 0.05 ? nice(au) * AU_KM : nice(km)
}
const nice = (v: number) => {
  const p = 10 ** Math.floor(Math.log10(v))
  const m = v / p
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p
}
/** The label of a round length from roundKm. */
function lengthLabel(km: number): string {
  const au = km / AU_KM
  if (au >= 0.05) {
    const a = Math.round(au * 100) / 100
    return `${a >= 1 ? a.toFixed(0) : a.toFixed(a >= 0.1 ? 1 : 2)} AU`
  }
  return `${km.toLocaleString('en-US')} km`
}

/** A round length near `km` (1, 2 or 5 × 10ⁿ, in AU from 0.05 AU up) and its label. */
export function roundLength(km: number): { km: number; label: string } {
  const k = roundKm(km)
  return { km: k, label: lengthLabel(k) }
}

export function DeepSpaceKey() {
  const focus = useUi((s) => s.focus)
  const root = useRef<HTMLDivElement>(null)
  const bar = useRef<HTMLDivElement>(null)
  const label = useRef<HTMLSpanElement>(null)
  /** The round length and bar width last written: the label is formatted only when the length changes. */
  const shown = useRef({ km: NaN, px: NaN })
  useOverlayFrame(() => {
    const r = root.current
    if (!r) return
    const on = focus !== 'base' && deepSpaceView.cameraDistanceKm > DEEP_KEY_FROM_KM && deepSpaceView.pxPerKm > 0
    const d = on ? 'flex' : 'none'
    if (r.style.display !== d) r.style.display = d
    if (!on) return
    const l = shown.current
    const km = roundKm(TARGET_PX / deepSpaceView.pxPerKm)
    const px = Math.round(km * deepSpaceView.pxPerKm)
    if (px !== l.px && bar.current) {
      l.px = px
      bar.current.style.width = `${px}px`
    }
    if (km !== l.km) {
      l.km = km
      setText(label.current, lengthLabel(km))
    }
  })
  return (
    <div
      ref={root}
      className="panel deep-key"
      data-testid="deep-key"
      style={{
        display: 'none',
        position: 'absolute',
        left: '50%',
        bottom: '7.4rem',
        transform: 'translateX(-50%)',
        padding: '0.35rem 0.8rem',
        fontSize: '1rem',
        gap: '1rem',
        alignItems: 'center',
        flexWrap: 'wrap',
        justifyContent: 'center',
        maxWidth: '46rem',
      }}
    >
      <span data-testid="deep-scale" style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start' }}>
        <span ref={label} data-testid="deep-scale-label" />
        <div
          ref={bar}
          style={{ height: 4, borderLeft: '1px solid #e6ecf5', borderRight: '1px solid #e6ecf5', borderBottom: '1px solid #e6ecf5', width: 120 }}
        />
      </span>
      {OUTCOMES.map((o) => (
        <span key={o} style={{ display: 'inline-flex', alignItems: 'center', gap: '0.3rem' }} title={`Payloads and trajectories: ${OUTCOME_LABELS[o]}`}>
          <span style={{ width: 10, height: 10, borderRadius: '50%', background: OUTCOME_COLORS[o], display: 'inline-block' }} />
          {SHORT[o]}
        </span>
      ))}
    </div>
  )
}

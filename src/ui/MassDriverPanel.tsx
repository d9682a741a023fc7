/**
 * The mass driver's panel: track physics (src/sim/massDriver/track.ts: L = v²/2a, time on the
 * track, energy per shot, mean and peak electrical power), the shot rate and mass thrown now, what
 * has been launched so far and the limit that binds, from the deep-space snapshot's model figures
 * at the displayed instant (the base's growth model: the same numbers as the base panel, at once
 * after a far jump), and where the shots went (the integrated windows, which may lag after a jump:
 * the note says up to when). Written to DOM refs from the overlay loop once per snapshot, only
 * where the text changed.
 */
import { useRef } from 'react'
import { useDeepSpace } from '../state/deepSpace'
import { useUi } from '../state/ui'
import type { DeepSnapshot } from '../sim/massDriver/snapshot'
import { OUTCOMES } from '../sim/massDriver/shot'
import { OUTCOME_COLORS, OUTCOME_LABELS } from '../palette'
import { count, si } from './format'
import { setText, useOverlayFrame } from './overlayLoop'
import { Readouts } from './Readouts'
import { LIMIT_LABELS } from './story/limits'

const ROWS: { key: string; label: string; title: string; fmt: (s: DeepSnapshot) => string }[] = [
  { key: 'length', label: 'Track length', title: 'L = v² / 2a (SOURCES §4)', fmt: (s) => si(s.track.lengthM, 'm') },
  { key: 'time', label: 'Time on track', title: 'v / a', fmt: (s) => `${s.track.timeOnTrackS.toPrecision(3)} s` },
  { key: 'energy', label: 'Energy per shot', title: '½ m v² at the muzzle', fmt: (s) => si(s.track.energyPerShotJ, 'J') },
  { key: 'mean', label: 'Mean electrical power', title: 'shots/s × ½ m v² / η', fmt: (s) => si(s.track.meanPowerW, 'W') },
  { key: 'peak', label: 'Peak electrical power', title: 'm a v / η at the muzzle instant', fmt: (s) => si(s.track.peakPowerW, 'W') },
  { key: 'rate', label: 'Shots per hour now', title: "The driver's power ÷ energy per shot (base growth model)", fmt: (s) => count(s.model.shotsPerHour) },
  { key: 'massYr', label: 'Mass per year', title: 'payload × shots/h × 8,766 h', fmt: (s) => si(s.model.massPerYearKg / 1000, 't/yr') },
  { key: 'shots', label: 'Shots so far', title: 'Mass thrown ÷ payload (the base panel’s “Thrown by mass driver”)', fmt: (s) => count(s.model.shots) },
  { key: 'mass', label: 'Mass launched', title: 'Cumulative payload mass (the same as the base panel)', fmt: (s) => si(s.model.massLaunchedKg / 1000, 't') },
  { key: 'deep', label: 'Deep-space compute', title: 'Payloads that left the Moon × t × kW/t', fmt: (s) => si(s.model.deepSpaceComputeW, 'W') },
  {
    key: 'limit',
    label: 'Limit that binds',
    title: "What stops the Moon's industry growing faster now (base growth model)",
    fmt: (s) => LIMIT_LABELS[s.model.bindingLimit],
  },
]

export function MassDriverPanel() {
  const cells = useRef<(HTMLElement | null)[]>([])
  const bars = useRef<(HTMLElement | null)[]>([])
  const nums = useRef<(HTMLElement | null)[]>([])
  const note = useRef<HTMLDivElement>(null)
  const last = useRef<unknown>(null)
  useOverlayFrame(() => {
    const s = useDeepSpace.getState().snapshot
    if (!s || s === last.current) return
    last.current = s
    for (let i = 0; i < ROWS.length; i++) setText(cells.current[i], ROWS[i].fmt(s))
    const total = Math.max(1, s.shots)
    for (let i = 0; i < OUTCOMES.length; i++) {
      const o = OUTCOMES[i],
        b = bars.current[i]
      const w = `${((100 * s.outcomes[o]) / total).toFixed(1)}%`
      if (b && b.style.width !== w) b.style.width = w
      setText(nums.current[i], count(s.outcomes[o]))
    }
    setText(
      note.current,
      s.catchingUp
        ? `Integrating launch windows… where they went: up to ${new Date(s.figuresAtMs).toISOString().slice(0, 10)}`
        : `Swarm: ${count(s.swarmPoints)} dots, each ${count(s.payloadsPerPoint)} payloads`,
    )
  })
  // Folded in the Earth view (the orbital constellation's view), open elsewhere; a click toggles it.
  const folded = useUi((u) => u.focus === 'earth' || u.focus === 'satellite')
  return (
    <details key={folded ? 'folded' : 'open'} className="mass-driver panel" data-testid="mass-driver" open={!folded}>
      <summary>Mass driver</summary>
      <Readouts rows={ROWS} cells={cells} testIdPrefix="md-" />
      <div className="outcomes" title="Where the shots launched so far go (their window's integrated trajectory)">
        {OUTCOMES.map((o, i) => (
          <div key={o} className="outcome">
            <span className="label">{OUTCOME_LABELS[o]}</span>
            <span className="bar">
              <span
                ref={(el) => {
                  bars.current[i] = el
                }}
                style={{ background: OUTCOME_COLORS[o] }}
              />
            </span>
            <span
              className="num"
              ref={(el) => {
                nums.current[i] = el
              }}
              data-testid={`md-outcome-${o}`}
            >
              0
            </span>
          </div>
        ))}
      </div>
      <div className="muted md-note" ref={note} />
    </details>
  )
}

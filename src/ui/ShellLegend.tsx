/**
 * The constellation's legend: one swatch per shell (altitude, inclination, share of deployments)
 * with a toggle that hides that shell's points (useLayers.hiddenShells), or a launch-year ramp when
 * the points are coloured by age, its ends the launch years it spans now (the oldest satellite in
 * orbit's and the newest's: yearRamp in src/state/constellationLook.ts); and the point size and
 * brightness factors the renderer applies on top of its own adaptation to how many points cover
 * the screen (adaptivePoints, src/state/constellationLook.ts).
 * Shown while the Earth or a satellite is the focus.
 */
import { shellInclinationDeg } from '../sim/constellation/orbits'
import { useLayers } from '../state/layers'
import { useScenario } from '../state/scenario'
import { useUi } from '../state/ui'
import { BRIGHTNESS_RANGE, SHELL_COLORS, SIZE_RANGE, useConstellationLook, YEAR_RAMP } from '../state/constellationLook'
import './shellLegend.css'

export function ShellLegend() {
  const shells = useScenario((s) => s.scenario.constellation.shells)
  const startYear = useScenario((s) => s.scenario.horizon.startYear)
  const fleet = useScenario((s) => s.scenario.constellation)
  const focus = useUi((s) => s.focus)
  const hidden = useLayers((s) => s.hiddenShells)
  const visible = useLayers((s) => s.visible)
  const look = useConstellationLook()
  if (focus !== 'earth' && focus !== 'satellite') return null
  return (
    <details className="panel shell-legend" open data-testid="shell-legend">
      <summary>Constellation</summary>
      <div className="shell-legend-layers">
        {(['constellation', 'launches', 'clouds', 'atmosphere'] as const).map((l) => (
          <label key={l} className="check">
            <input type="checkbox" data-testid={`layer-${l}`} checked={visible[l]} onChange={(e) => useLayers.getState().setLayer(l, e.target.checked)} />
            {l}
          </label>
        ))}
      </div>
      <div className="shell-legend-mode" role="radiogroup" aria-label="Colour the satellites by">
        Colour by
        {(['shell', 'year'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name="shell-legend-mode" data-testid={`colour-by-${m}`} checked={look.colorBy === m} onChange={() => look.setColorBy(m)} />
            {m === 'shell' ? 'shell' : 'launch year'}
          </label>
        ))}
      </div>
      {look.colorBy === 'shell' ? (
        <ul className="shell-legend-list">
          {shells.map((s, i) => {
            const off = hidden.includes(i)
            const inc = shellInclinationDeg(s)
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a shell is its index (the renderer and hiddenShells use it)
              <li key={i}>
                <label
                  className="check"
                  title={`Shell ${i + 1}: ${s.altitudeKm} km, ${inc.toFixed(1)}°${s.inclinationMode === 'sso' ? ' (Sun-synchronous)' : ''}, ${s.sharePct} % of deployments`}
                >
                  <input
                    type="checkbox"
                    data-testid={`shell-toggle-${i}`}
                    checked={!off}
                    onChange={(e) => useLayers.getState().setShellHidden(i, !e.target.checked)}
                  />
                  <span className="shell-swatch" style={{ background: SHELL_COLORS[i % SHELL_COLORS.length], opacity: off ? 0.3 : 1 }} />
                  {s.altitudeKm} km · {inc.toFixed(1)}°{s.inclinationMode === 'sso' ? ' SSO' : ''} · {s.sharePct} %
                </label>
              </li>
            )
          })}
        </ul>
      ) : (
        <div className="shell-legend-ramp" data-testid="year-ramp">
          <span className="shell-ramp" style={{ background: `linear-gradient(90deg, ${YEAR_RAMP.join(', ')})` }} />
          <span className="shell-ramp-ends">
            <span data-testid="year-ramp-from" title="Launched from 1 January of this year">
              {look.yearSpan?.fromYear ?? startYear}
            </span>
            <span data-testid="year-ramp-to" title="Launched up to the end of this year">
              {look.yearSpan ? (look.yearSpan.toYear === look.yearSpan.fromYear ? `end ${look.yearSpan.toYear}` : look.yearSpan.toYear) : 'newest'}
            </span>
          </span>
          {/* Satellites of a generation are those launched from its year: the ramp's years mark them. */}
          <ul className="shell-legend-list" data-testid="generations">
            <li>
              {startYear}: {fleet.satelliteMassT} t, {fleet.computePowerKw} kW
            </li>
            {fleet.generations.map((g) => (
              <li key={g.year}>
                {g.year}: {g.satelliteMassT} t, {g.computePowerKw} kW
              </li>
            ))}
          </ul>
        </div>
      )}
      <label className="shell-slider">
        Point size ×{look.sizeScale.toFixed(1)}
        <input
          type="range"
          data-testid="point-size"
          min={SIZE_RANGE[0]}
          max={SIZE_RANGE[1]}
          step={0.1}
          value={look.sizeScale}
          onChange={(e) => look.setSizeScale(Number(e.target.value))}
        />
      </label>
      <label className="shell-slider">
        Brightness ×{look.brightness.toFixed(2)}
        <input
          type="range"
          data-testid="point-brightness"
          min={BRIGHTNESS_RANGE[0]}
          max={BRIGHTNESS_RANGE[1]}
          step={0.05}
          value={look.brightness}
          onChange={(e) => look.setBrightness(Number(e.target.value))}
        />
      </label>
    </details>
  )
}

/** What a clicked satellite is: shell, orbit, dates, power and compute, each from the model. */
import { useInspect } from '../state/inspect'
import { useUi } from '../state/ui'
import { utcParts, si } from './format'

export function Inspector() {
  const s = useInspect((x) => x.satellite)
  const focus = useUi((x) => x.focus)
  const followed = useUi((x) => x.focusSatellite)
  const cluster = useUi((x) => x.showCluster)
  if (!s) return null
  const d = (ms: number) => `${utcParts(ms).date} ${utcParts(ms).time.slice(0, 5)} UTC`
  return (
    <aside className="inspector panel" data-testid="inspector" aria-label="Satellite">
      <header>
        <h2>Compute satellite #{s.sequenceIndex + 1}</h2>
        <button aria-label="Close" onClick={() => useInspect.setState({ satellite: null })}>
          ×
        </button>
      </header>
      <dl className="readouts">
        <dt>Shell</dt>
        <dd>{s.shellIndex + 1}</dd>
        <dt>Altitude</dt>
        <dd>{s.altitudeKm.toFixed(0)} km</dd>
        <dt>Inclination</dt>
        <dd>{s.inclinationDeg.toFixed(2)}°</dd>
        <dt>Period</dt>
        <dd>{(s.periodS / 60).toFixed(1)} min</dd>
        <dt>Launched</dt>
        <dd>{d(s.launchMs)}</dd>
        <dt>Deployed</dt>
        <dd>{d(s.deployMs)}</dd>
        <dt>Mass</dt>
        <dd>{s.massT.toPrecision(3)} t</dd>
        <dt>Compute power</dt>
        <dd>{si(s.computeW, 'W')}</dd>
        <dt>Solar array</dt>
        <dd>{s.arrayAreaM2.toFixed(0)} m²</dd>
        <dt>Radiator</dt>
        <dd>{s.radiatorAreaM2.toFixed(0)} m²</dd>
      </dl>
      <div className="row">
        {focus === 'satellite' && followed === s.sequenceIndex ? (
          <button onClick={() => useUi.getState().setFocus('earth')}>Back to Earth</button>
        ) : (
          <button onClick={() => useUi.getState().focusOnSatellite(s.sequenceIndex)} data-testid="fly-to-satellite">
            Fly to it
          </button>
        )}
        <label className="check">
          <input type="checkbox" checked={cluster} onChange={(e) => useUi.setState({ showCluster: e.target.checked })} /> Suncatcher cluster (81)
        </label>
      </div>
      <p className="muted">Circular orbit with J2 nodal drift (src/sim/constellation/orbits.ts); power sizing per SOURCES §1.</p>
    </aside>
  )
}

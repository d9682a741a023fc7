/**
 * The story in numbers, opened on demand (the Charts button or C): the key numbers of the scenario
 * in force beside a compared one, and the charts over the horizon with both overlaid. A press on a
 * chart moves sim time there. Everything here re-renders only when rows or the comparison change.
 */
import { PRESETS } from '../../sim/scenario/presets'
import { useScenario } from '../../state/scenario'
import { useStory } from '../../state/story'
import { GrowthChart } from '../GrowthChart'
import { KeyNumbers } from './KeyNumbers'
import { CHART_SPECS } from './specs'
import './story.css'

/** The comparison picker: a preset, the scenario pinned as it is now, or none. Shared with the scenario panel. */
export function ComparePicker() {
  const comparison = useStory((s) => s.comparison)
  return (
    <label className="story-compare">
      Compare with{' '}
      <select
        aria-label="Compare with"
        data-testid="compare-select"
        value={comparison?.id ?? ''}
        onChange={(e) => useStory.getState().setComparison(e.target.value || null, useScenario.getState().scenario)}
      >
        <option value="">nothing</option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id} title={p.description}>
            {p.name}
          </option>
        ))}
        <option value="pinned" title="A copy of the scenario as it is now: edit on and compare">
          {comparison?.id === 'pinned' ? comparison.name : 'this scenario, pinned as it is now'}
        </option>
      </select>
    </label>
  )
}

export function StoryCharts() {
  const show = useStory((s) => s.showCharts)
  const rows = useStory((s) => s.rows)
  const compareRows = useStory((s) => s.compareRows)
  const comparison = useStory((s) => s.comparison)
  const computeMs = useStory((s) => s.computeMs)
  const name = useScenario((s) => s.scenario.name)
  if (!show) return null
  return (
    <section className="story panel" aria-label="The story in numbers" data-testid="story-charts">
      <header>
        <h2>The story in numbers</h2>
        <ComparePicker />
        <button onClick={() => useStory.getState().toggleCharts()} aria-label="Close charts">
          ×
        </button>
      </header>
      <KeyNumbers nameA={name} rowsA={rows} nameB={comparison?.name ?? null} rowsB={compareRows} />
      <div className="story-grid">
        {CHART_SPECS.map((spec) => (
          <GrowthChart key={spec.id} spec={spec} rows={rows} compareRows={comparison ? compareRows : []} compareName={comparison?.name ?? null} />
        ))}
      </div>
      <p className="muted story-foot">
        Press or drag on a chart to move the time there. Solid: {name}
        {comparison ? `; dashed: ${comparison.name}` : ''}. Rows computed in {computeMs.toFixed(0)} ms in the simulation worker.
      </p>
    </section>
  )
}

import { useEffect } from 'react'
import { boot } from './boot'
import { SceneRoot } from './scene/SceneRoot'
import { useUi } from './state/ui'
import { FocusMenu } from './ui/FocusMenu'
import { Help } from './ui/Help'
import { Inspector } from './ui/Inspector'
import { BasePanel } from './ui/BasePanel'
import { MetricsPanel } from './ui/MetricsPanel'
import { KardashevGauge } from './ui/KardashevGauge'
import { MassDriverPanel } from './ui/MassDriverPanel'
import { Hud } from './ui/Hud'
import { Notices } from './ui/Notices'
import { ScenarioPanel } from './ui/ScenarioPanel'
import { TimeControls } from './ui/TimeControls'

export default function App() {
  useEffect(() => boot(), [])
  const hidden = useUi((s) => s.uiHidden)
  return (
    <div className="app">
      <SceneRoot />
      {!hidden && (
        <div className="overlay">
          {/* Two scrollable columns: panels stack instead of overlapping at any window height. */}
          <div className="column left">
            <Hud />
            <MetricsPanel />
            <KardashevGauge />
          </div>
          <FocusMenu />
          <div className="column right">
            <Inspector />
            <BasePanel />
            <MassDriverPanel />
          </div>
          <TimeControls />
          <ScenarioPanel />
          <Help />
          <div className="corner-buttons">
            <button onClick={() => useUi.getState().toggleScenario()} title="Scenario (S)">Scenario</button>
            <button onClick={() => useUi.getState().toggleHelp()} title="Help (?)">?</button>
          </div>
          <Notices />
        </div>
      )}
    </div>
  )
}

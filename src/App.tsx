import { useEffect } from 'react'
import { StageChrome, StageBlank } from './ui/StageChrome'
import { TourCaption } from './ui/TourCaption'
import { useViewportRem } from './ui/useViewportRem'
import { useTour } from './present/tour/useTour'
import { boot } from './boot'
import { SceneRoot } from './scene/SceneRoot'
import { useUi } from './state/ui'
import { FocusMenu } from './ui/FocusMenu'
import { Help } from './ui/Help'
import { Inspector } from './ui/Inspector'
import { BasePanel } from './ui/BasePanel'
import { BaseCaption } from './ui/BaseCaption'
import { DeepSpaceKey } from './ui/DeepSpaceKey'
import { MetricsPanel } from './ui/MetricsPanel'
import { KardashevGauge } from './ui/KardashevGauge'
import { MassDriverPanel } from './ui/MassDriverPanel'
import { Hud } from './ui/Hud'
import { Notices } from './ui/Notices'
import { PanelBoundary } from './ui/PanelBoundary'
import { ScenarioPanel } from './ui/ScenarioPanel'
import { ShellLegend } from './ui/ShellLegend'
import { StoryCharts } from './ui/story/StoryCharts'
import { TimeControls } from './ui/TimeControls'
import { ExportPanel } from './ui/ExportPanel'
import { useRecorder } from './record/store'

export default function App() {
  useEffect(() => boot(), [])
  // H hides every overlay; ?embed=1 hides all chrome for good (an iframe in a slide deck).
  const hidden = useUi((s) => s.uiHidden || s.embed)
  // A tour chapter shows only the panels it names (folded away by CSS: the panels stay mounted).
  const shown = useUi((s) => s.shownPanels)
  const touring = useTour((s) => s.tour !== null)
  const scale = useUi((s) => s.uiScale)
  useEffect(() => {
    // Every size in the overlay is in rem: the root font sets the stage type (14 px × scale).
    document.documentElement.style.fontSize = `${14 * scale}px`
  }, [scale])
  // Under ~80 rem of width (a small window, or a large UI scale) the focus menu drops below the corner buttons.
  const narrow = useViewportRem() < 80
  const overlayClass = `overlay${narrow ? ' narrow' : ''}${touring ? ' touring' : ''}${shown ? ` folding ${shown.map((id) => `show-${id}`).join(' ')}` : ''}`
  // Each panel has its own error boundary (ids: src/ui/PanelBoundary.tsx): one that throws
  // becomes a notice and a "reopen" placeholder while the scene and the others go on.
  return (
    <div className="app">
      <SceneRoot />
      {!hidden && (
        <div className={overlayClass}>
          {/* Two scrollable columns: panels stack instead of overlapping at any window height. */}
          <div className="column left">
            <PanelBoundary id="hud" label="clock">
              <Hud />
            </PanelBoundary>
            <PanelBoundary id="metrics" label="orbital compute">
              <MetricsPanel />
            </PanelBoundary>
            <PanelBoundary id="kardashev" label="Kardashev scale">
              <KardashevGauge />
            </PanelBoundary>
            <PanelBoundary id="shell-legend" label="constellation legend">
              <ShellLegend />
            </PanelBoundary>
          </div>
          <PanelBoundary id="focus-menu" label="focus menu" place="focus-menu">
            <FocusMenu />
          </PanelBoundary>
          <PanelBoundary id="base-caption" label="base caption">
            <BaseCaption />
          </PanelBoundary>
          <PanelBoundary id="deep-key" label="deep-space key">
            <DeepSpaceKey />
          </PanelBoundary>
          <div className="column right">
            <PanelBoundary id="inspector" label="satellite">
              <Inspector />
            </PanelBoundary>
            <PanelBoundary id="base" label="Moon Base Alpha">
              <BasePanel />
            </PanelBoundary>
            <PanelBoundary id="mass-driver" label="mass driver">
              <MassDriverPanel />
            </PanelBoundary>
          </div>
          <PanelBoundary id="time-controls" label="time controls" place="time-controls">
            <TimeControls />
          </PanelBoundary>
          <PanelBoundary id="story" label="charts" place="scenario-failed">
            <StoryCharts />
          </PanelBoundary>
          <PanelBoundary id="scenario" label="scenario" place="scenario-failed">
            <ScenarioPanel />
          </PanelBoundary>
          <PanelBoundary id="help" label="help" place="help">
            <Help />
          </PanelBoundary>
          <PanelBoundary id="tour-caption" label="tour caption">
            <TourCaption />
          </PanelBoundary>
          <div className="corner-buttons">
            <StageChrome />
            <button onClick={() => useRecorder.getState().toggle()} title="Export a video or a still" data-testid="export-open">
              Export
            </button>
            <button onClick={() => useUi.getState().toggleScenario()} title="Scenario (S)">
              Scenario
            </button>
            <button onClick={() => useUi.getState().toggleHelp()} title="Help (?)">
              ?
            </button>
          </div>
          <PanelBoundary id="export" label="export" place="scenario-failed">
            <ExportPanel />
          </PanelBoundary>
          <PanelBoundary id="notices" label="notices" place="notices">
            <Notices />
          </PanelBoundary>
        </div>
      )}
      <StageBlank />
    </div>
  )
}

/**
 * The presenter's controls in the corner (start or leave the tour, copy the view's link, the UI
 * scale) and the blanked stage (B or . to black, W to white).
 */
import { useState } from 'react'
import { currentLink } from '../present/urlSync'
import { useTour } from '../present/tour/useTour'
import { UI_SCALES, useUi } from '../state/ui'
import { toggleTour } from './shortcuts'

export function StageChrome() {
  const touring = useTour((s) => s.tour !== null)
  const scale = useUi((s) => s.uiScale)
  const [copied, setCopied] = useState(false)
  const copy = () => {
    const url = currentLink()
    const done = () => {
      setCopied(true)
      useUi.getState().notify('Link to this view copied.', 'info', 3000)
    }
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(done, () => useUi.getState().notify(`Copy this link: ${url}`, 'info', 20000))
    else useUi.getState().notify(`Copy this link: ${url}`, 'info', 20000)
  }
  return (
    <>
      <button type="button" onClick={toggleTour} title="Start / leave the guided tour (T)" data-testid="tour-toggle" className={touring ? 'on' : ''}>
        {touring ? 'End tour' : 'Tour'}
      </button>
      <button type="button" onClick={copy} title="Copy a link to exactly this view" data-testid="copy-link" onBlur={() => setCopied(false)}>
        {copied ? 'Copied' : 'Copy link'}
      </button>
      <select
        aria-label="UI scale"
        title="Type size for the room (scale=)"
        data-testid="ui-scale"
        value={String(scale)}
        onChange={(e) => useUi.getState().setUiScale(Number(e.target.value))}
      >
        {(UI_SCALES as readonly number[]).includes(scale) ? null : <option value={String(scale)}>{scale}×</option>}
        {UI_SCALES.map((s) => (
          <option key={s} value={String(s)}>
            {s}×
          </option>
        ))}
      </select>
    </>
  )
}

export function StageBlank() {
  const blank = useUi((s) => s.blank)
  if (!blank) return null
  return <div className={`stage-blank ${blank}`} data-testid="stage-blank" aria-hidden="true" onClick={() => useUi.setState({ blank: null })} />
}

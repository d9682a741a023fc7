/**
 * The tour's caption on stage: the chapter's title and one line with its figures bound live
 * (src/present/tour/caption.ts), written from the overlay loop only when the text changes. Large,
 * high-contrast type at the bottom centre, clear of the folded-away panels.
 */
import { useRef } from 'react'
import { bindCaption, type CaptionValues, emptyCaptionValues, readCaptionValues } from '../present/tour/caption'
import { useTour } from '../present/tour/useTour'
import { setText, useOverlayFrame } from './overlayLoop'

const values: CaptionValues = emptyCaptionValues()

export function TourCaption() {
  const tour = useTour((s) => s.tour)
  const chapter = useTour((s) => s.chapter)
  const autoplay = useTour((s) => s.autoplay)
  const line = useRef<HTMLParagraphElement>(null)
  useOverlayFrame((tMs) => {
    const c = useTour.getState().tour?.chapters[useTour.getState().chapter]
    if (!c || !line.current) return
    setText(line.current, bindCaption(c.caption, readCaptionValues(tMs, values)))
  })
  if (!tour) return null
  const c = tour.chapters[chapter]
  return (
    <section className="tour-caption" data-testid="tour-caption" aria-live="polite" aria-label="Tour caption">
      <div className="tour-meta">
        <span data-testid="tour-chapter">
          {chapter + 1} / {tour.chapters.length}
        </span>
        {autoplay && <span className="tour-auto">autoplay</span>}
      </div>
      <h2 data-testid="tour-title">{c.title}</h2>
      {c.caption && <p ref={line} data-testid="tour-line" />}
    </section>
  )
}

/**
 * The deep-link format (documented in README.md, stable): the URL's query holds the view.
 *   t      ISO-8601 UTC instant, inside the scenario horizon      t=2030-06-21T12:00:00Z
 *   warp   sim seconds per real second, ±1…1e7 (negative: reverse)  warp=3600
 *   focus  earth | moon | base | sun                              focus=base
 *   play   1 to start playing, 0 paused                           play=1
 *   ui     0 hides every overlay (presenting, recording)          ui=0
 *   sats   show N satellites at once, 1…1,000,000 (demos, benchmarks) sats=100000
 *   quality high | low render quality (applied at load by src/scene/frame/quality.ts) quality=high
 * A malformed or out-of-range value is reported and that one field falls back to its default.
 */
import { FOCI, QUALITIES, type Focus, type Quality } from '../state/ui'
import { parseIsoUtc, toIsoUtc } from '../sim/time'

export interface DeepLink {
  tMs?: number
  warp?: number
  focus?: Focus
  play?: boolean
  uiHidden?: boolean
  satellites?: number
  quality?: Quality
}

export interface ParsedDeepLink {
  link: DeepLink
  /** One sentence per rejected field, for the notice. */
  problems: string[]
}

export function parseDeepLink(search: string, horizon: { startMs: number; endMs: number }): ParsedDeepLink {
  const q = new URLSearchParams(search)
  const link: DeepLink = {}
  const problems: string[] = []
  const t = q.get('t')
  if (t !== null) {
    const ms = parseIsoUtc(t)
    if (ms === null) problems.push(`t="${t.slice(0, 40)}" is not an ISO UTC time like 2030-06-21T12:00:00Z; showing now.`)
    else if (ms < horizon.startMs || ms > horizon.endMs)
      problems.push(`t=${t} is outside the scenario horizon ${toIsoUtc(horizon.startMs).slice(0, 10)} – ${toIsoUtc(horizon.endMs).slice(0, 10)}; showing now.`)
    else link.tMs = ms
  }
  const w = q.get('warp')
  if (w !== null) {
    const n = Number(w)
    if (w.trim() === '' || !Number.isFinite(n) || Math.abs(n) < 1 || Math.abs(n) > 1e7)
      problems.push(`warp="${w.slice(0, 20)}" must be a number from 1 to 10000000 (negative for reverse); using the default.`)
    else link.warp = n
  }
  const f = q.get('focus')
  if (f !== null) {
    if ((FOCI as readonly string[]).includes(f)) link.focus = f as Focus
    else problems.push(`focus="${f.slice(0, 20)}" must be one of ${FOCI.join(', ')}; focusing Earth.`)
  }
  const p = q.get('play')
  if (p !== null) {
    if (p === '1' || p === '0') link.play = p === '1'
    else problems.push(`play="${p.slice(0, 10)}" must be 1 or 0.`)
  }
  const ui = q.get('ui')
  if (ui !== null) {
    if (ui === '1' || ui === '0') link.uiHidden = ui === '0'
    else problems.push(`ui="${ui.slice(0, 10)}" must be 1 or 0.`)
  }
  const sats = q.get('sats')
  if (sats !== null) {
    const n = Number(sats)
    if (!/^\d+$/.test(sats) || n < 1 || n > 1_000_000)
      problems.push(`sats="${sats.slice(0, 12)}" must be a whole number from 1 to 1000000; showing the scenario's launches instead.`)
    else link.satellites = n
  }
  const quality = q.get('quality')
  if (quality !== null) {
    const asked = QUALITIES.find((x) => x === quality)
    if (asked) link.quality = asked
    else problems.push(`quality="${quality.slice(0, 12)}" must be ${QUALITIES.join(' or ')}; choosing by the graphics hardware.`)
  }
  return { link, problems }
}

/** Writes the view into the query, keeping any other parameters (e.g. sats). */
export function formatDeepLink(search: string, view: { tMs: number; warp: number; focus: Focus }): string {
  const q = new URLSearchParams(search)
  q.set('t', toIsoUtc(view.tMs))
  q.set('warp', String(view.warp))
  q.set('focus', view.focus)
  return `?${q.toString().replace(/%3A/g, ':')}`
}

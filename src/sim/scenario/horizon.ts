import { num } from './types'

/** The scenario's time span. Default from the foundation issue: 2026-01-01 to 2060-01-01. */
export const horizonSchema = {
  startYear: num({
    label: 'Horizon start',
    unit: 'year',
    min: 2000,
    max: 2100,
    default: 2026,
    integer: true,
    source: 'Terawatt default: first Starship V3 flights (SOURCES §2)',
  }),
  endYear: num({
    label: 'Horizon end',
    unit: 'year',
    min: 2001,
    max: 2200,
    default: 2060,
    integer: true,
    source:
      'Terawatt default 2060: the seed claims (1 TW/yr from the Moon in 2056); to 2200 every quantity stays bounded by physics: the Moon’s sunlight, its surface and the Sun’s output (SOURCES §7)',
  }),
} as const

/** The horizon as UTC ms: [1 Jan startYear, 1 Jan endYear]. */
export function horizonMs(h: { startYear: number; endYear: number }): { startMs: number; endMs: number } {
  return { startMs: Date.UTC(h.startYear, 0, 1), endMs: Date.UTC(h.endYear, 0, 1) }
}

/** null when tMs lies within the horizon, else a sentence that names it. */
export function outsideHorizon(h: { startYear: number; endYear: number }, tMs: number): string | null {
  const { startMs, endMs } = horizonMs(h)
  if (tMs >= startMs && tMs <= endMs) return null
  return `outside the scenario's horizon ${h.startYear}-01-01 to ${h.endYear}-01-01 (horizon.startYear ${h.startYear}, horizon.endYear ${h.endYear}; the schema allows an end up to ${horizonSchema.endYear.max})`
}

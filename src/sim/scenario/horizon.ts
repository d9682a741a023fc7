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
    source: 'Terawatt default: long enough for Moon Base Alpha to reach full output',
  }),
} as const

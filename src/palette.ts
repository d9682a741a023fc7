/**
 * Colours and labels shared by the scene and the panels, so neither imports the other: pure data,
 * no React or three. One colour per mass-driver shot outcome (the lines, the payloads in flight,
 * the panel's legend) and the swarm's.
 */
import type { ShotOutcome } from './sim/massDriver/shot'

export const OUTCOME_COLORS: Record<ShotOutcome, string> = {
  impact: '#ff5a5a',
  'lunar-orbit': '#b8b8c8',
  'earth-orbit': '#f0e442',
  l2: '#00d6a4',
  heliocentric: '#7df9ff',
}

export const OUTCOME_LABELS: Record<ShotOutcome, string> = {
  impact: 'Fell back (impact)',
  'lunar-orbit': 'Lunar orbit',
  'earth-orbit': 'Earth-bound orbit',
  l2: 'Caught at L2',
  heliocentric: 'Heliocentric (escaped)',
}

/** The swarm of deep-space compute satellites around the Sun. */
export const SWARM_COLOR = '#7df9ff'

/** One colour per shot outcome (OUTCOMES order), shared by the lines, the payloads and the panel. */
import { OUTCOMES, type ShotOutcome } from '../../worker/deepSpace.protocol'

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

export const outcomeCode = (o: ShotOutcome): number => OUTCOMES.indexOf(o)

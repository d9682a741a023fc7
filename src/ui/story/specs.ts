/**
 * The story charts (src/ui/GrowthChart.tsx), in the order the story is told: Earth orbit, then the
 * Moon, the mass driver and the swarm, then the share of the Sun and K. Fields are YearRow's
 * (src/sim/story/yearly.ts): stocks at 1 January after the row's year, flows over the year.
 */
import type { ChartSpec } from '../GrowthChart'

const A = '#ffb547'
const B = '#5ab0ff'

export const CHART_SPECS: readonly ChartSpec[] = [
  {
    id: 'satellites',
    title: 'Satellites in orbit',
    unit: '',
    log: true,
    series: [{ key: 'satellites', label: 'In orbit', color: A }],
    note: 'Deployed and not yet retired, at each year end',
  },
  {
    id: 'launches',
    title: 'Launches per year',
    unit: '',
    log: true,
    series: [{ key: 'launchesInYear', label: 'Flights', color: A }],
    note: 'Constellation Starship flights during each year',
  },
  {
    id: 'mass',
    title: 'Mass to orbit per year',
    unit: 't',
    log: true,
    series: [{ key: 'massToOrbitInYearT', label: 'Satellite mass', color: A }],
    note: 'Satellite mass launched during each year, t',
  },
  {
    id: 'compute',
    title: 'Orbital compute',
    unit: 'W',
    log: true,
    series: [
      { key: 'orbitalComputeW', label: 'In orbit', color: A },
      { key: 'orbitalComputeAddedW', label: 'Added in the year', color: B },
    ],
    note: 'Compute power in orbit at each year end, and that of the satellites deployed during the year',
  },
  {
    id: 'lunar',
    title: 'Moon Base solar power',
    unit: 'W',
    log: true,
    series: [{ key: 'lunarSolarPowerW', label: 'Solar (avg)', color: A }],
    note: 'Average electrical power of the base',
  },
  {
    id: 'thrown',
    title: 'Compute thrown per year',
    unit: 'W',
    log: true,
    series: [{ key: 'thrownComputeW', label: 'Thrown', color: A }],
    note: 'Compute of the satellites the mass driver threw during each year',
  },
  {
    id: 'swarm',
    title: 'Swarm power',
    unit: 'W',
    log: true,
    series: [{ key: 'swarmPowerW', label: 'Swarm', color: A }],
    note: 'Power of the swarm around the Sun at each year end',
  },
  {
    id: 'sun',
    title: 'Fraction of the Sun',
    unit: 'sun',
    log: true,
    series: [{ key: 'fractionOfSun', label: 'Share of L☉', color: A }],
    note: 'Power counted ÷ the Sun’s 3.828e26 W',
  },
  {
    id: 'kardashev',
    title: 'Kardashev index K',
    unit: 'K',
    log: false,
    series: [{ key: 'kardashev', label: 'K', color: A }],
    note: 'Sagan: K = (log₁₀ P − 6) / 10, P in watts',
  },
]

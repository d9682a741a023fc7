/**
 * `base`: Moon Base Alpha at an instant: the growth model's state (people, power, output,
 * structures by kind), the Sun and Earth in the base's sky, and the mass driver's track length.
 * Units: W, t, t/yr, m, degrees (elevation above the horizon, azimuth from north through east).
 */
import { baseStateAt, BASE_SITE, earthAtSite, sunAtSite } from '../../sim/base'
import { toIsoUtc } from '../../sim/time'
import { outsideHorizon } from '../../sim/scenario/horizon'
import { CliError, type Command, requireIso, round } from '../args'
import { loadScenarioArg, SCENARIO_OPTIONS, SCENARIO_USAGE } from '../scenarioArg'

export const baseCommand: Command = {
  name: 'base',
  summary: 'Moon Base Alpha at an instant: population, power, factory output, structures, Sun and Earth in its sky',
  usage: [
    'base [--at ISO] [--preset NAME] [--scenario FILE]',
    "  --at ISO         UTC instant within the scenario's horizon, e.g. 2040-01-01T00:00:00Z (default: now)",
    SCENARIO_USAGE,
  ].join('\n'),
  options: ['at', ...SCENARIO_OPTIONS],
  run: (args) => {
    const tMs = requireIso(args, 'at', Date.now())
    const scenario = loadScenarioArg(args)
    const outside = outsideHorizon(scenario.horizon, tMs)
    if (outside) throw new CliError(`--at ${toIsoUtc(tMs)} is ${outside}.`)
    const s = baseStateAt(scenario, tMs)
    const sun = sunAtSite(tMs)
    const earth = earthAtSite(tMs)
    return {
      at: toIsoUtc(tMs),
      site: { name: 'Connecting Ridge', latDeg: BASE_SITE.latDeg, lonDeg: BASE_SITE.lonDeg, elevationM: BASE_SITE.elevationM },
      population: s.population,
      cargoLandings: s.cargoLandings,
      tankerFlights: s.tankerFlights,
      deliveredT: round(s.deliveredT, 3),
      solarPowerW: round(s.solarPeakW, 0),
      solarAveragePowerW: round(s.solarAverageW, 0),
      powerUsedW: round(s.powerUsedW, 0),
      factoryPowerW: round(s.factoryPowerW, 0),
      factoryOutputTPerYear: round(s.factoryOutputTPerYear, 3),
      satellitesMadeT: round(s.satellitesMadeT, 3),
      satellitesMadeCount: s.satellitesMadeCount,
      satellitesLaunchedT: round(s.satellitesLaunchedT, 3),
      storedT: round(s.storedT, 3),
      massDriverBuilt: s.massDriverBuilt,
      massDriverCapacityTPerYear: round(s.massDriverCapacityTPerYear, 3),
      massDriverTrackLengthM: round(s.massDriverTrackLengthM, 1),
      factoryMassT: round(s.factoryMassT, 3),
      factoryCapacityTPerYear: round(s.factoryCapacityTPerYear, 3),
      regolithMinedT: round(s.regolithMinedT, 3),
      siteArrayAreaM2: round(s.siteArrayAreaM2, 0),
      elsewhereArrayAreaM2: round(s.elsewhereArrayAreaM2, 0),
      bindingLimit: s.bindingLimit,
      structures: s.structures,
      sun: { elevationDeg: round(sun.elevationDeg, 4), azimuthDeg: round(sun.azimuthDeg, 4) },
      earth: { elevationDeg: round(earth.elevationDeg, 4), azimuthDeg: round(earth.azimuthDeg, 4) },
    }
  },
}

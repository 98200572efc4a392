import * as openData from "@tt/integrations";
import type { DemoGeography } from "../geography";

let cached: Promise<DemoGeography> | undefined;

/** The shipped open geography (data/), loaded once per test file. */
export function loadTestGeography(): Promise<DemoGeography> {
  cached ??= (async () => {
    const dir = openData.defaultDataDir();
    const [schools, hospitals, gpPractices, lsoas, localities, busStops] = await Promise.all([
      openData.loadSchools(dir),
      openData.loadHospitals(dir),
      openData.loadGpPractices(dir),
      openData.loadLsoas(dir),
      openData.loadLocalities(dir),
      openData.loadBusStops(dir),
    ]);
    return { schools, hospitals, gpPractices, lsoas, localities, busStops };
  })();
  return cached;
}

import type { LatLon } from "@tt/domain";
import { type Random, WeightedSampler } from "@tt/domain";
import {
  type DemoGeography,
  type DemoLsoa,
  isInDemoBounds,
  jitter,
  nearest,
  PETERBOROUGH_DISTRICT,
} from "./geography";
import { randomAddress } from "./names";

/** A synthetic home: an LSOA's population-weighted centroid moved a few hundred metres. */
export interface Home extends LatLon {
  readonly lsoa: DemoLsoa;
  readonly address: string;
  /** The council whose area it is in. */
  readonly council: "cambridgeshire" | "peterborough";
}

/** Jitter radius: 300 m in urban LSOAs, 700 m in rural ones (they cover more ground). */
const JITTER_METRES = { urban: 300, rural: 700 } as const;

/** How each service's homes are spread over the LSOAs (all proportional to population). */
export const HOME_WEIGHTS = {
  /** Everyone alike. */
  population: (l: DemoLsoa) => l.population,
  /** Pupils beyond walking distance live mostly in villages: rural LSOAs count three times. */
  rural: (l: DemoLsoa) => l.population * (l.rural ? 3 : 1),
  /** Need rises with deprivation: decile 1 counts 1.9 times, decile 10 once. */
  deprived: (l: DemoLsoa) => l.population * (1 + (10 - l.income.decile) / 10),
  /** DRT serves rural areas only. */
  ruralOnly: (l: DemoLsoa) => (l.rural ? l.population : 0),
} as const;
export type HomeWeight = keyof typeof HOME_WEIGHTS;

export type Council = Home["council"];

/** Only the LSOAs of one council's area. */
export function inCouncil(council: Council): { key: string; test: (l: DemoLsoa) => boolean } {
  return {
    key: council,
    test: (l) => (l.districtCode === PETERBOROUGH_DISTRICT) === (council === "peterborough"),
  };
}

export class HomeSampler {
  private readonly samplers = new Map<string, WeightedSampler<DemoLsoa>>();

  constructor(
    private readonly geography: DemoGeography,
    private readonly random: Random,
  ) {}

  /** A home drawn by `weight`, optionally only from LSOAs that pass `filter`. */
  sample(weight: HomeWeight, filter?: { key: string; test: (l: DemoLsoa) => boolean }): Home {
    const lsoa = this.sampler(weight, filter).sample(this.random);
    const radius = lsoa.rural ? JITTER_METRES.rural : JITTER_METRES.urban;
    let point = jitter(this.random, lsoa, radius);
    while (!isInDemoBounds(point)) point = jitter(this.random, lsoa, radius);
    const [locality] = nearest(point, this.geography.localities);
    return {
      ...point,
      lsoa,
      address: randomAddress(this.random, locality?.name ?? lsoa.name),
      council: lsoa.districtCode === PETERBOROUGH_DISTRICT ? "peterborough" : "cambridgeshire",
    };
  }

  private sampler(
    weight: HomeWeight,
    filter?: { key: string; test: (l: DemoLsoa) => boolean },
  ): WeightedSampler<DemoLsoa> {
    const key = `${weight}:${filter?.key ?? "all"}`;
    let sampler = this.samplers.get(key);
    if (!sampler) {
      const lsoas = filter ? this.geography.lsoas.filter(filter.test) : this.geography.lsoas;
      sampler = new WeightedSampler(lsoas, HOME_WEIGHTS[weight]);
      this.samplers.set(key, sampler);
    }
    return sampler;
  }
}

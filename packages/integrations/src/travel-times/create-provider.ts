import { fileURLToPath } from "node:url";
import type { TravelTimeProvider } from "@tt/app";
import { TravelTimeError } from "./errors";
import type { GeometricModelParams } from "./geometric-model";
import { createGeometricProvider } from "./geometric-provider";
import { loadMatrixFileProvider } from "./matrix-file-provider";
import { createOsrmProvider, type OsrmProviderOptions } from "./osrm-provider";
import { createUrbanRuralIndex, loadUrbanRuralPoints } from "./urban-rural-index";

/** The urban/rural points shipped in the repository (`data/travel/urban-rural-points.csv`). */
export const DEFAULT_URBAN_RURAL_POINTS_PATH = fileURLToPath(
  new URL("../../../../data/travel/urban-rural-points.csv", import.meta.url),
);

export interface GeometricProviderConfig {
  readonly kind: "geometric";
  /** Urban/rural points CSV; default the shipped file; `null` = none (every end `unknown`). */
  readonly urbanRuralPointsPath?: string | null;
  /** Km beyond which a point is outside the coverage of the urban/rural points. */
  readonly coverageKm?: number;
  readonly params?: GeometricModelParams;
}

export interface MatrixFileProviderConfig {
  readonly kind: "matrix-file";
  /** A `.json` or `.csv` matrix file (formats in the package README). */
  readonly path: string;
  readonly toleranceMetres?: number;
}

export interface OsrmProviderConfig extends OsrmProviderOptions {
  readonly kind: "osrm";
}

export type TravelTimeProviderConfig =
  | GeometricProviderConfig
  | MatrixFileProviderConfig
  | OsrmProviderConfig;

/** The geometric provider with its urban/rural points loaded from disk. */
export async function loadGeometricProvider(
  config: Omit<GeometricProviderConfig, "kind"> = {},
): Promise<TravelTimeProvider> {
  const path =
    config.urbanRuralPointsPath === undefined
      ? DEFAULT_URBAN_RURAL_POINTS_PATH
      : config.urbanRuralPointsPath;
  const urbanRural =
    path === null
      ? undefined
      : createUrbanRuralIndex(await loadUrbanRuralPoints(path), config.coverageKm);
  return createGeometricProvider({
    ...(urbanRural ? { urbanRural } : {}),
    ...(config.params ? { params: config.params } : {}),
  });
}

/** Chooses and builds a provider from a small config object; loads files up front (fails fast). */
export async function createTravelTimeProvider(
  config: TravelTimeProviderConfig,
): Promise<TravelTimeProvider> {
  switch (config.kind) {
    case "geometric":
      return loadGeometricProvider(config);
    case "matrix-file":
      return loadMatrixFileProvider(config.path, {
        ...(config.toleranceMetres === undefined
          ? {}
          : { toleranceMetres: config.toleranceMetres }),
      });
    case "osrm":
      return createOsrmProvider(config);
    default: {
      const kind = (config as { kind?: unknown }).kind;
      throw new TravelTimeError(
        "invalid-config",
        `unknown travel-time provider kind ${JSON.stringify(kind)}`,
      );
    }
  }
}

import type { Manifest, ManifestStop } from "@tt/app";
import type { ManifestView } from "@tt/contract";
import type { ReadonlyView } from "./readonly-view";
import type { SameShape } from "./same-shape";

/** The contract's manifest and the app's describe the same data. */
const _manifest: SameShape<Manifest, ReadonlyView<ManifestView>> = true;
export const manifestShapeChecks = [_manifest];

function presentStop(stop: ManifestStop): ManifestView["stops"][number] {
  return { ...stop, notes: [...stop.notes] };
}

/** A run's manifest for its driver and passenger assistant: names passengers (audited). */
export function presentManifest(manifest: Manifest): ManifestView {
  const { vehicle } = manifest;
  return {
    ...manifest,
    vehicle: { ...vehicle, features: [...vehicle.features] },
    stops: manifest.stops.map(presentStop),
  };
}

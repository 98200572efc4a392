import {
  Map as MapLibreMap,
  NavigationControl,
  type StyleSpecification,
  setWorkerUrl,
} from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useRef, useState } from "react";
import districtsUrl from "../../../../data/districts.geojson?url";
import { SkipLink } from "../components/skip-link";
import type { PlanGeo } from "./plan-geo";

// The worker is served beside the app (the bundle moves it, so MapLibre cannot find it alone).
setWorkerUrl(workerUrl);

/** A raster tile URL (`…/{z}/{x}/{y}.png`) set at build time; by default the map needs no tiles. */
const TILE_URL: string | undefined = import.meta.env.VITE_TT_TILE_URL || undefined;
const TILE_ATTRIBUTION: string = import.meta.env.VITE_TT_TILE_ATTRIBUTION ?? "";

/** A blank, offline base: a plain background, plus raster tiles only when a URL is configured. */
function baseStyle(): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": "#f3f2f1" } }],
  };
  if (TILE_URL) {
    style.sources.tiles = {
      type: "raster",
      tiles: [TILE_URL],
      tileSize: 256,
      attribution: TILE_ATTRIBUTION,
    };
    style.layers.push({ id: "tiles", type: "raster", source: "tiles" });
  }
  return style;
}

function addDistricts(map: MapLibreMap): void {
  map.addSource("districts", { type: "geojson", data: districtsUrl });
  map.addLayer({
    id: "districts-fill",
    type: "fill",
    source: "districts",
    paint: { "fill-color": "#ffffff", "fill-opacity": TILE_URL ? 0 : 0.8 },
  });
  map.addLayer({
    id: "districts-line",
    type: "line",
    source: "districts",
    paint: { "line-color": "#505a5f", "line-width": 1.5, "line-dasharray": [3, 2] },
  });
}

function addLayers(map: MapLibreMap, geo: PlanGeo): void {
  addDistricts(map);
  map.addSource("runs", { type: "geojson", data: geo.runs });
  map.addLayer({
    id: "runs",
    type: "line",
    source: "runs",
    paint: { "line-color": ["get", "colour"], "line-width": 2.5, "line-opacity": 0.85 },
  });
  map.addSource("stops", { type: "geojson", data: geo.stops });
  map.addLayer({
    id: "stops",
    type: "circle",
    source: "stops",
    paint: {
      "circle-color": ["get", "colour"],
      "circle-radius": ["case", ["get", "home"], 3, 5],
      "circle-stroke-color": "#0b0c0c",
      "circle-stroke-width": ["case", ["get", "home"], 0, 1],
    },
  });
  map.addSource("unassigned", { type: "geojson", data: geo.unassigned });
  map.addLayer({
    id: "unassigned",
    type: "circle",
    source: "unassigned",
    paint: {
      "circle-color": "#ffffff",
      "circle-radius": 4,
      "circle-stroke-color": "#0b0c0c",
      "circle-stroke-width": 1.5,
    },
  });
}

/**
 * The plan on a map: district boundaries, each run a coloured line, stops as points, unassigned
 * pick-ups as open circles. A skip link before it moves keyboard users past it to `skipTo`.
 */
export function PlanMap({ geo, skipTo }: { geo: PlanGeo; skipTo: string }) {
  const container = useRef<HTMLElement>(null);
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: baseStyle(),
        bounds: geo.bounds ?? [-0.5, 52.0, 0.55, 52.75],
        fitBoundsOptions: { padding: 24 },
        attributionControl: {
          compact: false,
          customAttribution: "Boundaries: ONS, Open Government Licence v3.0",
        },
      });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    map.addControl(new NavigationControl({ showCompass: false }));
    map.on("load", () => {
      addLayers(map, geo);
      container.current?.setAttribute("data-loaded", "true");
    });
    return () => map.remove();
  }, [geo]);
  if (failure) {
    return (
      <p className="govuk-body" data-testid="map-failure">
        The map could not be shown in this browser ({failure}). The runs are listed below.
      </p>
    );
  }
  return (
    <>
      <SkipLink to={skipTo}>Skip the map</SkipLink>
      <p className="govuk-hint" id="map-hint">
        Arrow keys move the map and the plus and minus keys zoom it. Open circles are unassigned
        requests. The timeline and the runs table below list the same runs.
      </p>
      <section
        ref={container}
        className="app-map"
        aria-label="Map of the plan: district boundaries, runs and stops"
        aria-describedby="map-hint"
        data-testid="plan-map"
      />
    </>
  );
}

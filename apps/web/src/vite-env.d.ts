/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A raster tile URL template for the plan map; unset, the map uses no tiles (offline). */
  readonly VITE_TT_TILE_URL?: string;
  readonly VITE_TT_TILE_ATTRIBUTION?: string;
}

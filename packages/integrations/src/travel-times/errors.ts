/** Machine-readable reasons a travel-time provider can fail. */
export type TravelTimeErrorCode =
  | "point-not-found"
  | "invalid-matrix-file"
  | "invalid-urban-rural-file"
  | "osrm-error"
  | "osrm-timeout"
  | "osrm-bad-response"
  | "invalid-config";

/** The one error type thrown by the travel-time adapters; `code` is stable, `message` is for people. */
export class TravelTimeError extends Error {
  readonly code: TravelTimeErrorCode;

  constructor(code: TravelTimeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TravelTimeError";
    this.code = code;
  }
}

/** Formats a point for error messages, e.g. `(52.173741, 0.139114)`. */
export function formatPoint(lat: number, lon: number): string {
  return `(${lat.toFixed(6)}, ${lon.toFixed(6)})`;
}

/** Reads a text file, turning any failure into a {@link TravelTimeError} that names the path. */
export async function readTextFile(
  read: (path: string) => Promise<string>,
  path: string,
  code: TravelTimeErrorCode,
): Promise<string> {
  try {
    return await read(path);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TravelTimeError(code, `cannot read ${path}: ${reason}`, { cause });
  }
}

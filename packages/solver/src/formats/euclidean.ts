/** Unrounded Euclidean distance matrix (the benchmarks' convention: travel time = distance). */
export function euclideanMatrix(xs: readonly number[], ys: readonly number[]): number[][] {
  return xs.map((xa, a) => xs.map((xb, b) => Math.hypot(xa - xb, ys[a]! - ys[b]!)));
}

/** Whitespace-separated numeric rows, blank lines dropped (handles LF, CRLF, tabs and spaces). */
export function numericRows(text: string): number[][] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => line.split(/\s+/).map(Number));
}

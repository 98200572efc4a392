/**
 * Inline SVG charts for the HTML report: no scripts, no external files. Every chart has a
 * `<title>` and `<desc>`, every bar and line a text label, so colour is never the only cue.
 */

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
] as const;

/** Dash patterns that tell lines apart without colour. */
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"] as const;

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function colourOf(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

export interface ChartText {
  /** Unique in the page: the chart's title and description are referenced by it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Formats a value for labels, e.g. pounds. */
  readonly format: (value: number) => string;
}

function svgOpen(width: number, height: number, text: ChartText): string {
  const id = escapeHtml(text.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" ` +
    `role="img" aria-labelledby="${id}-t ${id}-d" class="chart">` +
    `<title id="${id}-t">${escapeHtml(text.title)}</title>` +
    `<desc id="${id}-d">${escapeHtml(text.description)}</desc>`
  );
}

function legend(series: readonly Series[], x: number, y: number, line: boolean): string {
  return series
    .map((s, i) => {
      const top = y + i * 18;
      const mark = line
        ? `<line x1="${x}" y1="${top + 6}" x2="${x + 22}" y2="${top + 6}" stroke="${colourOf(i)}" stroke-width="3" stroke-dasharray="${DASHES[i % DASHES.length]}"/>`
        : `<rect x="${x}" y="${top}" width="14" height="12" fill="${colourOf(i)}"/>`;
      return `${mark}<text x="${x + 28}" y="${top + 11}">${escapeHtml(s.name)}</text>`;
    })
    .join("");
}

/**
 * Horizontal grouped bars: one group per category, one bar per series, each labelled with its
 * value.
 */
export function barChart(
  categories: readonly string[],
  series: readonly Series[],
  text: ChartText,
) {
  const bar = 16;
  const groupHeight = series.length * bar + 14;
  // Room for the longest category name (about 7 px a character at 12 px), within reason.
  const longest = Math.max(0, ...categories.map((c) => c.length));
  const left = Math.min(340, Math.max(120, Math.ceil(longest * 7) + 14));
  const width = 760 + Math.max(0, left - 170);
  const plotWidth = width - left - 110;
  const top = 10 + series.length * 18 + 8;
  const height = top + categories.length * groupHeight + 10;
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values.map((v) => Math.abs(v))));
  const parts = [svgOpen(width, height, text), legend(series, left, 10, false)];
  categories.forEach((category, c) => {
    const y0 = top + c * groupHeight;
    parts.push(
      `<text x="${left - 8}" y="${y0 + (series.length * bar) / 2 + 4}" text-anchor="end">${escapeHtml(category)}</text>`,
    );
    series.forEach((s, i) => {
      const value = s.values[c] ?? 0;
      const w = Math.max(0, (Math.abs(value) / max) * plotWidth);
      const y = y0 + i * bar;
      parts.push(
        `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar - 3}" fill="${colourOf(i)}"><title>${escapeHtml(`${category}, ${s.name}: ${text.format(value)}`)}</title></rect>`,
        `<text x="${(left + w + 4).toFixed(1)}" y="${y + bar - 5}" class="value">${escapeHtml(text.format(value))}</text>`,
      );
    });
  });
  parts.push("</svg>");
  return parts.join("");
}

/** Lines over time slots, with axis ticks and each line named at its end and in the legend. */
export function lineChart(slots: readonly string[], series: readonly Series[], text: ChartText) {
  const width = 760;
  const left = 50;
  const right = 130;
  const top = 10 + series.length * 18 + 10;
  const plotHeight = 220;
  const height = top + plotHeight + 40;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = (width - left - right) / Math.max(1, slots.length - 1);
  const x = (i: number) => left + i * step;
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const parts = [svgOpen(width, height, text), legend(series, left, 10, true)];
  parts.push(axes(slots, max, { left, top, plotHeight, width: width - right, x, y }));
  const labelY = spreadLabels(
    series.map((s) => y(s.values.at(-1) ?? 0) + 4),
    13,
  );
  series.forEach((s, i) => {
    const points = s.values.map((v, k) => `${x(k).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${colourOf(i)}" stroke-width="2.5" stroke-dasharray="${DASHES[i % DASHES.length]}"><title>${escapeHtml(s.name)}</title></polyline>`,
    );
    if (s.values.length === 0) return;
    const peak = Math.max(...s.values);
    parts.push(
      `<text x="${x(s.values.length - 1) + 6}" y="${(labelY[i] ?? 0).toFixed(1)}" class="value">${escapeHtml(`${s.name} (peak ${text.format(peak)})`)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

/** Moves label baselines apart, keeping their order, so that no two are closer than `gap`. */
export function spreadLabels(ys: readonly number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const out = [...ys];
  let last = Number.NEGATIVE_INFINITY;
  for (const { y, i } of order) {
    const placed = Math.max(y, last + gap);
    out[i] = placed;
    last = placed;
  }
  return out;
}

interface Frame {
  readonly left: number;
  readonly top: number;
  readonly plotHeight: number;
  readonly width: number;
  readonly x: (i: number) => number;
  readonly y: (v: number) => number;
}

function axes(slots: readonly string[], max: number, f: Frame): string {
  const bottom = f.top + f.plotHeight;
  const out = [
    `<line x1="${f.left}" y1="${bottom}" x2="${f.width}" y2="${bottom}" stroke="#505a5f"/>`,
    `<line x1="${f.left}" y1="${f.top}" x2="${f.left}" y2="${bottom}" stroke="#505a5f"/>`,
  ];
  const every = Math.max(1, Math.ceil(slots.length / 12));
  slots.forEach((slot, i) => {
    if (i % every !== 0) return;
    out.push(
      `<text x="${f.x(i)}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(slot)}</text>`,
    );
  });
  const ticks = 4;
  for (let t = 0; t <= ticks; t++) {
    const v = Math.round((max * t) / ticks);
    out.push(`<text x="${f.left - 6}" y="${f.y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  return out.join("");
}

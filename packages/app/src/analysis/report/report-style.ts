/** The HTML report's inline style sheet: GOV.UK-like type and colours, printable. */
export const REPORT_STYLE = `
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 0; line-height: 1.4; }
main { max-width: 1000px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.4rem; margin-top: 2rem; border-top: 1px solid #b1b4b6; padding-top: 1rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.6rem; text-align: right; vertical-align: top; }
th[scope="row"], thead th:first-child { text-align: left; }
.scroll { overflow-x: auto; }
figure { margin: 1rem 0; } figcaption { font-size: 0.9rem; color: #505a5f; }
svg { font-size: 12px; fill: #0b0c0c; } svg .value { fill: #0b0c0c; }
.district { fill: #f3f2f1; stroke: #505a5f; stroke-width: 1; }
.run { fill: none; stroke-width: 1.2; opacity: 0.8; }
.legend { list-style: none; padding: 0; } .legend li { margin: 0.2rem 0; }
.swatch { display: inline-block; width: 1.2em; height: 0.8em; margin-right: 0.5em; vertical-align: middle; }
.swatch-shared { background: repeating-linear-gradient(90deg, #000 0 5px, transparent 5px 7px); }
.ok { border-left: 5px solid #00703c; padding-left: 0.6rem; }
.warning { border-left: 5px solid #d4351c; padding-left: 0.6rem; font-weight: bold; }
@media print { h2 { break-before: auto; } figure, table { break-inside: avoid; } }
`;

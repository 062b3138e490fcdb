/** The report's whole stylesheet (inline, system fonts only): light and dark colour schemes, and a print layout. */
export const REPORT_CSS: string = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1c2430; --muted: #5b6675; --line: #d8dee6; --panel: #f5f7fa;
  --pass: #17803d; --fail: #c62828; --c0: #2f6fd0; --c1: #e07a1f; --c2: #8a4fc7; --c3: #c62f4f; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #14181e; --fg: #e4e8ee; --muted: #9aa5b4; --line: #313a46; --panel: #1c222a;
    --pass: #4cc774; --fail: #ff6b6b; --c0: #6ea8ff; --c1: #ffa552; --c2: #c39bff; --c3: #ff7a93; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 8px; }
h2 { font-size: 1.2rem; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 16px 0 6px; }
code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.verdict { display: inline-block; padding: 0 10px; border-radius: 6px; color: var(--bg); }
.verdict.pass { background: var(--pass); }
.verdict.fail { background: var(--fail); }
.accounting-line { padding: 8px 12px; background: var(--panel); border-left: 4px solid var(--pass); border-radius: 4px; }
.accounting-line.fail { border-left-color: var(--fail); }
.problems li { color: var(--fail); font-weight: 600; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; }
figcaption { font-size: 0.9rem; color: var(--muted); }
figcaption strong { color: var(--fg); margin-right: 8px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 10px 0; padding: 0; list-style: none; }
.figures li { padding: 8px 14px; background: var(--panel); border-radius: 6px; }
.figures strong { display: block; font-size: 1.3rem; }
.tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 0 24px; }
.tables table { width: 100%; }
.tables td { overflow-wrap: anywhere; }
.chart-figure { margin: 12px 0 20px; }
svg.chart { width: 100%; height: auto; display: block; color: var(--fg); }
svg.chart text { fill: var(--muted); font-size: 12px; font-family: inherit; }
svg.chart text.label { fill: var(--fg); }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
svg.chart path.series { fill: none; stroke-width: 2; stroke-linejoin: round; }
.s0 { fill: var(--c0); stroke: var(--c0); background: var(--c0); }
.s1 { fill: var(--c1); stroke: var(--c1); background: var(--c1); }
.s2 { fill: var(--c2); stroke: var(--c2); background: var(--c2); }
.s3 { fill: var(--c3); stroke: var(--c3); background: var(--c3); }
.key { margin-right: 14px; white-space: nowrap; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 5px; border-radius: 2px; }
dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.settings dt { color: var(--muted); }
dl.settings dd { margin: 0; }
footer { margin-top: 40px; font-size: 0.85rem; color: var(--muted); }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --line: #bbb; --panel: #f2f2f2; }
  main { max-width: none; padding: 0; }
  section, figure, table { break-inside: avoid; }
  .verdict, .swatch, .s0, .s1, .s2, .s3 { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

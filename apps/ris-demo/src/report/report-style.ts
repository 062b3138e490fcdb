/** The report's inline stylesheet (no external resources). */
export const REPORT_CSS: string = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1180px; color: #1b1b1b; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
dl.run { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
dl.run dt { color: #555; } dl.run dd { margin: 0; font-family: ui-monospace, monospace; }
table { border-collapse: collapse; margin: 8px 0; } th, td { padding: 4px 10px; border-bottom: 1px solid #ddd; }
th { text-align: left; background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
svg.chart { background: #fff; border: 1px solid #e2e2e2; border-radius: 4px; max-width: 100%; height: auto; }
svg.chart .title { font-weight: 600; font-size: 13px; } svg.chart .tick, svg.chart .legend { font-size: 11px; fill: #444; }
svg.chart .axis-label { font-size: 11px; fill: #333; } svg.chart .axis { stroke: #333; }
svg.chart .grid { stroke: #eee; } svg.chart .series { fill: none; stroke-width: 1.6; }
svg.chart .reference { stroke: #c00; stroke-dasharray: 6 3; } svg.chart .reference-label { font-size: 11px; fill: #c00; }
svg.chart .bar-value { font-size: 11px; fill: #222; }
.notes { color: #555; font-size: 12px; }
`;

/** The report's inline stylesheet (no external resources). */
export const REPORT_CSS: string = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1180px; color: #1b1b1b; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; } h3 { font-size: 15px; margin: 20px 0 6px; }
.labels { border-left: 4px solid #D55E00; background: #fff4ec; padding: 6px 12px; margin: 10px 0 14px; }
.labels p { margin: 4px 0; }
dl.run { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
dl.run dt { color: #555; } dl.run dd { margin: 0; font-family: ui-monospace, monospace; }
table { border-collapse: collapse; margin: 8px 0; } th, td { padding: 4px 10px; border-bottom: 1px solid #ddd; }
th { text-align: left; background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
figure { margin: 0; display: table; } figcaption { display: table-caption; caption-side: bottom; color: #444; font-size: 12px; padding-top: 2px; }
p.source { color: #333; } p.omitted { color: #555; font-style: italic; max-width: 720px; }
svg.chart { background: #fff; border: 1px solid #e2e2e2; border-radius: 4px; max-width: 100%; height: auto; display: block; }
svg.chart .title { font-weight: 600; font-size: 13px; } svg.chart .tick, svg.chart .legend { font-size: 11px; fill: #444; }
svg.chart .axis-label { font-size: 11px; fill: #333; } svg.chart .axis { stroke: #333; }
svg.chart .grid { stroke: #eee; } svg.chart .series { fill: none; stroke-width: 1.6; }
svg.chart .reference { stroke: #c00; stroke-dasharray: 6 3; } svg.chart .reference-label { font-size: 11px; fill: #c00; }
svg.chart .bar-value { font-size: 11px; fill: #222; } svg.chart .error-bar { stroke-width: 1.4; fill: none; }
svg.chart .road { fill: #d9d9d9; stroke: #555; } svg.chart .lane { stroke: #fff; stroke-dasharray: 8 6; }
svg.chart .cell, svg.chart .cell-empty, svg.chart .colour-step { shape-rendering: crispEdges; } svg.chart .rsu { fill: #222; } svg.chart .ris { fill: #D55E00; stroke: #222; }
svg.chart .ris-normal { stroke: #D55E00; stroke-width: 2; } svg.chart .ris-normal-tip { fill: #D55E00; }
svg.chart .marker-label { font-size: 11px; fill: #222; }
svg.chart .interval { stroke: #0072B2; stroke-width: 2; fill: none; } svg.chart .estimate { fill: #0072B2; }
.notes { color: #555; font-size: 12px; }
`;

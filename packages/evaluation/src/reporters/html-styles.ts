// The HTML report's stylesheet, inlined so the file opens offline and from a CI artifact. The font
// stack ends in CJK system fonts so Chinese outputs render on macOS, Windows and Linux alike.
// The "failed only" filter is pure CSS (`:has`), so the report needs no script at all.

export const REPORT_CSS = `
:root { color-scheme: light; --pass: #1a7f37; --fail: #cf222e; --error: #9a6700; --muted: #6e7781;
  --line: #d0d7de; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 24px; color: #1f2328; line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", sans-serif; }
h1 { margin: 0 0 4px; font-size: 1.6rem; }
h2 { margin: 32px 0 12px; font-size: 1.2rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; }
.meta { color: var(--muted); margin: 0; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.8rem; font-weight: 600; }
.badge-heuristic { background: #fff8c5; color: var(--error); border: 1px solid #d4a72c; }
.notice { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin-top: 20px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; background: var(--bg-soft); }
.card .value { font-size: 1.5rem; font-weight: 600; }
.card .label, .card .detail { color: var(--muted); font-size: 0.85rem; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.chart-figure { margin: 0; max-width: 100%; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.chart { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px; }
.chart .label { font-size: 12px; fill: #1f2328; }
.chart .grid { stroke: var(--line); stroke-dasharray: 3 3; }
.chart .axis { stroke: var(--muted); }
.chart .whisker { stroke: #1f2328; stroke-width: 1.5; }
.bar-passed { fill: var(--pass); }
.bar-failed { fill: var(--fail); }
.bar-error { fill: var(--error); }
.bar-score { fill: #0969da; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); position: sticky; top: 0; }
td.num { text-align: right; white-space: nowrap; }
.status { font-weight: 600; }
.status-passed, .status-fixed { color: var(--pass); }
.status-failed, .status-regression { color: var(--fail); }
.status-error { color: var(--error); }
.status-cancelled, .muted { color: var(--muted); }
.output { margin: 0; max-height: 16em; max-width: 48ch; overflow: auto; white-space: pre-wrap;
  overflow-wrap: anywhere; background: var(--bg-soft); padding: 6px; border-radius: 4px; }
.error-text { color: var(--error); margin: 0 0 4px; }
td.vars-cell { min-width: 18ch; }
.vars { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
.vars dt { font-weight: 600; }
.vars dd { margin: 0; overflow-wrap: anywhere; }
.assertions { margin: 0; padding: 0; list-style: none; }
.assertions .pass .mark { color: var(--pass); }
.assertions .fail .mark { color: var(--fail); }
.method { color: var(--muted); font-size: 0.8rem; }
.method-heuristic { color: var(--error); }
.filter { display: inline-block; margin-bottom: 8px; cursor: pointer; }
body:has(#failed-only:checked) #case-table tbody tr:not([data-status="failed"]):not([data-status="error"]) { display: none; }
footer { margin-top: 32px; color: var(--muted); font-size: 0.8rem; }
`;

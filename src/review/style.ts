/** The review site's stylesheet (assets/review.css): system CJK fonts, printed-form tables, a sticky evidence panel. */
export const REVIEW_CSS = `
:root { --bad: #d1242f; --bad-bg: #ffebe9; --warn-bg: #fff8c5; --ok: #1a7f37; --line: #999; --muted: #666; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #1f2328; font-size: 14px; }
header { padding: 12px 20px; border-bottom: 1px solid #ddd; background: #f6f8fa; }
header h1 { font-size: 20px; margin: 6px 0; } header small, .small { color: var(--muted); font-size: 12px; font-weight: normal; }
a.back { font-size: 13px; }
main { padding: 12px 20px; }
h2 { font-size: 16px; border-bottom: 1px solid #eee; padding-bottom: 4px; margin-top: 22px; } h3 { font-size: 15px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr max-content 1fr; gap: 2px 10px; margin: 6px 0; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; }
.badge { padding: 1px 8px; border-radius: 10px; font-size: 12px; white-space: nowrap; }
.badge.complete { background: #dafbe1; color: var(--ok); } .badge.partial { background: var(--warn-bg); color: #7d4e00; } .badge.failed { background: var(--bad-bg); color: var(--bad); }
.filters { display: flex; gap: 12px; align-items: center; margin: 8px 0; flex-wrap: wrap; } .filters input[type=search] { width: 320px; padding: 4px 6px; }
table.list { border-collapse: collapse; width: 100%; } table.list th, table.list td { border-bottom: 1px solid #e5e5e5; padding: 5px 8px; text-align: left; vertical-align: top; }
table.list thead th { background: #f6f8fa; cursor: pointer; position: sticky; top: 0; } table.list thead th.sorted { text-decoration: underline; }
tr.has-failed td:first-child { border-left: 4px solid var(--bad); } .file { color: var(--muted); font-size: 12px; }
td.failed-checks code { font-size: 11px; background: var(--bad-bg); color: var(--bad); padding: 0 3px; margin: 1px; display: inline-block; }
.doc-layout { display: grid; grid-template-columns: minmax(0, 1fr) 380px; }
aside#evidence { position: sticky; top: 0; align-self: start; height: 100vh; overflow: auto; border-left: 1px solid #ddd; padding: 12px 16px; background: #fcfcfc; }
aside img.crop { max-width: 100%; border: 1px solid #ccc; display: block; margin: 6px 0; }
aside form label { display: block; margin: 6px 0; font-size: 13px; } aside form input { width: 100%; padding: 4px 6px; font-size: 14px; }
aside .buttons { margin-top: 8px; } aside button, .toolbar button { padding: 4px 10px; cursor: pointer; }
code.raw { background: #eef; padding: 0 4px; } .bad { color: var(--bad); } .ok { color: var(--ok); } .missing { color: var(--muted); font-style: italic; }
.toolbar { position: sticky; top: 0; background: #fff; padding: 6px 0; border-bottom: 1px solid #eee; z-index: 2; }
kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 4px; font-size: 12px; background: #f6f8fa; }
ol.failed-checks li { margin: 6px 0; padding: 4px 6px; background: var(--bad-bg); border-radius: 4px; cursor: pointer; }
ol.failed-checks .why { color: var(--muted); } a.part { color: var(--bad); }
ul.warnings li { background: var(--warn-bg); margin: 2px 0; padding: 2px 6px; list-style: none; }
table.form { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
table.form th, table.form td { border: 1px solid var(--line); padding: 3px 6px; }
table.form th { font-weight: normal; background: #fafafa; text-align: left; }
table.form td.v { text-align: center; min-width: 44px; cursor: pointer; font-variant-numeric: tabular-nums; }
.v:hover { outline: 2px solid #0969da; } .v.selected { outline: 3px solid #0969da; outline-offset: -2px; } .meta-v { cursor: pointer; }
td.flag-null { background: #eee; color: var(--muted); } td.flag-warning, td.flag-lowConfidence { background: var(--warn-bg); }
td.flag-failed { background: var(--bad-bg); color: var(--bad); font-weight: bold; } td.in-check { box-shadow: inset 0 0 0 2px var(--bad); }
td.corrected, td.local-corrected { background: #ddf4ff; } td.confirmed, td.local-confirmed { background: #dafbe1; }
s.printed { color: var(--muted); font-weight: normal; }
section.text p { text-indent: 2em; line-height: 1.7; margin: 2px 0; max-width: 52em; }
svg.chart text { font-size: 11px; fill: #333; } svg.chart rect.received { fill: #0969da; } svg.chart rect.disclosed { fill: #2da44e; }
table.side-by-side td.missing-year, table.side-by-side th.missing-year { background: repeating-linear-gradient(45deg, #f3f3f3, #f3f3f3 6px, #fff 6px, #fff 12px); color: var(--muted); }
table.checks tr.failed td { background: var(--bad-bg); } b.dup { color: #7d4e00; } b.missing { color: var(--bad); }
`;

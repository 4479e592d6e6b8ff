/**
 * The report's only stylesheet, inlined. Phones: one column, wrapping `pre`,
 * tables that scroll sideways. Print: light terminal colours, no shadows,
 * sections kept whole where they fit.
 */
export const REPORT_CSS = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --ok: #1a7f37; --ok-bg: #dafbe1; --warn: #9a6700; --warn-bg: #fff8c5; --bad: #cf222e; --bad-bg: #ffebe9; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; color: var(--fg); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; } h4 { font-size: 1rem; margin: 0.2rem 0; } h5 { font-size: 0.95rem; margin: 0; display: inline; }
code, pre, kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.3rem 0; padding: 0.6rem 0.75rem; border-radius: 6px; }
.muted, .meta { color: var(--muted); } .subtitle { margin: 0; color: var(--muted); }
nav.toc { margin: 0.5rem 0 1rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.8rem 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: 0.4rem; } body { padding: 0.6rem; font-size: 14px; } }
.banner { border: 2px solid; border-radius: 8px; padding: 0.6rem 0.9rem; margin: 1rem 0; }
.banner p { margin: 0.2rem 0; } .banner-title { font-size: 1.2rem; font-weight: 700; }
.banner-valid { border-color: var(--ok); background: var(--ok-bg); } .banner-incomplete, .banner-unsigned { border-color: var(--warn); background: var(--warn-bg); }
.banner-tampered { border-color: var(--bad); background: var(--bad-bg); }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 1rem; font-size: 0.8rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.s-passed, .s-pass { color: var(--ok); } .s-failed, .s-fail, .s-error, .s-timed-out, .s-tampered, .s-refuse, .s-abort { color: var(--bad); }
.s-cancelled, .s-skipped, .s-skip, .s-interrupted, .s-needs-person, .s-unanswered, .s-not-evaluated, .s-edit { color: var(--warn); }
.s-not-run, .s-n-a, .s-reference, .s-not-planned { color: var(--muted); }
.warn-text { color: var(--warn); font-weight: 600; } .bad-text { color: var(--bad); font-weight: 600; }
section.procedure { margin-top: 1rem; } .step { border-left: 3px solid var(--line); padding-left: 0.8rem; margin: 0.8rem 0 1.2rem; }
.cell { border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.8rem; margin: 0.6rem 0; break-inside: avoid-page; }
.cell > header { display: flex; flex-wrap: wrap; gap: 0.3rem 0.6rem; align-items: baseline; }
pre.source { background: var(--panel); border: 1px solid var(--line); }
.attempt { border-top: 1px dashed var(--line); margin-top: 0.6rem; padding-top: 0.4rem; }
.attempt-meta { margin: 0.2rem 0; }
.label { font-size: 0.8rem; font-weight: 600; color: var(--muted); margin: 0.4rem 0 0; text-transform: uppercase; letter-spacing: 0.03em; }
ul.notes { margin: 0.3rem 0; padding-left: 1.2rem; }
.diff { background: var(--panel); border: 1px solid var(--line); padding: 0.4rem 0; }
.diff span { display: block; padding: 0 0.75rem; } .diff .add { background: #dafbe1; } .diff .del { background: #ffebe9; }
.table-wrap { overflow-x: auto; margin: 0.3rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; } th, td { border: 1px solid var(--line); padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; white-space: pre-wrap; }
th { background: var(--panel); } td.null { color: var(--muted); font-style: italic; }
tr.untrusted td { background: var(--bad-bg); }
table.timeline td:first-child, table.timeline td:nth-child(2) { white-space: nowrap; }
.term { --c0: #6e7681; --c1: #ff7b72; --c2: #3fb950; --c3: #d29922; --c4: #58a6ff; --c5: #bc8cff; --c6: #39c5cf; --c7: #b1bac4;
  --c8: #8b949e; --c9: #ffa198; --c10: #56d364; --c11: #e3b341; --c12: #79c0ff; --c13: #d2a8ff; --c14: #56d4dd; --c15: #f0f6fc;
  background: #0d1117; color: #e6edf3; }
.term .ctl { color: #0d1117; background: #e3b341; border-radius: 2px; padding: 0 1px; }
.b { font-weight: 700; } .dim { opacity: 0.7; } .i { font-style: italic; } .u { text-decoration: underline; }
${[...Array(16).keys()].map((n) => `.fg-${n} { color: var(--c${n}); } .bg-${n} { background-color: var(--c${n}); }`).join('\n')}
footer { margin-top: 2rem; border-top: 1px solid var(--line); padding-top: 0.5rem; font-size: 0.85rem; color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; } nav.toc { display: none; }
  .term { --c0: #24292f; --c1: #cf222e; --c2: #116329; --c3: #4d2d00; --c4: #0969da; --c5: #8250df; --c6: #1b7c83; --c7: #57606a;
    --c8: #57606a; --c9: #a40e26; --c10: #1a7f37; --c11: #633c01; --c12: #218bff; --c13: #a475f9; --c14: #3192aa; --c15: #24292f;
    background: #fff; color: #000; border: 1px solid #888; }
  .term .ctl { color: #000; background: none; border: 1px solid #000; }
  .banner, .diff .add, .diff .del, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid-page; } a { color: inherit; text-decoration: none; }
}
`;

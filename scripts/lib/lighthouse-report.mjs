// Medians of the Lighthouse runs (scripts/lighthouse.mjs) and the report: a table per
// kind of page with the goals beside the figures, and what costs each page its score.

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The goals: performance ≥ 95, accessibility 100, LCP ≤ 1.5 s, CLS 0. */
const GOALS = {
  performance: { text: '≥ 95', met: (v) => v >= 95 },
  accessibility: { text: '100', met: (v) => v === 100 },
  lcp: { text: '≤ 1,500 ms', met: (v) => v <= 1500 },
  cls: { text: '0', met: (v) => v === 0 },
};

const MEASURES = [
  ['performance', 'performance score'],
  ['accessibility', 'accessibility score'],
  ['best-practices', 'best-practices score'],
  ['seo', 'SEO score'],
  ['lcp', 'LCP (ms)'],
  ['cls', 'CLS'],
  ['tbt', 'TBT (ms)'],
  ['fcp', 'FCP (ms)'],
  ['inp', 'INP (ms)'],
];

const AUDIT_OF = {
  lcp: 'largest-contentful-paint',
  cls: 'cumulative-layout-shift',
  tbt: 'total-blocking-time',
  fcp: 'first-contentful-paint',
  inp: 'interaction-to-next-paint',
};

const median = (xs) => {
  const known = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return known.length ? known[Math.floor((known.length - 1) / 2)] : null;
};

/** The figures of one run of a page: scores 0–100, metrics in ms (CLS unitless). */
function figures(main, snapshot) {
  const out = {};
  for (const c of CATEGORIES) {
    // A search's timespan has no accessibility, best-practices or SEO: its snapshot has.
    const from = c === 'performance' || !snapshot ? main : snapshot;
    const score = from.categories[c]?.score;
    out[c] = score === null || score === undefined ? null : Math.round(score * 100);
  }
  for (const [key, id] of Object.entries(AUDIT_OF)) {
    const v = main.audits[id]?.numericValue;
    out[key] = v === undefined ? null : key === 'cls' ? Math.round(v * 1000) / 1000 : Math.round(v);
  }
  // A run Lighthouse could not finish says why; it is left out of the medians.
  const failed = [main, snapshot].filter(Boolean).map((l) => l.runtimeError).find(Boolean);
  const lcpError = main.audits[AUDIT_OF.lcp]?.errorMessage;
  out.error = failed ? `${failed.code}: ${failed.message}` : lcpError || null;
  return out;
}

const flatten = (item) => item?.node?.selector || item?.node?.snippet || item?.url || item?.source?.url || '';

/** What costs the median run its scores: opportunities and diagnostics, failed checks. */
function costs(main, snapshot) {
  const performance = [];
  for (const ref of main.categories.performance?.auditRefs || []) {
    const a = main.audits[ref.id];
    if (!a || ref.group === 'metrics' || ref.group === 'hidden') continue;
    if (a.score === null || a.score >= 1 || ['notApplicable', 'manual', 'error'].includes(a.scoreDisplayMode)) continue;
    const savings = a.metricSavings || {};
    const weight = (savings.LCP || 0) + (savings.FCP || 0) + (savings.TBT || 0) + (savings.INP || 0) + (savings.CLS || 0) * 10_000;
    if (a.scoreDisplayMode === 'informative' && !weight) continue;
    performance.push({
      id: a.id,
      title: a.title,
      display: a.displayValue || '',
      savings: Object.entries(savings)
        .filter(([, v]) => v)
        .map(([m, v]) => (m === 'CLS' ? `CLS ${v.toFixed(3)}` : `${m} ${Math.round(v).toLocaleString('en-US')} ms`))
        .join(', '),
      weight,
    });
  }
  performance.sort((a, b) => b.weight - a.weight);
  const failed = [];
  const from = snapshot || main;
  for (const c of CATEGORIES.slice(1)) {
    for (const ref of from.categories[c]?.auditRefs || []) {
      const a = from.audits[ref.id];
      if (!a || a.score === null || a.score >= 1 || !['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)) continue;
      const items = (a.details?.items || []).map(flatten).filter(Boolean).slice(0, 3);
      failed.push({ category: c, id: a.id, title: a.title, items });
    }
  }
  const lcpElement = main.audits['largest-contentful-paint-element']?.details;
  const lcpItems = lcpElement?.items?.[0]?.items || lcpElement?.items || [];
  const shifts = main.audits['layout-shifts']?.details?.items || [];
  return {
    performance: performance.slice(0, 6),
    failed,
    lcpElement: flatten(lcpItems[0]),
    lcpPhases: (lcpElement?.items?.[1]?.items || []).map((p) => `${p.phase || p.label} ${Math.round(p.timing)} ms`),
    layoutShifts: shifts.slice(0, 4).map((s) => `${flatten(s)} (${(s.score ?? 0).toFixed(3)})`),
  };
}

/**
 * `addresses`: `[{ kind, address }]` in the report's order; `runs`: per run, the steps
 * `[{ kind, lhr, timespan?, snapshot? }]`. Returns the medians
 * per kind and, per kind, the median run's reports (by performance score, then LCP).
 */
export function summarise(addresses, runs) {
  const pages = [];
  const medianRuns = {};
  for (const { kind, address } of addresses) {
    const perRun = runs.map((steps) => {
      const own = steps.filter((s) => s.kind === kind);
      const main = own.find((s) => !s.snapshot).lhr;
      const snapshot = own.find((s) => s.snapshot)?.lhr;
      return { main, snapshot, figures: figures(main, snapshot) };
    });
    const medians = {};
    for (const [key] of MEASURES) medians[key] = median(perRun.map((r) => r.figures[key]));
    const ordered = [...perRun].sort(
      (a, b) => (a.figures.performance ?? 0) - (b.figures.performance ?? 0) || (b.figures.lcp ?? 0) - (a.figures.lcp ?? 0),
    );
    const mid = ordered[Math.floor((ordered.length - 1) / 2)];
    medianRuns[kind] = mid.snapshot ? { main: mid.main, snapshot: mid.snapshot } : { main: mid.main };
    pages.push({
      kind,
      mode: mid.snapshot ? 'timespan + snapshot' : 'navigation',
      url: address,
      medians,
      runs: perRun.map((r) => r.figures),
      costs: costs(mid.main, mid.snapshot),
      warnings: mid.main.runWarnings || [],
    });
  }
  return { pages, medianRuns };
}

const show = (key, v) => (v === null || v === undefined ? '–' : key === 'cls' ? v.toFixed(3) : v.toLocaleString('en-US'));
const verdict = (key, v) => {
  const goal = GOALS[key];
  if (!goal || v === null || v === undefined) return '';
  return goal.met(v) ? 'met' : '**missed**';
};

export function markdown({ pages, runs, browser, lighthouse }) {
  const lines = [
    '# Lighthouse: every kind of page of the release app',
    '',
    `Lighthouse ${lighthouse}, mobile preset (simulated slow 4G: 150 ms RTT, 1.6 Mbit/s; 4× CPU slowdown), ${runs} run${runs === 1 ? "" : "s"} per page, medians; ${browser}.`,
    'Each page a cold navigation in a fresh profile (HTTP cache, service worker and Cache Storage cleared; the drafts and applications the page needs kept). Search results: a timespan of typing on the front page (real throttling) and a snapshot of the results.',
    'Goals: performance ≥ 95, accessibility 100, LCP ≤ 1.5 s, CLS 0.',
    '',
    '| page | address | perf | a11y | best pr. | SEO | LCP ms | CLS | TBT ms | FCP ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...pages.map((p) => {
      const m = p.medians;
      const cell = (key) => `${show(key, m[key])}${verdict(key, m[key]) === '**missed**' ? ' ✗' : ''}`;
      return `| ${p.kind} | ${p.url} | ${cell('performance')} | ${cell('accessibility')} | ${cell('best-practices')} | ${cell('seo')} | ${cell('lcp')} | ${cell('cls')} | ${cell('tbt')} | ${cell('fcp')} |`;
    }),
    '',
    '✗: misses its goal.',
    '',
  ];
  for (const p of pages) {
    lines.push(
      `## ${p.kind} (${p.url}, ${p.mode})`,
      '',
      `| measure | median | runs | goal | |`,
      '|---|---:|---|---|---|',
      ...MEASURES.filter(([key]) => p.runs.some((r) => r[key] !== null && r[key] !== undefined)).map(
        ([key, name]) =>
          `| ${name} | ${show(key, p.medians[key])} | ${p.runs.map((r) => show(key, r[key])).join(', ')} | ${GOALS[key]?.text || ''} | ${verdict(key, p.medians[key])} |`,
      ),
      '',
    );
    p.runs.forEach((r, i) => r.error && lines.push(`- run ${i + 1}: Lighthouse reported an error: ${r.error}`));
    const c = p.costs;
    if (c.lcpElement) lines.push(`- LCP element: \`${c.lcpElement}\`${c.lcpPhases.length ? ` (${c.lcpPhases.join(', ')})` : ''}`);
    if (c.layoutShifts.length) lines.push(`- Layout shifts: ${c.layoutShifts.map((s) => `\`${s}\``).join(', ')}`);
    for (const a of c.performance) {
      lines.push(`- performance: ${a.title}${a.display ? ` — ${a.display}` : ''}${a.savings ? ` (could save ${a.savings})` : ''} [\`${a.id}\`]`);
    }
    for (const a of c.failed) {
      lines.push(`- ${a.category}: ${a.title} [\`${a.id}\`]${a.items.length ? `: ${a.items.map((i) => `\`${i}\``).join(', ')}` : ''}`);
    }
    for (const w of p.warnings) lines.push(`- Lighthouse warned: ${typeof w === 'string' ? w : JSON.stringify(w)}`);
    lines.push('');
  }
  return lines.join('\n');
}

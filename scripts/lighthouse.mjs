// Lighthouse benchmark (not a test): every kind of page of the release app, Lighthouse's
// mobile preset (simulated slow 4G, 4× CPU slowdown), median of 3 runs, against the
// release backend. `make lighthouse` (or `make bench`) runs it after scripts/build.sh.
//
// One Lighthouse user flow per run, in a fresh Chromium profile (Debian's Chromium driven
// by puppeteer-core). Each page is a cold navigation: Lighthouse clears the HTTP cache,
// the service worker and Cache Storage before it (`disableStorageReset: false`), but
// keeps local storage and IndexedDB, where the app keeps drafts and applications. What a
// page needs is prepared in between in the same tab, as a citizen would do it
// (scripts/lib/journey.mjs): a draft for the step and check pages, an application sent
// for the confirmation, the office's moves (rathaus-server admin) for the case page.
// Search results have no address (what is typed stays on the device): they are a
// timespan (typing a query on the front page, with real 4× CPU and network throttling)
// plus a snapshot of the results for accessibility, best practices and SEO.
//
// Writes target/lighthouse-report.md, target/lighthouse-medians.json, and the median
// run's full report per page in target/lighthouse/ (JSON and HTML).
// RATHAUS_LIGHTHOUSE_RUNS changes the number of runs (default 3).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReport, startFlow } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { startBackend } from './lib/backend.mjs';
import { CHROMIUM, FLAGS, freshProfile, requireChromium } from './lib/chromium.mjs';
import { SERVICE, answerEverything, expectPage, send } from './lib/journey.mjs';
import { CATEGORIES, markdown, summarise } from './lib/lighthouse-report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RATHAUS_LIGHTHOUSE_RUNS || 3);
let browserVersion = '';
const QUERY = 'ich bin umgezogen';

/** The pages in the order a run visits them; `prepare` runs before a page is measured. */
const PAGES = [
  { kind: 'front', path: () => '/', heading: 'Dienstleistungen online beantragen', text: 'Online mit dieser App' },
  { kind: 'search results', search: QUERY },
  { kind: 'life situation', path: () => '/life/umzug-wohnen', heading: 'Umzug & Wohnen' },
  { kind: 'info', path: () => '/info/wohnsitz-ummelden', heading: 'Wohnsitz innerhalb der Stadt ummelden' },
  { kind: 'start', path: () => `/services/${SERVICE}`, heading: 'Bewohnerparkausweis beantragen', text: 'Jetzt beginnen' },
  { kind: 'status', path: () => '/status', heading: 'Stand Ihres Antrags' },
  {
    kind: 'step',
    path: () => `/services/${SERVICE}/apply/wohnung`,
    heading: 'Ihre Anschrift in der Zone',
    prepare: ({ page, base }) => answerEverything(page, base),
  },
  { kind: 'check', path: () => `/services/${SERVICE}/check`, heading: 'Prüfen Sie Ihre Angaben', text: 'DO-AB 123' },
  {
    kind: 'confirmation',
    path: (s) => `/applications/${s.caseNumber}`,
    // The Bewohnerparkausweis has a fee: the confirmation leads with paying it.
    heading: 'Zahlung ausstehend',
    text: 'Eingegangen',
    prepare: async (s) => (s.caseNumber = await send(s.page, s.base)),
  },
  {
    kind: 'case',
    path: (s) => `/applications/${s.caseNumber}`,
    // Leads with what the office asks.
    heading: /^Das Amt braucht Ihre Antwort/,
    text: 'Bitte senden Sie uns eine Kopie Ihres Personalausweises.',
    // The office has moved the case on, written, and asked for a document.
    prepare: ({ backend, caseNumber }) => {
      backend.admin('move', caseNumber, 'in_review', '--message', 'Wir prüfen Ihre Angaben.');
      backend.admin('ask', caseNumber, 'Bitte senden Sie uns eine Kopie Ihres Personalausweises.', '--document');
    },
  },
  { kind: 'Meine Anträge', path: () => '/applications', heading: 'Meine Anträge', text: 'Bewohnerparkausweis' },
  { kind: 'device', path: () => '/device', heading: 'Daten auf diesem Gerät' },
];

const flowOptions = {
  config: { extends: 'lighthouse:default', settings: { onlyCategories: CATEGORIES } },
  flags: { logLevel: 'error' },
};

/** One run: every page once, in one fresh profile. Returns [{ kind, lhr, snapshot? }]. */
async function run(backend, runNumber) {
  const profile = freshProfile();
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, `--user-data-dir=${profile.dir}`],
    defaultViewport: null,
  });
  try {
    browserVersion = await browser.version();
    const page = await browser.newPage();
    const flow = await startFlow(page, { ...flowOptions, name: `Rathaus, run ${runNumber}` });
    const state = { page, base: backend.base, backend, caseNumber: null };
    const steps = [];
    for (const p of PAGES) {
      if (p.prepare) await p.prepare(state);
      if (p.search) {
        // From a loaded front page (not measured again): type, until the results show.
        await page.goto(`${backend.base}/`);
        await page.waitForSelector('#search');
        await flow.startTimespan({ name: `${p.kind} (typing "${p.search}")` });
        await page.type('#search', p.search, { delay: 100 });
        await page.waitForFunction(
          (q) => document.getElementById('search-results')?.getAttribute('data-answers') === q,
          { timeout: 30_000 },
          p.search,
        );
        await flow.endTimespan();
        await flow.snapshot({ name: `${p.kind} (snapshot)` });
        steps.push({ kind: p.kind, timespan: true }, { kind: p.kind, snapshot: true });
      } else {
        const url = backend.base + p.path(state);
        await flow.navigate(url, { name: p.kind, disableStorageReset: false });
        // Measured what it should: the page itself, with the state it needs.
        await expectPage(page, p.heading, p.text);
        steps.push({ kind: p.kind });
      }
      process.stdout.write(`lighthouse: run ${runNumber}/${RUNS}, ${p.kind} done\n`);
    }
    const result = await flow.createFlowResult();
    return steps.map((s, i) => ({ ...s, lhr: result.steps[i].lhr }));
  } finally {
    await browser.close();
    profile.remove();
  }
}

requireChromium();
const backend = await startBackend(root);
const runs = [];
try {
  for (let i = 1; i <= RUNS; i++) runs.push(await run(backend, i));
} finally {
  backend.stop();
}

// Addresses as the report shows them: a case number differs from run to run.
const addresses = PAGES.map((p) => ({
  kind: p.kind,
  address: p.search ? `/ (typing "${p.search}")` : p.path({ caseNumber: '<case number>' }),
}));
const { pages, medianRuns } = summarise(addresses, runs);
const out = join(root, 'target');
const perPage = join(out, 'lighthouse');
rmSync(perPage, { recursive: true, force: true });
mkdirSync(perPage, { recursive: true });
for (const [kind, lhrs] of Object.entries(medianRuns)) {
  const file = kind
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  for (const [part, lhr] of Object.entries(lhrs)) {
    const name = part === 'main' ? file : `${file}-${part}`;
    writeFileSync(join(perPage, `${name}.json`), JSON.stringify(lhr));
    writeFileSync(join(perPage, `${name}.html`), generateReport(lhr, 'html'));
  }
}
writeFileSync(join(out, 'lighthouse-medians.json'), JSON.stringify({ runs: RUNS, browser: browserVersion, pages }, null, 2) + '\n');
const report = markdown({ pages, runs: RUNS, browser: browserVersion, lighthouse: runs[0][0].lhr.lighthouseVersion });
writeFileSync(join(out, 'lighthouse-report.md'), report);
console.log(report);
console.log('lighthouse report: target/lighthouse-report.md (median runs in target/lighthouse/)');

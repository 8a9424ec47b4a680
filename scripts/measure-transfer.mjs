// What a first visit really transfers, measured in Chromium against the release backend,
// and the size budget's check (docs/size.md). Run by scripts/build.sh after the server is
// built; alone: `node scripts/measure-transfer.mjs` (needs dist/ and the release server).
//
// Three visits, each in a fresh profile with the service worker allowed, each until the
// service worker has installed (its precache fetches count) and the network is idle:
//   first visit        the front page, /; then the link to the Bewohnerparkausweis (start
//                      page) and "Jetzt beginnen" (first question): what these add
//   then a search      the front page again, then a query typed: what the first search adds
//   wizard by its link /services/bewohnerparkausweis opened directly
//   then a language   the front page again, then each language chosen in turn: what a
//                      first visit in that language adds (its texts)
// Bytes: see scripts/lib/wire.mjs (on the wire, headers included; each URL counted once,
// the first time; further transfers of a URL are listed as repeats).
//
// Writes target/size-report.md and .json: the measured part first, then the static
// table of the app's files that scripts/build/postbuild.mjs wrote (target/size-static.md).
// Exits 1 when the first visit is over the budget (RATHAUS_SIZE_BUDGET_BYTES, 150,000).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackend } from './lib/backend.mjs';
import { launch, requireChromium } from './lib/chromium.mjs';
import { recordedTab } from './lib/wire.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_BYTES = Number(process.env.RATHAUS_SIZE_BUDGET_BYTES || 150_000);
// A wizard without a login (the Führungszeugnis needs the online ID: its first question
// comes after the identity provider, which is not part of the app's transfer).
const SERVICE = 'bewohnerparkausweis';
const SERVICE_NAME = 'Bewohnerparkausweis';
const START_HEADING = 'Bewohnerparkausweis beantragen';
const FIRST_QUESTION = 'In welcher Bewohnerparkzone wohnen Sie?';
const QUERY = 'ich bin umgezogen';

const h1Is = (text) => `document.querySelector('h1')?.textContent.trim() === ${JSON.stringify(text)}`;

/** One visit in a fresh profile: `steps` get the tab and call `phase(name)` between parts. */
async function visit(base, steps) {
  const browser = await launch();
  try {
    const tab = await recordedTab(browser);
    const phases = [];
    let from = 0;
    const phase = async (name, short) => {
      await tab.waitIdle();
      phases.push({ name, short, records: tab.records.slice(from) });
      from = tab.records.length;
    };
    await steps(tab, phase, base);
    return phases;
  } finally {
    await browser.close();
  }
}

async function frontThenService(tab, phase, base) {
  await tab.navigate(`${base}/`);
  await tab.waitFor(`document.getElementById('search')`, 'the front page with its search box');
  await tab.serviceWorkerInControl();
  await phase('first visit: the front page', 'first visit');
  await tab.evaluate(`document.querySelector('a[href="/services/${SERVICE}"]').click()`);
  await tab.waitFor(h1Is(START_HEADING), `the start page "${START_HEADING}"`);
  await phase(`then: the link to the ${SERVICE_NAME} on the front page`, '+ start page');
  await tab.evaluate(
    `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Jetzt beginnen').click()`,
  );
  await tab.waitFor(h1Is(FIRST_QUESTION), `the first question "${FIRST_QUESTION}"`);
  await phase('then: "Jetzt beginnen" (the first question)', '+ first question');
}

async function frontThenSearch(tab, phase, base) {
  await tab.navigate(`${base}/`);
  await tab.waitFor(`document.getElementById('search')`, 'the front page with its search box');
  await tab.serviceWorkerInControl();
  await phase(null); // the first visit again: measured above, not reported twice
  await tab.evaluate(
    `(() => { const input = document.getElementById('search'); input.value = ${JSON.stringify(QUERY)};
       input.dispatchEvent(new Event('input', { bubbles: true })); })()`,
  );
  await tab.waitFor(
    `document.getElementById('search-results')?.getAttribute('data-answers') === ${JSON.stringify(QUERY)}`,
    `the results for "${QUERY}"`,
  );
  await phase(`then: a search on the front page ("${QUERY}")`, '+ first search');
}

async function wizardByLink(tab, phase, base) {
  await tab.navigate(`${base}/services/${SERVICE}`);
  await tab.waitFor(h1Is(START_HEADING), `the start page "${START_HEADING}"`);
  await tab.serviceWorkerInControl();
  await phase(`first visit by a link: /services/${SERVICE}`, 'wizard by its link');
}

// The languages whose texts a visit loads when chosen (public/i18n), by their `lang`.
const LANGUAGES = readdirSync(join(root, 'public', 'i18n'))
  .filter((f) => f.endsWith('.json') && !/\.(legal|wizard|city)\.json$/.test(f))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** The front page, then each language chosen in turn in the header's chooser: what a
 *  first visit adds for a reader of that language. */
async function frontThenLanguages(tab, phase, base) {
  await tab.navigate(`${base}/`);
  await tab.waitFor(`document.getElementById('search')`, 'the front page with its search box');
  await tab.serviceWorkerInControl();
  await phase(null); // the first visit again: measured above
  for (const lang of LANGUAGES) {
    await tab.evaluate(
      `(() => { const chooser = document.querySelector('header details.language'); chooser.open = true;
         chooser.querySelector('button[lang=${JSON.stringify(lang)}]').click(); })()`,
    );
    await tab.waitFor(`document.documentElement.lang === ${JSON.stringify(lang)}`, `the front page in ${lang}`);
    await phase(`then: the language ${lang} chosen`, `+ ${lang}`);
  }
}

const KINDS = [
  [/html/, 'HTML'],
  [/javascript/, 'JS'],
  [/wasm/, 'WASM'],
  [/css/, 'CSS'],
  [/manifest/, 'manifest'],
  [/json/, 'JSON'],
  [/svg/, 'SVG'],
  [/png/, 'PNG'],
];
const kindOf = (mime = '') => KINDS.find(([re]) => re.test(mime))?.[1] || mime || '–';
const onWire = (r) => r.done && !r.failed && !r.servedBy;

/** The visit's parts summed: each URL once (the first transfer), then repeats. */
function summarise(phases, base) {
  const seen = new Set();
  const parts = phases.map(({ name, short, records }) => {
    const files = [];
    const repeats = [];
    for (const r of records.filter(onWire)) {
      const row = {
        path: r.url.startsWith(base) ? r.url.slice(base.length) : r.url,
        kind: kindOf(r.mimeType),
        by: r.by === 'service_worker' ? 'service worker' : r.by,
        requestedAs: r.type,
        status: r.status,
        encoding: r.encoding || 'none',
        bytes: r.bytes,
        headerBytes: r.headerBytes,
      };
      if (seen.has(r.url)) repeats.push(row);
      else files.push(row);
      seen.add(r.url);
    }
    const notOnWire = records
      .filter((r) => r.servedBy)
      .map((r) => ({ path: r.url.replace(base, ''), by: r.by, servedBy: r.servedBy }));
    const failed = records.filter((r) => r.failed).map((r) => ({ path: r.url.replace(base, ''), by: r.by, why: r.failed }));
    const sum = (rows, field = 'bytes') => rows.reduce((t, r) => t + (r[field] || 0), 0);
    // Every URL asked for more than once in this part, each request with its answer.
    const asked = new Map();
    for (const r of records.filter((r) => r.done)) {
      const path = r.url.replace(base, '');
      if (!asked.has(path)) asked.set(path, []);
      const answer = r.failed ? `failed (${r.failed})` : r.servedBy ? `from ${r.servedBy}` : `network, ${n(r.bytes)} B`;
      asked.get(path).push(`${r.by === 'service_worker' ? 'service worker' : r.by}: ${answer}`);
    }
    const askedAgain = [...asked].filter(([, list]) => list.length > 1).map(([path, requests]) => ({ path, requests }));
    return {
      name,
      short,
      files,
      repeats,
      askedAgain,
      notOnWire,
      failed,
      total: sum(files),
      headerBytes: sum(files, 'headerBytes'),
      repeatBytes: sum(repeats),
    };
  });
  return parts.filter((p) => p.name);
}

/** Every wasm module and chunk of the build, with the times each visit transferred it. */
function wasmModules(visits) {
  const dist = join(root, 'dist');
  return readdirSync(dist)
    .filter((f) => f.endsWith('.wasm'))
    .sort()
    .map((file) => {
      const br = join(dist, file + '.br');
      const loads = visits.flatMap((v) =>
        v.map((p) => ({
          visit: p.short,
          transfers: [...p.files, ...p.repeats].filter((r) => r.path === '/' + file).length,
        })),
      );
      return { file, raw: statSync(join(dist, file)).size, brotli: existsSync(br) ? statSync(br).size : null, loads };
    });
}

const n = (x) => (x === null || x === undefined ? '–' : x.toLocaleString('en-US'));

function markdown(parts, modules, firstVisit) {
  const lines = [
    '# What a visit transfers, measured in Chromium',
    '',
    `Release build, reference backend, fresh profile, service worker allowed; measured until the service worker had installed and the network was idle. Bytes on the wire (\`encodedDataLength\`: status line, headers and the body as sent); each URL counted once, the first time; later transfers of a URL are listed as repeats. Budget of a first visit: ${n(BUDGET_BYTES)} bytes.`,
    '',
    firstVisit.total > BUDGET_BYTES
      ? `**First visit: ${n(firstVisit.total)} bytes, over the budget by ${n(firstVisit.total - BUDGET_BYTES)} bytes** (see docs/size.md).`
      : `First visit: ${n(firstVisit.total)} bytes, within the budget: ${n(BUDGET_BYTES - firstVisit.total)} bytes to spare.`,
    '',
    '| visit | files | bytes (each URL once) | of which headers | transferred again | bytes transferred again |',
    '|---|---:|---:|---:|---:|---:|',
    ...parts.map(
      (p) => `| ${p.name} | ${p.files.length} | ${n(p.total)} | ${n(p.headerBytes)} | ${p.repeats.length} | ${n(p.repeatBytes)} |`,
    ),
    '',
  ];
  for (const p of parts) {
    lines.push(
      `## ${p.name}`,
      '',
      '| path | kind | requested by | encoding | status | bytes | of which headers |',
      '|---|---|---|---|---:|---:|---:|',
      ...p.files.map(
        (f) => `| ${f.path} | ${f.kind} | ${f.by} (${f.requestedAs}) | ${f.encoding} | ${f.status} | ${n(f.bytes)} | ${n(f.headerBytes)} |`,
      ),
      `| **total** | | | | | **${n(p.total)}** | |`,
      '',
    );
    if (p.repeats.length) {
      lines.push(
        'Transferred again (not in the total above):',
        '',
        '| path | requested by | encoding | bytes |',
        '|---|---|---|---:|',
        ...p.repeats.map((f) => `| ${f.path} | ${f.by} (${f.requestedAs}) | ${f.encoding} | ${n(f.bytes)} |`),
        '',
      );
    }
    if (p.askedAgain.length) {
      lines.push(
        'Asked for more than once (each request in order, and how it was answered; a request of the page that the service worker answers comes with the service worker’s own request):',
        '',
        '| path | requests |',
        '|---|---|',
        ...p.askedAgain.map((a) => `| ${a.path} | ${a.requests.join('; ')} |`),
        '',
      );
    }
    if (p.failed.length) {
      lines.push(`Failed or cancelled: ${p.failed.map((f) => `${f.path} (${f.by}: ${f.why})`).join(', ')}.`, '');
    }
  }
  const visitNames = modules[0]?.loads.map((l) => l.visit) || [];
  lines.push(
    '## Every wasm module and chunk of the build',
    '',
    'Transfers of each file per visit (`2×` means it went over the wire twice).',
    '',
    `| file | raw | brotli file | ${visitNames.join(' | ')} |`,
    `|---|---:|---:|${visitNames.map(() => '---:').join('|')}|`,
    ...modules.map(
      (m) => `| ${m.file} | ${n(m.raw)} | ${n(m.brotli)} | ${m.loads.map((l) => (l.transfers ? `${l.transfers}×` : '–')).join(' | ')} |`,
    ),
    '',
  );
  return lines.join('\n');
}

requireChromium();
const backend = await startBackend(root);
let parts;
let modules;
try {
  const visits = [];
  for (const steps of [frontThenService, frontThenSearch, wizardByLink, frontThenLanguages]) {
    visits.push(summarise(await visit(backend.base, steps), backend.base));
  }
  parts = visits.flat();
  modules = wasmModules(visits);
} finally {
  backend.stop();
}

const firstVisit = parts[0];
// A first visit in each language: the front page, then the language chosen.
const inLanguages = parts
  .filter((p) => p.short.startsWith('+ ') && LANGUAGES.includes(p.short.slice(2)))
  .map((p) => ({ lang: p.short.slice(2), total: firstVisit.total + p.total }));
const largest = inLanguages.reduce((a, b) => (b.total > (a?.total ?? 0) ? b : a), null);
const staticPath = join(root, 'target', 'size-static.md');
const staticPart = existsSync(staticPath)
  ? readFileSync(staticPath, 'utf8').replace(/^## /gm, '### ').replace(/^# /m, '## Static part: ')
  : '(No static part: target/size-static.md is written by the release build.)\n';
const languageLine = inLanguages.length
  ? `\nA first visit in each language (the front page, then the language chosen in the header): ${inLanguages
      .map((l) => `${l.lang} ${n(l.total)}`)
      .join(', ')} bytes; the largest, ${largest.lang}, ${
      largest.total > BUDGET_BYTES ? `over the budget by ${n(largest.total - BUDGET_BYTES)}` : `${n(BUDGET_BYTES - largest.total)} under the budget`
    }.\n`
  : '';
const report = markdown(parts, modules, firstVisit) + languageLine + '\n' + staticPart;
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target', 'size-report.md'), report);
writeFileSync(
  join(root, 'target', 'size-report.json'),
  JSON.stringify({ budget_bytes: BUDGET_BYTES, visits: parts, wasm_modules: modules }, null, 2) + '\n',
);
console.log(report);
console.log('size report: target/size-report.md');
if (firstVisit.total > BUDGET_BYTES) {
  console.error(`a first visit transfers ${firstVisit.total} bytes, over the budget of ${BUDGET_BYTES}`);
  process.exit(1);
}
// The budget holds in every language (docs/size.md, "In every language").
if (largest && largest.total > BUDGET_BYTES) {
  console.error(`a first visit in ${largest.lang} transfers ${largest.total} bytes, over the budget of ${BUDGET_BYTES}`);
  process.exit(1);
}

// Browser benchmark (not a test): the release app in the system Chromium against the
// reference backend, with the generated 200-question service of the native benchmark
// (crates/rathaus-core/benches/large_service.rs) and all of its answers in the draft.
//
// Measures, as medians of many runs, the time from a navigation inside the app to its
// page being in the DOM (step, group list, group item, check page), and the time a
// keystroke takes: the input handler alone, and until everything it set off (the walk
// over 200 questions, the re-render, the draft written to storage) has run.
//
// Needs `scripts/build.sh` first (dist/ and target/release/rathaus-server).
// Run: node scripts/bench-browser.mjs   (or `make bench`). Writes target/bench-browser.md.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RATHAUS_BENCH_RUNS || 31);
const port = Number(process.env.RATHAUS_BENCH_PORT || 8191);
const base = `http://127.0.0.1:${port}`;

for (const needed of ['dist/index.html', 'target/release/rathaus-server']) {
  if (!existsSync(join(root, needed))) {
    console.error(`${needed} is missing: run scripts/build.sh first`);
    process.exit(1);
  }
}

const example = (args) =>
  execFileSync('cargo', ['run', '-q', '-p', 'rathaus-core', '--example', 'large_service', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
const definition = example([]);
const answers = example(['answers']);

const tmp = mkdtempSync(join(tmpdir(), 'rathaus-bench-'));
mkdirSync(join(tmp, 'services'));
// The shipped services (the catalogue links to them) and the generated large one.
mkdirSync(join(tmp, 'services', 'lists'));
for (const sub of ['', 'lists']) {
  for (const file of readdirSync(join(root, 'services', sub)).filter((f) => f.endsWith('.json'))) {
    copyFileSync(join(root, 'services', sub, file), join(tmp, 'services', sub, file));
  }
}
writeFileSync(join(tmp, 'services', 'gross.json'), definition);
// The catalogue grown to 1,000 services, for the search benchmark.
mkdirSync(join(tmp, 'catalogue', 'services'), { recursive: true });
const grown = JSON.parse(
  execFileSync('cargo', ['run', '-q', '-p', 'rathaus-core', '--example', 'search', '--', '--grown', '1000'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }),
);
const { services: grownServices, ...topics } = grown;
// The example prints the catalogue as served, with each wizard's name, summary and fee
// filled in from its definition; a catalogue file says them once, in the definition:
// the entry named as its wizard has no name and summary, a paying wizard's entries no
// fee (a free one keeps its own "kostenlos"). The grown copies keep their names.
const charges = (id) =>
  (JSON.parse(readFileSync(join(root, 'services', `${id}.json`), 'utf8')).fee?.rules ?? []).length > 0;
for (const entry of grownServices.filter((e) => e.wizard)) {
  if (entry.id === entry.wizard) {
    delete entry.name;
    delete entry.summary;
  }
  if (charges(entry.wizard)) delete entry.fee;
}
writeFileSync(join(tmp, 'catalogue', 'topics.json'), JSON.stringify(topics));
writeFileSync(join(tmp, 'catalogue', 'services', 'all.json'), JSON.stringify(grownServices));
const server = spawn(
  join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'release', 'rathaus-server'),
  ['--addr', `127.0.0.1:${port}`, '--data-dir', join(tmp, 'data'), '--dist-dir', join(root, 'dist'), '--services-dir', join(tmp, 'services'), '--catalogue-dir', join(tmp, 'catalogue')],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

async function waitForServer() {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/v1/services`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server did not come up');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let browser;
try {
  await waitForServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate((answers) => {
    const draft = { service_id: 'gross', service_version: 1, answers: JSON.parse(answers), step: null };
    localStorage.setItem('rathaus.v1.draft.gross', JSON.stringify(draft));
  }, answers);

  // A navigation inside the app (as a link click does) until the new h1 is in the DOM.
  const navigate = (url, heading) =>
    page.evaluate(
      ([url, heading]) =>
        new Promise((resolve, reject) => {
          const done = () => {
            const h1 = document.querySelector('h1');
            return h1 && h1.textContent.includes(heading);
          };
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          history.pushState(null, '', url);
          dispatchEvent(new PopStateEvent('popstate'));
          setTimeout(() => reject(new Error(`no "${heading}" at ${url}`)), 10_000);
        }),
      [url, heading],
    );

  const pages = [
    ['step with 4 questions', '/services/gross/apply/s1', 'Schritt 1'],
    ['repeatable group, list of 5 items', '/services/gross/apply/s10', 'Schritt 10'],
    ['repeatable group, one item', '/services/gross/apply/s10/3', 'Eintrag 3'],
    ['check answers, all 220 answers', '/services/gross/check', 'Prüfen Sie Ihre Angaben'],
  ];
  // The definition is fetched once and kept for the visit: load it before measuring.
  await navigate('/services/gross/apply/s0', 'Schritt 0');
  const results = [];
  for (const [name, url, heading] of pages) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      // From another page each time, so the page is built anew.
      await navigate('/services/gross/apply/s0', 'Schritt 0');
      times.push(await navigate(url, heading));
    }
    results.push([`render: ${name}`, median(times), Math.min(...times)]);
  }

  // A keystroke in a text question of a step of the 200-question service.
  await navigate('/services/gross/apply/s1', 'Schritt 1');
  const keystroke = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const input = document.getElementById('f1_3');
          const t0 = performance.now();
          input.value = input.value.length > 40 ? 'a' : input.value + 'x';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const handler = performance.now() - t0;
          // Everything the keystroke set off runs in tasks queued behind it.
          setTimeout(() => resolve([handler, performance.now() - t0]), 0);
        }),
    );
  const handler = [];
  const settled = [];
  for (let i = 0; i < RUNS * 3; i++) {
    const [h, s] = await keystroke();
    handler.push(h);
    settled.push(s);
  }
  results.push(['keystroke: input handler', median(handler), Math.min(...handler)]);
  results.push(['keystroke: until all it set off has run', median(settled), Math.min(...settled)]);

  // Searching the catalogue of 1,000 services, one keystroke at a time: from the input
  // event until the results for what is typed are shown.
  await page.goto(`${base}/`);
  await page.locator('#search').waitFor();
  const typeAndWait = (text) =>
    page.evaluate(
      (text) =>
        new Promise((resolve, reject) => {
          const input = document.getElementById('search');
          const list = document.getElementById('search-results');
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (list.getAttribute('data-answers') === text) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(list, { attributes: true, childList: true, subtree: true });
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          setTimeout(() => reject(new Error(`no results for "${text}"`)), 20_000);
        }),
      text,
    );
  results.push(['search: first search (fetch its code, build the index)', await typeAndWait('Hund'), NaN]);
  const perKey = [];
  for (let i = 0; i < RUNS; i++) {
    for (const query of ['ich bin umgezogen', 'alte Möbel loswerden', 'Fuehrerschein verloren']) {
      for (let n = 1; n <= query.length; n++) {
        const typed = query.slice(0, n);
        if (typed.trim() === '' || typed.endsWith(' ')) continue;
        perKey.push(await typeAndWait(typed));
      }
    }
  }
  results.push(['search: one keystroke, 1,000 services', median(perKey), Math.min(...perKey)]);

  const version = await browser.version();
  const lines = [
    '# Browser benchmark: 200-question service, and search over 1,000 services',
    '',
    `Chromium ${version}, release build, ${RUNS} runs per page (${RUNS * 3} keystrokes); medians.`,
    '',
    '| what | median ms | fastest ms |',
    '|---|---:|---:|',
    ...results.map(([n, m, f]) => `| ${n} | ${m.toFixed(1)} | ${Number.isNaN(f) ? '–' : f.toFixed(1)} |`),
    '',
  ];
  mkdirSync(join(root, 'target'), { recursive: true });
  writeFileSync(join(root, 'target', 'bench-browser.md'), lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await browser?.close();
  server.kill();
}

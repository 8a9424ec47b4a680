// Trunk post_build hook (runs in the staging folder before it becomes dist/):
//  0. release builds: splits the wasm (the wizard loads separately) and optimises it,
//     see wasm.mjs;
//  1. writes .br and .gz next to every text and wasm file, so the server sends
//     precompressed files (the reference backend and any nginx/CDN with brotli_static);
//  2. writes the static part of the size report (target/size-static.md): the app's
//     files a first visit loads, and the modules loaded later, raw, gzip and brotli.
//     The budget is checked on what Chromium really transfers, after the server is
//     built (scripts/measure-transfer.mjs, run by scripts/build.sh).
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname, extname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { buildWasm } from './wasm.mjs';
import { townHallPng } from './icons.mjs';
import { createHash } from 'node:crypto';

const root = process.env.TRUNK_SOURCE_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || join(root, 'dist');
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt']);

const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
const gzip = (buf) => gzipSync(buf, { level: 9 });

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// 0. Split and optimise.
const wasm = process.env.TRUNK_PROFILE === 'release' ? buildWasm({ dir, root }) : { chunks: [] };

// 0a. The later stylesheet (scripts/build/bundle-css.mjs) is not loaded by a first visit:
//     its link leaves index.html, and the app adds it with the first lazy page
//     (src/lazy.rs, `<meta name="rathaus-styles">`). A debug build keeps the link. The
//     page's comments and indentation are for its readers in the repository, not for
//     every first visit (a third of its bytes).
const laterStyles = [];
if (process.env.TRUNK_PROFILE === 'release') {
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const link = html.match(/\s*<link\b[^>]*href="\/(later-[\w-]+\.css)"[^>]*>/);
  if (!link) throw new Error('index.html: the link of later.css (Trunk) not found');
  laterStyles.push(link[1]);
  html = html
    .replace(link[0], '')
    .replace('</head>', `<meta name="rathaus-styles" content="/${link[1]}">\n</head>`)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^[ \t]+/gm, '')
    .replace(/\n{2,}/g, '\n');
  writeFileSync(indexPath, html);
}

// 0b. Icons for installing the app, and the service worker's list of the app shell:
//     the real, hashed names of this build, never a hand-kept list.
writeFileSync(join(dir, 'icon-192.png'), townHallPng(192));
writeFileSync(join(dir, 'icon-512.png'), townHallPng(512));
writeFileSync(join(dir, 'icon-maskable-512.png'), townHallPng(512));
if (process.env.TRUNK_PROFILE === 'release') {
  const shellHtml = readFileSync(join(dir, 'index.html'), 'utf8');
  // '/' rather than '/index.html': the browser has just loaded it, so the worker's copy
  // costs a 304, not the page again. The install icons are not kept: the browser
  // fetches them itself when the app is installed.
  const shell = new Set(['/', '/config.json', '/manifest.webmanifest']);
  for (const m of shellHtml.matchAll(/\s(?:href|src|data-js|data-wasm)="(\/[^"]*)"/g)) shell.add(m[1]);
  if (wasm.split) shell.add('/' + wasm.split);
  for (const snippet of wasm.snippets || []) shell.add('/' + snippet);
  const file = (u) => join(dir, u === '/' ? 'index.html' : u.slice(1));
  const precache = [...shell].filter((u) => existsSync(file(u))).sort();
  const version = createHash('sha256')
    .update(precache.map((u) => u + readFileSync(file(u)).length).join())
    .update(readFileSync(join(dir, 'index.html')))
    .digest('hex')
    .slice(0, 16);
  const swPath = join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8')
    .replace("const VERSION = 'dev';", `const VERSION = '${version}';`)
    .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(precache)};`);
  if (!sw.includes(version)) throw new Error('sw.js: VERSION line not found');
  writeFileSync(swPath, sw);
}

// 1. Precompress. Not the files a city edits in place (README, "For a city's IT"): a
//    server with brotli_static would keep sending the stale .br next to an edited file.
const EDITED_IN_PLACE = new Set(['config.json', 'legal.json']);
for (const file of walk(dir)) {
  if (!COMPRESSIBLE.has(extname(file))) continue;
  if (EDITED_IN_PLACE.has(relative(dir, file))) continue;
  const raw = readFileSync(file);
  for (const [suffix, compress] of [['.br', brotli], ['.gz', gzip]]) {
    const packed = compress(raw);
    if (packed.length < raw.length) writeFileSync(file + suffix, packed);
  }
}

// 2. Size of a first visit: index.html and everything it loads before the app runs.
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const referenced = new Set(['index.html', 'config.json']);
for (const m of html.matchAll(/\s(?:href|src|data-js|data-wasm)="([^"]+)"/g)) {
  const url = m[1];
  if (/^[a-z]+:/i.test(url) || url.startsWith('//') || url.startsWith('#')) continue;
  referenced.add(url.replace(/^\//, '').split(/[?#]/)[0]);
}
// The JS that loads the wizard later is itself imported at start.
if (wasm.split && existsSync(join(dir, wasm.split))) referenced.add(wasm.split);
for (const snippet of wasm.snippets || []) referenced.add(snippet);
const kind = (f) =>
  ({ '.html': 'HTML', '.js': 'JS', '.wasm': 'WASM', '.css': 'CSS', '.json': 'JSON' })[extname(f)] ||
  (extname(f) === '.webmanifest' ? 'manifest' : extname(f).slice(1) || 'other');
const rows = [];
for (const name of [...referenced].sort()) {
  let raw;
  try {
    raw = readFileSync(join(dir, name));
  } catch {
    continue; // e.g. an icon that does not exist: not transferred either
  }
  rows.push({ file: name, kind: kind(name), raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length });
}
const total = rows.reduce(
  (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const byKind = {};
for (const r of rows) {
  const k = (byKind[r.kind] ||= { raw: 0, gzip: 0, brotli: 0 });
  k.raw += r.raw;
  k.gzip += r.gzip;
  k.brotli += r.brotli;
}
const report = {
  profile: process.env.TRUNK_PROFILE || 'unknown',
  total,
  by_kind: byKind,
  files: rows,
  later: [...wasm.chunks, ...laterStyles].map((name) => {
    const raw = readFileSync(join(dir, name));
    return { file: name, raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length };
  }),
};
// Each language's texts (public/i18n), loaded when the language is chosen.
let languageFiles = [];
try {
  languageFiles = readdirSync(join(dir, 'i18n')).filter((f) => f.endsWith('.json')).sort();
} catch {
  // a build without languages other than German
}
report.languages = languageFiles.map((name) => {
  const raw = readFileSync(join(dir, 'i18n', name));
  return { file: `i18n/${name}`, raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length };
});
const fmt = (n) => n.toLocaleString('en-US').padStart(9);
const lines = [
  '# The app files a first visit loads (computed from dist/, not measured)',
  '',
  `profile: ${report.profile}. File bodies only, compressed here; what a visit really transfers`,
  '(with the catalogue, headers, and what the service worker fetches) is measured in Chromium',
  'by scripts/measure-transfer.mjs, which also checks the budget.',
  '',
  '| file | kind | raw | gzip -9 | brotli -q 11 |',
  '|---|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.file} | ${r.kind} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`),
  `| **total** | | ${fmt(total.raw)} | ${fmt(total.gzip)} | ${fmt(total.brotli)} |`,
  '',
  ...(report.later.length
    ? [
        '## Loaded on first use: split_deferred when a service is opened (start page, wizard, cases), split_catalogue_code on the first search or catalogue page; chunk with either; later.css with the first page of any of them',
        '',
        '| file | raw | gzip -9 | brotli -q 11 |',
        '|---|---:|---:|---:|',
        ...report.later.map((r) => `| ${r.file} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`),
        '',
      ]
    : []),
  ...(report.languages.length
    ? [
        '## Loaded when a language is chosen: its texts (German is in the code)',
        '',
        '| file | raw | gzip -9 | brotli -q 11 |',
        '|---|---:|---:|---:|',
        ...report.languages.map((r) => `| ${r.file} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`),
        '',
      ]
    : []),
];
const outDir = join(root, 'target');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'size-static.json'), JSON.stringify(report, null, 2) + '\n');
writeFileSync(join(outDir, 'size-static.md'), lines.join('\n'));
console.log(lines.join('\n'));
console.log(`static size table: ${relative(process.cwd(), join(outDir, 'size-static.md'))}`);

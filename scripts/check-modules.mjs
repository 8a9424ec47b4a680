#!/usr/bin/env node
// The app's module boundary, checked from the source in a second (docs/architecture.md,
// 'Wasm modules'). A release build splits the app into the first module (the shell)
// and three lazy modules; this check keeps the source in the same shape:
//
// 1. A lazy module's files name only the shell and their own module — never another
//    lazy module — and the shell names a lazy module only by its entry point.
// 2. A lazy module's files never call wasm-bindgen's generic conversions themselves
//    (closures into JS, `JsValue::from…`, Leptos helpers that make closures): those
//    are rewritten in the first module only and fail at run time elsewhere. They go
//    through the shell's bridge (`crate::spawn`, `page::after`, `page::next_frame`,
//    `api::fetch_text`, `task`). The release build checks the same on the binary
//    (scripts/build/wasm.mjs, `wbg_cast`); this finds it before any build.
//
// 3. The crates' modules (crates/*/src) import each other without cycles, so that each
//    can be read, tested and changed from the bottom up (tests are left out: a test may
//    use anything).
//
// `node scripts/check-modules.mjs` checks src/ and the crates; `--self-test` checks
// the checker.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');

/** Which module a file of src/ is in: by folder, as docs/architecture.md lists them. */
export function moduleOfFile(path) {
  if (/^src\/(pages\/wizard|wizard)\//.test(path)) return 'wizard';
  if (/^src\/pages\/browse\//.test(path) || path === 'src/search.rs') return 'catalogue';
  if (/^src\/pages\/legal\//.test(path)) return 'legal';
  return 'shell';
}

/** Which module a `crate::` path points into. */
export function moduleOfPath(path) {
  if (/^crate::(pages::wizard|wizard)(::|$)/.test(path)) return 'wizard';
  if (/^crate::(pages::browse|search)(::|$)/.test(path)) return 'catalogue';
  if (/^crate::pages::legal(::|$)/.test(path)) return 'legal';
  return 'shell';
}

/** What the shell may name of a lazy module: its lazy function and what it takes. */
const ENTRY_POINTS = [
  'crate::pages::wizard::deferred',
  'crate::pages::wizard::Deferred',
  'crate::search::catalogue_code',
  'crate::search::CatalogueTask',
  'crate::search::CatalogueDone',
  'crate::pages::legal::legal_code',
];

/** Calls a lazy module must leave to the shell's bridge, with what to use instead. */
const CONVERSIONS = [
  [/\bClosure\b/, 'a closure handed to JS: use page::after, page::next_frame or task'],
  [/\bJsValue::from(_\w+)?\b/, 'JsValue::from…: pass a string to a shell function'],
  [/into::<\s*(wasm_bindgen::)?JsValue\s*>/, 'a conversion into JsValue'],
  [/\bserde_wasm_bindgen\b/, 'serde_wasm_bindgen converts through wasm-bindgen'],
  [/\bwindow_event_listener(_untyped)?\b/, 'an event listener: install it from the shell'],
  [/\b(set_timeout|set_interval)\w*/, 'a timer: use task::use_timer or page::after'],
  [/\brequest_animation_frame\b/, 'use page::next_frame'],
  [/\bspawn_local\b/, 'use crate::spawn (one task machinery for the whole app)'],
];

/** The source without comments and string contents, lines kept. */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/\/\/.*$/gm, '');
}

/** Every `crate::…` path a file names, with its line: `use` groups expanded. */
export function cratePaths(text, fileModulePath) {
  const src = code(text);
  const found = [];
  const lineOf = (index) => src.slice(0, index).split('\n').length;
  // `use a::{b, c::{d, e}}` → a::b, a::c::d, a::c::e
  const expand = (prefix, body) => {
    const out = [];
    let depth = 0;
    let start = 0;
    const parts = [];
    for (let i = 0; i <= body.length; i++) {
      const ch = body[i];
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      if ((ch === ',' && depth === 0) || i === body.length) {
        parts.push(body.slice(start, i).trim());
        start = i + 1;
      }
    }
    for (const part of parts.filter(Boolean)) {
      const group = part.match(/^([\w:]*?)::\{([\s\S]*)\}$/);
      if (group) out.push(...expand(join2(prefix, group[1]), group[2]));
      else out.push(join2(prefix, part.replace(/\s+as\s+\w+$/, '')));
    }
    return out;
  };
  const join2 = (a, b) => (a && b ? `${a}::${b}` : a || b);
  const absolute = (path) => {
    if (path.startsWith('crate::')) return path;
    if (path.startsWith('super::') || path.startsWith('self::')) {
      const segments = fileModulePath.split('::');
      let rest = path;
      if (rest.startsWith('self::')) rest = rest.slice(6);
      while (rest.startsWith('super::')) {
        segments.pop();
        rest = rest.slice(7);
      }
      return `${segments.join('::')}::${rest}`;
    }
    return null;
  };
  for (const m of src.matchAll(/\buse\s+([\w:]+?)::\{([\s\S]*?)\};/g)) {
    for (const p of expand(m[1], m[2])) {
      const abs = absolute(p);
      if (abs) found.push({ path: abs, line: lineOf(m.index) });
    }
  }
  const withoutGroups = src.replace(/\buse\s+[\w:]+?::\{[\s\S]*?\};/g, (m) =>
    m.replace(/[^\n]/g, ' '),
  );
  for (const m of withoutGroups.matchAll(/\b(crate|super|self)(::\w+)+/g)) {
    const abs = absolute(m[0]);
    if (abs) found.push({ path: abs, line: lineOf(m.index) });
  }
  return found;
}

/** The module path of a file: src/pages/wizard/case/mod.rs → crate::pages::wizard::case. */
function modulePathOfFile(path) {
  const parts = path.replace(/^src\//, '').replace(/\.rs$/, '').split('/');
  if (['mod', 'lib', 'main'].includes(parts[parts.length - 1])) parts.pop();
  return ['crate', ...parts].join('::');
}

/** The problems of one file, as `path:line: what`. */
export function problemsOf(path, text) {
  const problems = [];
  const here = moduleOfFile(path);
  for (const { path: named, line } of cratePaths(text, modulePathOfFile(path))) {
    const there = moduleOfPath(named);
    if (there === 'shell' || there === here) continue;
    if (here === 'shell') {
      if (!ENTRY_POINTS.some((e) => named === e || named.startsWith(`${e}::`))) {
        problems.push(`${path}:${line}: the shell names ${named} of the ${there} module; only its entry point (${ENTRY_POINTS.filter((e) => moduleOfPath(e) === there).join(', ')})`);
      }
    } else {
      problems.push(`${path}:${line}: the ${here} module names ${named} of the ${there} module; move what both need into the shell`);
    }
  }
  if (here !== 'shell') {
    code(text)
      .split('\n')
      .forEach((line, i) => {
        for (const [pattern, why] of CONVERSIONS) {
          if (pattern.test(line)) problems.push(`${path}:${i + 1}: ${line.trim()} — ${why}`);
        }
      });
  }
  return problems;
}

/** The top-level modules of a crate and which others each names (tests left out). */
export function moduleGraph(files) {
  const graph = new Map();
  const top = (path) => path.split('/')[0].replace(/\.rs$/, '');
  for (const { path } of files) {
    if (!['lib.rs', 'main.rs'].includes(path)) graph.set(top(path), new Set());
  }
  for (const { path, text } of files) {
    if (['lib.rs', 'main.rs'].includes(path)) continue;
    const from = top(path);
    const untested = text.split(/#\[cfg\(test\)\]/)[0];
    const modulePath = modulePathOfFile(`src/${path}`);
    for (const { path: named } of cratePaths(untested, modulePath)) {
      const to = named.split('::')[1];
      if (to !== from && graph.has(to)) graph.get(from).add(to);
    }
  }
  return graph;
}

/** The cycles of a graph: its strongly connected parts of more than one module. */
export function cycles(graph) {
  let index = 0;
  const stack = [];
  const seen = new Map();
  const found = [];
  const visit = (v) => {
    const node = { index, low: index, onStack: true };
    index++;
    seen.set(v, node);
    stack.push(v);
    for (const w of graph.get(v)) {
      if (!seen.has(w)) {
        visit(w);
        node.low = Math.min(node.low, seen.get(w).low);
      } else if (seen.get(w).onStack) {
        node.low = Math.min(node.low, seen.get(w).index);
      }
    }
    if (node.low === node.index) {
      const part = [];
      let w;
      do {
        w = stack.pop();
        seen.get(w).onStack = false;
        part.push(w);
      } while (w !== v);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!seen.has(v)) visit(v);
  return found;
}

/** Every `.rs` file under `dir`. */
export function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.rs') ? [full] : [];
  });
}

function selfTest() {
  const expectProblems = (path, text, count) => {
    const found = problemsOf(path, text);
    if (found.length !== count) {
      throw new Error(`self-test: ${path} should have ${count} problem(s), has ${found.length}: ${found.join('; ')}`);
    }
  };
  expectProblems('src/pages/wizard/x.rs', 'fn f() { let c = Closure::once_into_js(|| {}); }', 1);
  expectProblems('src/wizard/x.rs', 'let v = wasm_bindgen::JsValue::from_str("a");', 1);
  expectProblems('src/pages/legal/x.rs', 'std::mem::forget(window_event_listener_untyped("x", |_| {}));', 1);
  expectProblems('src/search.rs', 'wasm_bindgen_futures::spawn_local(async {});', 1);
  expectProblems('src/pages/browse/x.rs', '// a Closure in a comment\nlet s = "Closure";', 0);
  expectProblems('src/pages/browse/x.rs', 'use crate::wizard::today;', 1);
  expectProblems('src/pages/browse/x.rs', 'use crate::{page::today, pages::wizard::{step::StepForm, group}};', 2);
  expectProblems('src/pages/wizard/x.rs', 'let x = crate::pages::legal::content::say();', 1);
  expectProblems('src/pages/wizard/case/x.rs', 'use super::super::step::StepForm; use super::super::super::browse::InfoPage;', 1);
  expectProblems('src/app.rs', 'use crate::pages::wizard::{deferred, Deferred};\nuse crate::search::CatalogueTask::Page;', 0);
  expectProblems('src/app.rs', 'use crate::pages::wizard::step::StepPage;', 1);
  expectProblems('src/outbox/mod.rs', 'let c = Closure::new(|| {});', 0);
  expectProblems('src/pages/mod.rs', 'pub mod wizard;\npub use catalogue::CataloguePage;', 0);
  const graph = moduleGraph([
    { path: 'lib.rs', text: 'pub mod a; pub mod b; pub mod c;' },
    { path: 'a.rs', text: 'use crate::b::X;' },
    { path: 'b/mod.rs', text: 'use crate::{c::Y, b::inner};' },
    { path: 'b/inner.rs', text: 'use super::X;' },
    { path: 'c.rs', text: 'fn f() { crate::a::g() }\n#[cfg(test)]\nmod tests { use crate::b::Z; }' },
    { path: 'd.rs', text: 'use crate::a::g; #[cfg(test)] mod tests { use crate::d::x; }' },
  ]);
  const found = JSON.stringify(cycles(graph));
  if (found !== JSON.stringify([['a', 'b', 'c']])) throw new Error(`self-test: cycles ${found}`);
  graph.get('c').delete('a');
  if (cycles(graph).length) throw new Error('self-test: a cycle where there is none');
  console.log('check-modules: self-test passed');
}

const invoked = import.meta.url === pathToFileURL(process.argv[1]).href;
if (!invoked) {
  // imported: the functions only
} else if (process.argv.includes('--self-test')) {
  selfTest();
} else {
  const files = sources(join(root, 'src')).map((f) => relative(root, f));
  const problems = files.flatMap((f) => problemsOf(f, readFileSync(join(root, f), 'utf8')));
  const crates = readdirSync(join(root, 'crates'));
  for (const name of crates) {
    const src = join(root, 'crates', name, 'src');
    const crateFiles = sources(src).map((f) => ({
      path: relative(src, f),
      text: readFileSync(f, 'utf8'),
    }));
    for (const cycle of cycles(moduleGraph(crateFiles))) {
      problems.push(`crates/${name}: the modules ${cycle.join(', ')} import each other (a cycle); move what they share into a module of its own`);
    }
  }
  const counts = {};
  for (const f of files) counts[moduleOfFile(f)] = (counts[moduleOfFile(f)] || 0) + 1;
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`check-modules: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`check-modules: ${files.length} files (${Object.entries(counts).map(([m, n]) => `${m} ${n}`).join(', ')}); no module names another but through its entry point, no lazy module converts through wasm-bindgen itself; ${crates.length} crates without import cycles`);
}

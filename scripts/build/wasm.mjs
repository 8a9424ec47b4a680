// Release builds: split the app's wasm into modules and optimise it (called by postbuild.mjs
// in Trunk's staging folder, before anything is compressed or measured).
//
// scripts/build.sh compiles the release app with `--cfg rathaus_split` and relocations
// kept. Then each `#[lazy]` function (the wizard's pages in src/app.rs, the catalogue's
// code in src/search.rs, the legal pages in src/legal.rs) and everything only it uses go
// into a module of their own, which the browser loads when first needed (chunks hold
// what two of them share); a first visit loads the first module only (size budget, docs/size.md). Trunk has
// no step for this (trunk-rs/trunk#1022), so this script does what it would:
//
//   raw wasm --wasm_split_cli--> main.wasm + split_*.wasm + __wasm_split.js
//   main.wasm --wasm-bindgen--> main.js + main_bg.wasm
//   every module --wasm-opt -Oz--> staging folder, under content-hashed names
//
// A build without split points (plain `trunk build --release`) is only optimised.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WASM_OPT_FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const hash = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};
const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');

function wasmOpt(input, output) {
  run('wasm-opt', ['-Oz', ...WASM_OPT_FEATURES, input, '-o', output]);
}

/**
 * The files each lazy function needs, read from wasm_split's loader:
 * `{ deferred: ['split_deferred_1.wasm', 'chunk_3.wasm'], … }`.
 */
function moduleFiles(splitJs) {
  const chunkFiles = {};
  for (const m of splitJs.matchAll(/const (__chunk_\d+) = makeLoad\(new URL\("\.\/([^"]+)"[^)]*\), \[([^\]]*)\]\)/g)) {
    chunkFiles[m[1]] = { file: m[2], deps: m[3].split(',').map((d) => d.trim()).filter(Boolean) };
  }
  const withDeps = (names, out = []) => {
    for (const n of names) {
      const c = chunkFiles[n];
      if (!c) throw new Error(`__wasm_split.js: unknown chunk ${n}`);
      if (!out.includes(c.file)) out.push(c.file);
      withDeps(c.deps, out);
    }
    return out;
  };
  const modules = {};
  for (const m of splitJs.matchAll(/export const __wasm_split_load_(\w+?)_\d+ = wrapAsyncCb\(makeLoad\(new URL\("\.\/([^"]+)"[^)]*\), \[([^\]]*)\]\)\)/g)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean);
    modules[m[1]] = [m[2], ...withDeps(deps)];
  }
  if (!Object.keys(modules).length) throw new Error('__wasm_split.js: no lazy modules found');
  return modules;
}

/** Splits and optimises the app in `dir` (the staging folder); `root` is the project. */
export function buildWasm({ dir, root }) {
  const version = run('wasm-opt', ['--version']);
  if (!/version 132\b/.test(version)) {
    throw new Error(`wasm-opt 132 is needed (npm binaryen@132, scripts/setup.sh), found: ${version.trim()}`);
  }
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const oldJs = html.match(/data-js="\/?([^"]+)"/)[1];
  const oldWasm = html.match(/data-wasm="\/?([^"]+)"/)[1];
  const trunkJs = readFileSync(join(dir, oldJs), 'utf8');
  const work = mkdtempSync(join(tmpdir(), 'rathaus-wasm-'));
  try {
    let mainJs;
    let mainWasm;
    let splitJs = null;
    let modules = {}; // lazy function → the files it needs, e.g. deferred: [split_…, chunk_…]
    const chunks = []; // [{ from: name in __wasm_split.js, to: hashed name, bytes }]
    if (trunkJs.includes('__wasm_split_placeholder__')) {
      const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
      const raw = join(targetDir, 'wasm32-unknown-unknown', 'wasm-release', 'rathaus.wasm');
      run('wasm_split_cli', [raw, work]);
      run('wasm-bindgen', [
        '--target', 'web', '--keep-lld-exports', '--no-demangle',
        '--out-name', 'main', '--out-dir', work, join(work, 'main.wasm'),
      ]);
      // split_<function>_<n>.wasm: the code only a lazy function uses; chunk_<n>.wasm:
      // code two of them share (loaded with either).
      for (const name of readdirSync(work).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f))) {
        const input = join(work, name);
        // wasm-bindgen rewrites its generic conversions in the first module only; one
        // called from a split module fails at run time ("function signature mismatch").
        // Such calls must go through a function of the first module (src/page.rs,
        // src/api.rs show how).
        if (readFileSync(input).includes('wbg_cast')) {
          throw new Error(
            `${name} calls wasm-bindgen's conversions (wbg_cast) directly; ` +
              'route that call through a function the first module uses too',
          );
        }
        wasmOpt(input, join(work, 'opt-' + name));
        const bytes = readFileSync(join(work, 'opt-' + name));
        const stem = name.replace(/_\d+\.wasm$/, '').replace(/\.wasm$/, '');
        chunks.push({ from: name, to: `${stem}-${hash(bytes)}.wasm`, bytes });
      }
      wasmOpt(join(work, 'main_bg.wasm'), join(work, 'opt-main_bg.wasm'));
      mainWasm = readFileSync(join(work, 'opt-main_bg.wasm'));
      mainJs = readFileSync(join(work, 'main.js'), 'utf8');
      splitJs = readFileSync(join(work, '__wasm_split.js'), 'utf8');
      modules = moduleFiles(splitJs);
      for (const c of chunks) {
        splitJs = splitJs.replaceAll(`./${c.from}`, `./${c.to}`);
        for (const files of Object.values(modules)) {
          files.forEach((f, i) => {
            if (f === c.from) files[i] = c.to;
          });
        }
      }
    } else {
      wasmOpt(join(dir, oldWasm), join(work, 'opt.wasm'));
      mainWasm = readFileSync(join(work, 'opt.wasm'));
      mainJs = trunkJs;
    }

    // One name for the JS that refers to each other: main.js imports the split loader,
    // which imports main.js back.
    const id = hash(mainWasm, mainJs, splitJs || '', ...chunks.map((c) => c.bytes));
    const names = {
      js: `rathaus-${id}.js`,
      wasm: `rathaus-${id}_bg.wasm`,
      split: `rathaus-split-${id}.js`,
    };
    // Only the import statement: "./__wasm_split.js" is also the name the wasm module
    // imports from, which must stay.
    mainJs = mainJs
      .replaceAll('from "./__wasm_split.js"', `from "./${names.split}"`)
      .replaceAll("'main_bg.wasm'", `'${names.wasm}'`);
    rmSync(join(dir, oldJs));
    rmSync(join(dir, oldWasm));
    writeFileSync(join(dir, names.js), mainJs);
    writeFileSync(join(dir, names.wasm), mainWasm);
    if (splitJs) {
      writeFileSync(join(dir, names.split), splitJs.replaceAll('"./main.js"', `"./${names.js}"`));
      for (const c of chunks) writeFileSync(join(dir, c.to), c.bytes);
      // JS modules the app binds (#[wasm_bindgen(module = …)]), imported at start.
      if (existsSync(join(work, 'snippets'))) cpSync(join(work, 'snippets'), join(dir, 'snippets'), { recursive: true });
    }
    const snippets = existsSync(join(dir, 'snippets'))
      ? readdirSync(join(dir, 'snippets'), { recursive: true })
          .map((p) => 'snippets/' + p.toString().replaceAll('\\', '/'))
          .filter((p) => p.endsWith('.js'))
      : [];

    // index.html: the new names, and integrity hashes that match them. The app fetches
    // the deferred module itself first (src/lazy.rs, code_ready), so that a
    // failed download shows a retry instead of ending the app.
    html = html.replaceAll(oldJs, names.js).replaceAll(oldWasm, names.wasm);
    if (chunks.length) {
      const content = Object.entries(modules)
        .map(([name, files]) => `${name}=${files.map((f) => '/' + f).join(',')}`)
        .join(';');
      const meta = `<meta name="rathaus-deferred" content="${content}">`;
      html = html.replace('</head>', `  ${meta}\n  </head>`);
    }
    html = html.replace(/<link\b[^>]*>/g, (tag) => {
      const href = tag.match(/href="\/?([^"]+)"/)?.[1];
      if (!href || !tag.includes('integrity=') || !existsSync(join(dir, href))) return tag;
      return tag.replace(/integrity="[^"]*"/, `integrity="${sri(readFileSync(join(dir, href)))}"`);
    });
    writeFileSync(indexPath, html);
    return { ...names, chunks: chunks.map((c) => c.to), snippets };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

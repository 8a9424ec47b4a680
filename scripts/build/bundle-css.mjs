// Trunk pre_build hook: joins the design tokens, base styles, every component's own CSS
// (src/components/<name>/<name>.css) and page styles into two stylesheets, which Trunk
// then hashes and minifies:
//
//   rathaus.css  what a first visit shows (the frame, the front page, the search box),
//                linked from index.html: one CSS request before the first paint;
//   later.css    the form components and the pages of the lazy modules (the wizard,
//                cases, the catalogue's and the legal pages), which the app adds with
//                the first such page (src/lazy.rs); a release build takes its link out
//                of index.html (scripts/build/postbuild.mjs).
//
// The order within each is the order of one sheet before: tokens, base, components,
// pages. A guard keeps the split true: every class the first module's code writes, and
// every component it renders, must be styled in rathaus.css — a class styled only in
// later.css would show unstyled on the front page. `--check` runs the guard alone.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = process.env.TRUNK_SOURCE_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const components = join(root, 'src', 'components');
const { moduleOfFile, sources } = await import(pathToFileURL(join(root, 'scripts', 'check-modules.mjs')).href);

/** The components a first visit shows (the search box takes its label, hint and input
 *  from field and text_input; errors with a retry are notices with a button). */
const FIRST_VISIT_COMPONENTS = ['button', 'field', 'notice', 'search_box', 'text_input'];

const componentCss = (name) => join(components, name, `${name}.css`);
const styled = readdirSync(components, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(componentCss(d.name)))
  .map((d) => d.name)
  .sort();
const later = styled.filter((name) => !FIRST_VISIT_COMPONENTS.includes(name));

const sheets = {
  'rathaus.css': [
    join(root, 'style', 'tokens.css'),
    join(root, 'style', 'base.css'),
    ...styled.filter((name) => FIRST_VISIT_COMPONENTS.includes(name)).map(componentCss),
    join(root, 'style', 'pages.css'),
  ],
  'later.css': [...later.map(componentCss), join(root, 'style', 'later.css')],
};

const read = (file) => `/* ${relative(root, file)} */\n${readFileSync(file, 'utf8')}`;
const text = Object.fromEntries(Object.entries(sheets).map(([name, files]) => [name, files.map(read).join('\n')]));

/** Whether `css` has a rule whose selector names the class `name`. */
const stylesClass = (css, name) =>
  new RegExp(`\\.${name.replace(/[-_]/g, (c) => `\\${c}`)}(?![\\w-])`).test(css.replace(/\/\*[\s\S]*?\*\//g, ''));

/** What is wrong with the split: the first module's classes or components that only
 *  later.css styles. */
function firstVisitGaps() {
  const gaps = [];
  const snake = (name) => name.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();
  for (const file of sources(join(root, 'src'))) {
    const path = relative(root, file).replaceAll('\\', '/');
    if (moduleOfFile(path) !== 'shell') continue;
    const component = path.match(/^src\/components\/(\w+)\//)?.[1];
    if (component && later.includes(component)) continue;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/<([A-Z]\w*)[\s/>]/g)) {
      if (later.includes(snake(m[1]))) gaps.push(`${path}: renders <${m[1]}>, whose CSS is in later.css`);
    }
    for (const m of source.matchAll(/class(?::[\w-]+)?=\(?\s*"([^"{}]*)"/g)) {
      for (const name of m[1].split(/\s+/).filter((n) => /^[a-z][\w-]*$/.test(n))) {
        if (stylesClass(text['later.css'], name) && !stylesClass(text['rathaus.css'], name)) {
          gaps.push(`${path}: class "${name}" is styled in later.css only`);
        }
      }
    }
  }
  return [...new Set(gaps)];
}

const gaps = firstVisitGaps();
if (gaps.length) {
  console.error('bundle-css: the first visit would show unstyled parts; move their CSS into the first sheet');
  for (const gap of gaps) console.error(`  ${gap}`);
  console.error('  (FIRST_VISIT_COMPONENTS in scripts/build/bundle-css.mjs, style/pages.css vs style/later.css)');
  process.exit(1);
}
if (process.argv.includes('--check')) {
  console.log(`bundle-css: the first sheet styles everything the first module shows (${FIRST_VISIT_COMPONENTS.length} components)`);
  process.exit(0);
}
for (const [name, css] of Object.entries(text)) {
  const out = join(root, 'target', 'style', name);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, css);
  console.log(`bundle-css: ${sheets[name].length} files, ${css.length} bytes -> ${out}`);
}

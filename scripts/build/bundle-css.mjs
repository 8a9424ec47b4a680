// Trunk pre_build hook: joins the design tokens, base styles, every component's own CSS
// (src/components/<name>/<name>.css) and page styles into one stylesheet, so a first
// visit makes one CSS request. Trunk then hashes and minifies it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.TRUNK_SOURCE_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const components = join(root, 'src', 'components');
const parts = [
  join(root, 'style', 'tokens.css'),
  join(root, 'style', 'base.css'),
  ...readdirSync(components, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(components, d.name, `${d.name}.css`))
    .filter((f) => existsSync(f))
    .sort(),
  join(root, 'style', 'pages.css'),
];
const css = parts
  .map((file) => `/* ${file.slice(root.length + 1)} */\n${readFileSync(file, 'utf8')}`)
  .join('\n');
const out = join(root, 'target', 'style', 'rathaus.css');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, css);
console.log(`bundle-css: ${parts.length} files, ${css.length} bytes -> ${out}`);

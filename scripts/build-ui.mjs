#!/usr/bin/env node
/**
 * Bundles every Custom UI view (static/src/<view>/index.tsx) into static/dist/<view>/: the folder a manifest
 * resource points at. One entry per view, so each macro's frame loads only its own code.
 *
 * UI Kit resources (render: native, e.g. static/src/config/*.tsx) are not built here: the Forge CLI bundles them
 * from source on deploy, and the workbench bundles them on demand.
 *
 *   node scripts/build-ui.mjs            build all views
 *   node scripts/build-ui.mjs env-status build one view
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'static', 'src');
const distDir = path.join(root, 'static', 'dist');

/** Folders of static/src that are not views. */
const NOT_VIEWS = new Set(['shared', 'config']);

function listViews() {
  return readdirSync(srcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_VIEWS.has(entry.name))
    .filter((entry) => existsSync(path.join(srcDir, entry.name, 'index.tsx')))
    .map((entry) => entry.name)
    .sort();
}

function indexHtml(view, hasCss) {
  // Relative asset paths: Forge serves a resource folder under its own CDN path.
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${view}</title>
${hasCss ? '    <link rel="stylesheet" href="./index.css" />\n' : ''}  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./index.js"></script>
  </body>
</html>
`;
}

async function main() {
  const requested = process.argv.slice(2);
  const views = requested.length > 0 ? requested : listViews();
  const unknown = views.filter((view) => !existsSync(path.join(srcDir, view, 'index.tsx')));
  if (unknown.length > 0) throw new Error(`No view entry static/src/<view>/index.tsx for: ${unknown.join(', ')}`);

  const started = Date.now();
  for (const view of views) rmSync(path.join(distDir, view), { recursive: true, force: true });

  // One build per view: each resource folder must be self-contained. ES modules with splitting keep rarely used
  // code (Atlaskit's theme CSS, dynamic-table's drag-and-drop body) in lazy chunks the frame never downloads.
  await Promise.all(
    views.map((view) =>
      build({
        absWorkingDir: root,
        entryPoints: { index: path.join(srcDir, view, 'index.tsx') },
        outdir: path.join(distDir, view),
        chunkNames: 'chunks/[name]-[hash]',
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'browser',
        target: ['es2020'],
        minify: true,
        sourcemap: false,
        legalComments: 'none',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
        logLevel: 'warning',
      }),
    ),
  );

  for (const view of views) {
    const dir = path.join(distDir, view);
    const hasCss = existsSync(path.join(dir, 'index.css'));
    writeFileSync(path.join(dir, 'index.html'), indexHtml(view, hasCss));
    const kb = (file) => (existsSync(file) ? `${Math.round(statSync(file).size / 1024)} KB` : '-');
    console.log(`static/dist/${view}/  js ${kb(path.join(dir, 'index.js'))}, css ${kb(path.join(dir, 'index.css'))}`);
  }
  console.log(`Built ${views.length} view(s) in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * On-demand esbuild bundles for the shell: its own browser code (bridge, page script, UI Kit renderer) and UI Kit
 * resources, which Forge bundles from source at deploy time. A bundle is rebuilt when one of the project's own
 * input files changes (node_modules are assumed stable for the life of the process).
 */
import { build, type Metafile } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

export interface Bundle {
  js: string;
  css: string;
  builtAt: number;
}

export interface BundleOptions {
  /** `development` keeps React's warnings, useful in app code; the shell's own code runs `production`. */
  mode: 'development' | 'production';
}

interface CacheEntry {
  bundle: Bundle;
  watched: { file: string; mtimeMs: number }[];
}

export class Bundler {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly pending = new Map<string, Promise<Bundle>>();

  constructor(private readonly workingDir: string) {}

  /** The bundle of `entry` (absolute path), built on first use and whenever a watched input changed. */
  async get(entry: string, options: BundleOptions): Promise<Bundle> {
    const key = `${options.mode}:${entry}`;
    const cached = this.cache.get(key);
    if (cached && !this.isStale(cached)) return cached.bundle;
    const running = this.pending.get(key);
    if (running) return running;
    const next = this.build(entry, options)
      .then((entryResult) => {
        this.cache.set(key, entryResult);
        return entryResult.bundle;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, next);
    return next;
  }

  private isStale(entry: CacheEntry): boolean {
    return entry.watched.some(({ file, mtimeMs }) => {
      try {
        return fs.statSync(file).mtimeMs !== mtimeMs;
      } catch {
        return true;
      }
    });
  }

  private async build(entry: string, options: BundleOptions): Promise<CacheEntry> {
    const result = await build({
      absWorkingDir: this.workingDir,
      entryPoints: [entry],
      outdir: path.join(this.workingDir, '.shell-bundles'),
      write: false,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2020'],
      jsx: 'automatic',
      minify: options.mode === 'production',
      sourcemap: options.mode === 'development' ? 'inline' : false,
      define: { 'process.env.NODE_ENV': JSON.stringify(options.mode) },
      loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
      metafile: true,
      logLevel: 'silent',
    });
    const js = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
    const css = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
    return { bundle: { js, css, builtAt: Date.now() }, watched: this.watchedInputs(result.metafile) };
  }

  private watchedInputs(metafile: Metafile): CacheEntry['watched'] {
    return Object.keys(metafile.inputs)
      .filter((input) => !input.includes('node_modules/') && !input.includes(':'))
      .flatMap((input) => {
        const file = path.resolve(this.workingDir, input);
        try {
          return [{ file, mtimeMs: fs.statSync(file).mtimeMs }];
        } catch {
          return [];
        }
      });
  }
}

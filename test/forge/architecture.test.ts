import fs from 'node:fs';
import path from 'node:path';
import { resolverDefinitions } from '../../src/resolvers';
import { appDir, listFiles, relativeImports } from './sourceFiles';

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('architecture', () => {
  it('every invoke() in the UI names a defined resolver, with a literal key', () => {
    const calls = listFiles('static/src', /\.tsx?$/).flatMap((file) =>
      [...withoutComments(fs.readFileSync(file, 'utf8')).matchAll(/\binvoke\s*(?:<[^>]*>)?\(\s*([^,)]*)/g)].map((m) => ({
        file: path.relative(appDir, file),
        key: (m[1] ?? '').trim(),
      })),
    );
    expect(calls.length).toBeGreaterThan(0);
    const bad = calls.filter(({ key }) => {
      const literal = /^['"`]([^'"`]+)['"`]$/.exec(key);
      return !literal || !(literal[1] as string in resolverDefinitions);
    });
    expect(bad).toEqual([]);
  });

  it('has no import cycles in src/', () => {
    const files = listFiles('src', /\.tsx?$/);
    const graph = new Map(files.map((file) => [file, relativeImports(file)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(appDir, f)).join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('uses neither the removed UI Kit 1 (@forge/ui) nor the removed storage export of @forge/api', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('@forge/ui');
    const offenders = [...listFiles('src', /\.tsx?$/), ...listFiles('static/src', /\.tsx?$/)].filter((file) => {
      const source = fs.readFileSync(file, 'utf8');
      return /from\s+['"]@forge\/ui['"]/.test(source) || /import\s*\{[^}]*\bstorage\b[^}]*\}\s*from\s+['"]@forge\/api['"]/.test(source);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps src/domain free of Forge and storage imports', () => {
    const offenders = listFiles('src/domain', /\.tsx?$/).filter((file) =>
      /from\s+['"](@forge\/[^'"]+|[^'"]*\/store\/[^'"]*)['"]/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

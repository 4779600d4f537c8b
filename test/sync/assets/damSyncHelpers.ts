import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../../workbench/http';
import type { AppUnderTest } from '../../appHost';
import { assetStorageKey } from '../../../src/store/assets/assetEntity';
import type { AssetRecord } from '../../../src/domain/assets/assetRecord';
import type { DamSyncStatus } from '../../../src/store/assets/syncStatus';
import type { DamSource } from '../../../src/sources/dam/asset';

/** What the app stored for one asset (live or tombstone), straight from the emulated entity store; undefined when nothing. */
export function storedRecord(app: AppUnderTest, source: DamSource, id: string): AssetRecord | undefined {
  const entity = app.forge.kvs.entities.get('dam-asset', assetStorageKey(source, id));
  return entity ? (JSON.parse(entity.valueJson) as AssetRecord) : undefined;
}

/** Records of every kind in the entity store: each stored asset counts once, whatever its state. */
export function storedCount(app: AppUnderTest): number {
  return app.forge.kvs.entities.size('dam-asset');
}

export function status(app: AppUnderTest, source: DamSource): DamSyncStatus {
  return app.forge.kvs.get(`sync:dam:${source}:status`) as DamSyncStatus;
}

/** The ids the Canto simulator serves (not deleted). */
export function cantoIds(app: AppUnderTest): string[] {
  const catalog = app.canto!.sim.catalog();
  const ids: string[] = [];
  for (let i = 0; i < catalog.size; i++) if (catalog.isLive(i)) ids.push(catalog.idOf(i));
  return ids;
}

/** The ids the iconik simulator serves (not deleted). */
export function iconikIds(app: AppUnderTest): string[] {
  const catalog = app.iconik!.sim.catalog();
  const ids: string[] = [];
  for (let i = 0; i < catalog.size; i++) if (!catalog.isDeleted(i)) ids.push(catalog.assetId(i));
  return ids;
}

export function isLiveRecord(record: AssetRecord | undefined): boolean {
  return record !== undefined && !record.deletedAt;
}

/**
 * A loopback HTTP endpoint in front of the app's webtriggers, as Forge's webtrigger URLs are: the simulators POST
 * their webhooks to `${url}/webtrigger/<key>` over real HTTP.
 */
export async function startWebtriggerRelay(app: AppUnderTest): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://relay');
      const match = /^\/webtrigger\/([^/]+)$/.exec(url.pathname);
      if (!match) return void res.writeHead(404).end();
      const answer = await app.forge.runWebtrigger(decodeURIComponent(match[1] ?? ''), {
        method: req.method ?? 'POST',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: (await readBody(req)).toString('utf8'),
      });
      res.writeHead(answer.statusCode, answer.headers);
      res.end(answer.body);
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves a simulator's request handler on 127.0.0.1 (an ephemeral port unless `port` is given), for tests, benches
 * and the standalone simulators. A handler that throws answers 500 in the upstream's own error shape (`fail`).
 */
export async function serveOnLoopback(
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>,
  fail: (res: http.ServerResponse, message: string) => void,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      fail(res, error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

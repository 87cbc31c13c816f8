import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeepAliveConnection } from './keep-alive-client';

let server: http.Server;
let port = 0;
const requests: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.headers);
    if (req.url === '/chunked') {
      res.write('no length');
      res.end();
      return;
    }
    const status = req.url === '/missing' ? 404 : 200;
    const body = Buffer.alloc(req.url === '/big' ? 200_000 : 10, 'x');
    res.writeHead(status, { 'content-length': body.length });
    // Written in pieces so the body arrives over several reads.
    res.write(body.subarray(0, 3));
    setImmediate(() => res.end(body.subarray(3)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('KeepAliveConnection', () => {
  it('reads whole responses one after another on one socket, sending the fixed headers', async () => {
    const connection = await KeepAliveConnection.open(port, { host: 'a.zendesk.com', authorization: 'Bearer t' });
    expect(await connection.get('/small')).toBe(200);
    expect(await connection.get('/big')).toBe(200);
    expect(await connection.get('/missing')).toBe(404);
    expect(await connection.get('/small')).toBe(200);
    connection.close();
    expect(requests.at(-1)).toMatchObject({ host: 'a.zendesk.com', authorization: 'Bearer t' });
  });

  it('rejects a response it cannot frame', async () => {
    const connection = await KeepAliveConnection.open(port, { host: 'a.zendesk.com' });
    await expect(connection.get('/chunked')).rejects.toThrow(/without Content-Length/);
  });
});

/**
 * Fetching a file Teams hands the bot: https only unless allowed (development, the tests' local
 * server), the size limit by Content-Length and by what actually arrives, and Swedish refusals.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadTeamsFile } from '../../../bot/files/download-file.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/liten') {
      res.end(Buffer.from('%PDF-1.7 liten'));
    } else if (req.url === '/sager-stor') {
      res.writeHead(200, { 'content-length': 5000 });
      res.end(Buffer.alloc(5000));
    } else if (req.url === '/strommar') {
      // no length: 3 chunks of 2 000 bytes
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      res.write(Buffer.alloc(2000));
      res.write(Buffer.alloc(2000));
      res.end(Buffer.alloc(2000));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('downloading a file sent to the bot', () => {
  it('reads a small file over http where allowed', async () => {
    const bytes = await downloadTeamsFile(`${base}/liten`, { maxBytes: 1000, allowHttp: true });
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 liten');
  });

  it('refuses plain http in production, and what is not a URL', async () => {
    await expect(downloadTeamsFile(`${base}/liten`, { maxBytes: 1000, allowHttp: false })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      userMessage: 'Filen kunde inte hämtas: Teams gav ingen säker (https) adress till den.',
    });
    await expect(downloadTeamsFile('file:///etc/passwd', { maxBytes: 1000, allowHttp: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(downloadTeamsFile('inte en adress', { maxBytes: 1000, allowHttp: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('refuses a file over the limit, by its Content-Length or as it arrives', async () => {
    await expect(downloadTeamsFile(`${base}/sager-stor`, { maxBytes: 4096, allowHttp: true })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    await expect(downloadTeamsFile(`${base}/strommar`, { maxBytes: 4096, allowHttp: true })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect((await downloadTeamsFile(`${base}/strommar`, { maxBytes: 6000, allowHttp: true })).byteLength).toBe(6000);
  });

  it('says the link may have expired when Teams answers an error', async () => {
    await expect(downloadTeamsFile(`${base}/borta`, { maxBytes: 1000, allowHttp: true })).rejects.toMatchObject({
      code: 'UPSTREAM_FAILED',
      userMessage: 'Filen kunde inte hämtas från Teams (länken kan ha gått ut). Skicka den igen.',
    });
  });
});

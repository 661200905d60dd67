import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sharepoint-durable-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `npm run local-sharepoint` as a child process; resolves once it prints its URL */
function startChild(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'infra/local-sharepoint/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOCAL_SHAREPOINT_PORT: String(port), DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the local SharePoint did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(`http://127.0.0.1:${port}/v1.0`)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the local SharePoint exited early (${code ?? signal}): ${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
  });
}

describe('durability', () => {
  it('keeps every answered write across kill -9', async () => {
    const port = await freePort();
    const graph = `http://127.0.0.1:${port}/v1.0`;
    const headers = { authorization: 'Bearer t', 'content-type': 'application/json' };
    const first = await startChild(port);
    const list = await fetch(`${graph}/sites/root/lists`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ displayName: 'Durable', columns: [{ name: 'Key', text: {}, indexed: true }] }),
    });
    expect(list.status).toBe(201);
    const answered = await Promise.all(
      Array.from({ length: 60 }, async (_, n) => {
        const response = await fetch(`${graph}/sites/root/lists/Durable/items`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ fields: { Key: `K${n}` } }),
        });
        expect(response.status).toBe(201);
        return ((await response.json()) as { id: string }).id;
      }),
    );
    first.kill('SIGKILL');
    await exited(first);
    expect(first.signalCode).toBe('SIGKILL');

    const second = await startChild(port);
    const stored = await fetch(`${graph}/sites/root/lists/Durable/items?expand=fields&$top=5000`, { headers });
    const body = (await stored.json()) as { value: { id: string; fields: { Key: string } }[] };
    expect(body.value.map((item) => item.id).sort()).toEqual([...answered].sort());
    expect(new Set(body.value.map((item) => item.fields.Key)).size).toBe(60);
    const indexed = await fetch(`${graph}/sites/root/lists/Durable/items?$filter=fields/Key eq 'K42'`, { headers });
    expect(((await indexed.json()) as { value: unknown[] }).value).toHaveLength(1);
    second.kill('SIGTERM');
    await exited(second);
    expect(second.exitCode).toBe(0);
  }, 60_000);
});

/**
 * `npm start` as a user runs it: the real command in a child process, on a fresh data folder.
 * It must print its URLs, serve the tab page, and stop cleanly on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
let child: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-start-'));

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function waitForUrl(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /Insatsnavet körs på (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    process.stdout?.on('data', onData);
    process.stderr?.on('data', onData);
    process.once('exit', (code) => reject(new Error(`exited with ${code} before printing its URL:\n${output}`)));
  });
}

describe('npm start', () => {
  it('starts on a fresh data folder, prints its URLs, serves /, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/server/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', LOCAL_SHAREPOINT_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await waitForUrl(child);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Insatsnavet');
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);

  it('refuses to start with a bad setting and names it', async () => {
    const bad = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/server/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'abc', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    bad.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    bad.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => bad.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('PORT');
  }, 30_000);
});

/**
 * vitest global setup for the fuzz suite (test/fuzz/): each fuzz file runs in its own process and
 * writes how many generated inputs it tried and how many properties failed to a folder made here;
 * after the last test file the total is printed — `fuzz: N generated inputs tried in M files,
 * failures: F` — so one figure covers the whole run, however the files were spread over workers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** where each fuzz file writes its tally (a JSON file per file) */
    fuzzTallyDir: string;
  }
}

export type FuzzTally = {
  readonly file: string;
  readonly inputs: number;
  readonly failures: number;
  readonly byProperty: Readonly<Record<string, number>>;
};

let folder: string | undefined;

export function setup(project: TestProject): void {
  folder = mkdtempSync(join(tmpdir(), 'insatsnavet-fuzz-tally-'));
  project.provide('fuzzTallyDir', folder);
}

export function teardown(): void {
  if (folder === undefined) {
    return;
  }
  const tallies = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder ?? '', name), 'utf8')) as FuzzTally);
  rmSync(folder, { recursive: true, force: true });
  if (tallies.length === 0) {
    return;
  }
  const inputs = tallies.reduce((sum, tally) => sum + tally.inputs, 0);
  const failures = tallies.reduce((sum, tally) => sum + tally.failures, 0);
  const lines = tallies
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((tally) => `  ${tally.file}: ${tally.inputs} inputs, failures: ${tally.failures}`);
  console.log(
    `\nfuzz: ${inputs} generated inputs tried in ${tallies.length} files, failures: ${failures}\n${lines.join('\n')}`,
  );
}

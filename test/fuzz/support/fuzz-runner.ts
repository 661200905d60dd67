/**
 * Runs fast-check properties for the fuzz suite and counts what they tried: every generated input
 * (runs, and the shrinks of a failing one) is added to the file's tally, which fuzz-tally.ts sums
 * over the whole run and prints. A failure throws fast-check's report (seed, path and the smallest
 * counterexample), so the input that broke a property is in the test output.
 *
 * `FUZZ_SEED=<n>` replays a reported run; `FUZZ_SCALE=<x>` multiplies every property's number of
 * runs (e.g. 10 for a long local session; the default keeps the suite at about a minute).
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { inject } from 'vitest';
import type { FuzzTally } from '../../support/fuzz-tally.ts';

const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const SCALE = process.env.FUZZ_SCALE === undefined ? 1 : Math.max(0.01, Number(process.env.FUZZ_SCALE));

export type Fuzzer = {
  /** checks an async property over `runs` generated inputs; throws the counterexample on failure */
  property<T>(
    name: string,
    arbitrary: fc.Arbitrary<T>,
    check: (input: T) => Promise<void>,
    runs: number,
  ): Promise<void>;
  /** counts inputs tried outside fast-check (a fixed list of hostile cases) */
  count(name: string, inputs: number): void;
  /** how many inputs this file has tried so far */
  readonly inputs: number;
  /** writes the file's tally for the run's total; call it in afterAll */
  save(): void;
};

/** `testFile`: the test file's import.meta.url */
export function createFuzzer(testFile: string): Fuzzer {
  const file = basename(fileURLToPath(testFile));
  const byProperty: Record<string, number> = {};
  let inputs = 0;
  let failures = 0;
  const add = (name: string, count: number): void => {
    byProperty[name] = (byProperty[name] ?? 0) + count;
    inputs += count;
  };
  return {
    get inputs() {
      return inputs;
    },
    async property(name, arbitrary, check, runs) {
      const numRuns = Math.max(1, Math.round(runs * SCALE));
      const result = await fc.check(fc.asyncProperty(arbitrary, check), {
        numRuns,
        ...(SEED === undefined ? {} : { seed: SEED }),
        // a failing input is shrunk for a while, not forever: the report names the smallest found
        maxSkipsPerRun: 100,
        endOnFailure: false,
        interruptAfterTimeLimit: 120_000,
      });
      add(name, result.numRuns + result.numShrinks);
      console.log(`fuzz ${name}: ${result.numRuns + result.numShrinks} inputs`);
      if (result.failed) {
        failures += 1;
        const cause =
          result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        throw new Error(`${name}\n${fc.defaultReportMessage(result) ?? 'failed'}\n\nThe failure: ${cause}`);
      }
    },
    count: add,
    save() {
      const tally: FuzzTally = { file, inputs, failures, byProperty };
      writeFileSync(join(inject('fuzzTallyDir'), `${file}.json`), JSON.stringify(tally));
    },
  };
}

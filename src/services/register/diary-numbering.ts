/**
 * Gives an insats its diarienummer as it becomes Inkommen, in the same write as the stage. The
 * year's highest number is read with one indexed startswith query (and a Settings counter, so a
 * deleted row cannot free its number); DiaryNumber is unique, so when two submits race for the
 * same number SharePoint refuses the second (CONFLICT) and it retries with the next.
 */
import { AppError, isAppError } from '../../domain/app-error.ts';
import {
  DEFAULT_DIARY_FORMAT,
  DIARY_FORMAT_SETTING,
  diaryCounterSetting,
  diaryPrefix,
  formatDiaryNumber,
  isValidDiaryFormat,
  nextDiarySequence,
} from '../../domain/application/diary-number.ts';
import type { Intervention, NewIntervention } from '../../domain/entities/intervention.ts';
import type { Patch } from '../../domain/ports/common.ts';
import type { RegisterDeps } from './register-deps.ts';

const MAX_ATTEMPTS = 10;

export async function readDiaryFormat(deps: RegisterDeps): Promise<string> {
  const stored = await deps.repos.settings.get(DIARY_FORMAT_SETTING);
  return stored !== null && isValidDiaryFormat(stored) ? stored : DEFAULT_DIARY_FORMAT;
}

/** writes `patch` plus the next free diarienummer of `year`; returns the updated insats */
export async function updateWithNewDiaryNumber(
  deps: RegisterDeps,
  intervention: Intervention,
  patch: Patch<NewIntervention>,
  year: number,
): Promise<Intervention> {
  const format = await readDiaryFormat(deps);
  const prefix = diaryPrefix(format, year);
  // the number that lost a race: the next try takes a higher one even if the winner is not visible yet
  let lastTried = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const [rows, counterText] = await Promise.all([
      deps.repos.interventions.listByDiaryNumberPrefix(prefix),
      deps.repos.settings.get(diaryCounterSetting(year)),
    ]);
    const counter = Number.parseInt(counterText ?? '0', 10);
    const sequence = Math.max(
      nextDiarySequence(
        format,
        year,
        rows.flatMap((row) => (row.diaryNumber === null ? [] : [row.diaryNumber])),
        Number.isFinite(counter) ? counter : 0,
      ),
      lastTried + 1,
    );
    const diaryNumber = formatDiaryNumber(format, year, sequence);
    try {
      const updated = await deps.repos.interventions.update(
        intervention.id,
        { ...patch, diaryNumber },
        { etag: intervention.etag },
      );
      // a floor for later numbers; only ever raised (the indexed scan covers a lost race here)
      const stored = Number.parseInt((await deps.repos.settings.get(diaryCounterSetting(year))) ?? '0', 10);
      if (!(stored >= sequence)) {
        await deps.repos.settings.set(diaryCounterSetting(year), String(sequence));
      }
      return updated;
    } catch (error) {
      // CONFLICT is the unique DiaryNumber: someone took this number between our read and write
      if (!(isAppError(error) && error.code === 'CONFLICT')) {
        throw error;
      }
      lastTried = sequence;
    }
  }
  throw new AppError('CONFLICT', `no free diary number for ${intervention.code} after ${MAX_ATTEMPTS} attempts`, {
    userMessage: 'Det gick inte att ge ansökan ett diarienummer just nu. Försök igen.',
  });
}

import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/lifecycle/actor.ts';
import { kansliSettingsPatchSchema } from '../../../../src/domain/settings/kansli-settings.ts';
import { getSettings } from '../../../../src/services/settings/get-settings.ts';
import { updateSettings } from '../../../../src/services/settings/update-settings.ts';
import { SETTING_DEFAULTS } from '../../../../src/sharepoint/schema.ts';
import { MATTIAS, SweepWorld } from '../sweep/sweep-world.ts';

const EKONOM: Actor = {
  aadObjectId: MATTIAS,
  name: 'Mattias Ekholm',
  roles: [{ role: 'Ekonom', interventionId: null }],
};
const LEDAMOT: Actor = {
  aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000b',
  name: 'Gunilla Axelsson',
  roles: [{ role: 'Styrelseledamot', interventionId: null }],
};
const PROJEKTLEDARE: Actor = {
  aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000c',
  name: 'Emma Ström',
  roles: [{ role: 'Projektledare', interventionId: '1' }],
};
// Sunday night before Monday 4 January 2027
const NIGHT = '2027-01-03T23:00:00Z';

async function provisioned(): Promise<SweepWorld> {
  const world = await SweepWorld.withNova(NIGHT);
  for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
    await world.repos.settings.set(key, value);
  }
  return world;
}

describe('the settings screen with fakes', () => {
  it('lets the board read but not change, and others not even read', async () => {
    const world = await provisioned();
    const deps = { repos: world.repos, clock: world.clock };
    expect((await getSettings(deps, LEDAMOT)).mayEdit).toBe(false);
    expect((await getSettings(deps, EKONOM)).mayEdit).toBe(true);
    await expect(getSettings(deps, PROJEKTLEDARE)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateSettings(deps, LEDAMOT, { escalationOffset: 3 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      userMessage: 'Bara kansliet kan ändra inställningarna.',
    });
    expect(await world.repos.settings.get('eskalering.arbetsdagar-efter')).toBe('1');
    // both refusals are logged: the read as well as the change
    expect(world.repos.auditLog.table.all().map((row) => `${row.action} ${row.actorAadId}`)).toEqual([
      `nekad ${PROJEKTLEDARE.aadObjectId}`,
      `nekad ${LEDAMOT.aadObjectId}`,
    ]);
  });

  it('writes only the keys whose value changes, and one audit row with old and new', async () => {
    const world = await provisioned();
    const deps = { repos: world.repos, clock: world.clock };
    const patch = kansliSettingsPatchSchema.parse({
      reminderOffsets: [1, 5, 10],
      sendTime: '7.30',
      escalationOffset: 1,
    });
    const answer = await updateSettings(deps, EKONOM, patch);
    expect(answer.changed).toEqual(['paminnelse.klockslag']);
    expect(answer.settings.sendTime).toBe('07:30');
    expect(await world.repos.settings.get('paminnelse.klockslag')).toBe('07:30');
    const [row] = world.repos.auditLog.table.all();
    expect(row).toMatchObject({
      action: 'installningar.andrad',
      entityList: 'Settings',
      entityId: 'installningar',
      actorAadId: MATTIAS,
      details: { changes: [{ key: 'paminnelse.klockslag', from: '08:00', to: '07:30' }] },
    });
    // the same again changes nothing and logs nothing
    expect((await updateSettings(deps, EKONOM, patch)).changed).toEqual([]);
    expect(world.repos.auditLog.table.all()).toHaveLength(1);
  });

  it('replaces a broken stored value even with the default, and reports it until then', async () => {
    const world = await provisioned();
    const deps = { repos: world.repos, clock: world.clock };
    await world.repos.settings.set('andring.grans-procent', 'tio');
    const before = await getSettings(deps, EKONOM);
    expect(before.settings.changeThresholdPercent).toBe(10);
    expect(before.problems.map((problem) => problem.key)).toEqual(['andring.grans-procent']);
    const answer = await updateSettings(deps, EKONOM, { changeThresholdPercent: 10 });
    expect(answer.changed).toEqual(['andring.grans-procent']);
    expect(answer.problems).toEqual([]);
  });

  it('makes the next sweep move the expected requisitions when the due rule changes', async () => {
    const world = await provisioned();
    const deps = { repos: world.repos, clock: world.clock };
    await world.sweep();
    expect((await world.row('NOVA-2027-Q1')).dueDate).toBe('2027-04-30');
    const patch = kansliSettingsPatchSchema.parse({ dueRule: { q1: '05-14', q2: '08-14', q3: '11-12', q4: '01-20' } });
    expect((await updateSettings(deps, EKONOM, patch)).changed).toEqual(['faktura.forfalloregel']);
    await world.sweep();
    expect((await world.row('NOVA-2027-Q1')).dueDate).toBe('2027-05-14');
    expect((await world.row('NOVA-2027-Q2')).dueDate).toBe('2027-08-13');
  });
});

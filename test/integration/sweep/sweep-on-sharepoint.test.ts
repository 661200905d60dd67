/**
 * The sweep against the local SharePoint (Graph semantics: indexed queries, eTags, unique keys,
 * 409/412): the kansli editing an insats in the list, a Status typed straight into SharePoint, a
 * crash between claim and send, two instances sweeping at once, and what a steady sweep costs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf } from '../../../src/services/sweep/run-sweep.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';
import { EMMA, LEASE_MS, MATTIAS } from '../../unit/services/sweep/sweep-world.ts';
import { SharePointSweepWorld } from './sharepoint-sweep-world.ts';

const NIGHT = '2026-11-24T23:00:00Z';
// NOVA-2027-Q1 is due Friday 30 April 2027; T-10 is 16 April, T-5 23 April (08:00 = 06:00Z)
const T10 = '2027-04-16T06:00:00Z';
const T5 = '2027-04-23T06:00:00Z';

let sp: LocalSharePointForTests;

beforeAll(async () => {
  sp = await useLocalSharePoint();
});

afterAll(async () => {
  await sp?.close();
});

async function novaWorld(now: string) {
  const world = await SharePointSweepWorld.create(sp, now);
  const nova = await world.addInsats();
  await world.addPerson(EMMA, 'Emma Ström', 'Projektledare', nova.id);
  await world.addPerson(MATTIAS, 'Mattias Ekholm', 'Ekonom', null);
  return { world, nova };
}

describe('the kansli edits an insats in SharePoint', () => {
  it('a shorter EndDate removes the open rows after it; Avbruten removes the rest but the registered one', async () => {
    const { world, nova } = await novaWorld(NIGHT);
    const app = world.instance('app');
    await app.sweep();
    expect(await world.periodKeys(nova.id)).toEqual([
      'NOVA-2027-Q1 Förväntad',
      'NOVA-2027-Q2 Förväntad',
      'NOVA-2027-Q3 Förväntad',
      'NOVA-2027-Q4 Förväntad',
    ]);

    await world.editInSharePoint('Interventions', nova.id, { EndDate: '2027-06-30T00:00:00Z' });
    await app.sweep();
    expect(await world.periodKeys(nova.id)).toEqual(['NOVA-2027-Q1 Förväntad', 'NOVA-2027-Q2 Förväntad']);

    const q1 = await world.repos.requisitions.findByPeriodKey('NOVA-2027-Q1');
    await world.editInSharePoint('Requisitions', q1?.id ?? '', { Status: 'Inkommen' });
    await world.editInSharePoint('Interventions', nova.id, { Stage: 'Avbruten' });
    const report = await app.sweep();
    expect(await world.periodKeys(nova.id)).toEqual(['NOVA-2027-Q1 Inkommen']);
    expect(countOf(report, 'Rekvisitioner', 'removed')).toBe(1);

    // back to Pågående with a later end: the open quarters come back, the registered one stays
    await world.editInSharePoint('Interventions', nova.id, { Stage: 'Pågående', EndDate: '2027-09-30T00:00:00Z' });
    await app.sweep();
    expect(await world.periodKeys(nova.id)).toEqual([
      'NOVA-2027-Q1 Inkommen',
      'NOVA-2027-Q2 Förväntad',
      'NOVA-2027-Q3 Förväntad',
    ]);
  });

  it('a Status typed into the Requisitions list stops the reminders', async () => {
    const { world } = await novaWorld(T10);
    const app = world.instance('app');
    await app.sweep();
    expect(app.sender.delivered()).toHaveLength(1);

    const q1 = await world.repos.requisitions.findByPeriodKey('NOVA-2027-Q1');
    await world.editInSharePoint('Requisitions', q1?.id ?? '', { Status: 'Inkommen', InvoiceNumber: 'VK-2027-00412' });
    world.clock.set(T5);
    await app.sweep();
    world.clock.set('2027-05-03T06:00:00Z');
    await app.sweep();

    expect(app.sender.delivered()).toHaveLength(1);
  });
});

describe('exactly once on SharePoint', () => {
  it('a crash between claim and send leaves the row Väntar; the outbox sends it once after the lease', async () => {
    const { world } = await novaWorld(T10);
    const app = world.instance('app');
    app.sender.onSend(() => {
      throw new Error('the process died during the send');
    });
    await app.sweep();
    const claimed = await world.repos.notifications.findByKey('req:NOVA-2027-Q1:T-10');
    expect(claimed).toMatchObject({ status: 'Väntar', recipientAadId: EMMA });

    app.restart();
    world.clock.set('2027-04-16T06:01:00Z');
    await app.sweep();
    await app.notifier.sendPending();
    expect(app.sender.delivered()).toEqual([]);

    world.clock.advance(LEASE_MS);
    await app.notifier.sendPending();
    await app.sweep();
    await app.notifier.sendPending();

    expect(app.sender.delivered()).toHaveLength(1);
    expect(await world.repos.notifications.findByKey('req:NOVA-2027-Q1:T-10')).toMatchObject({ status: 'Skickad' });
  });

  it('two instances sweeping at once create each row once and send each reminder once', async () => {
    const world = await SharePointSweepWorld.create(sp, '2027-05-03T06:00:00Z');
    await world.addPerson(MATTIAS, 'Mattias Ekholm', 'Ekonom', null);
    await world.addPerson(EMMA, 'Emma Ström', 'Projektledare', null);
    const codes = ['NOVA', 'ENTER', 'FIA', 'HFE', 'INSKAT'];
    for (const code of codes) {
      // Q1 2027 overdue (escalation + notice), Q2 not yet due
      await world.addInsats({ code, startDate: '2027-01-01', endDate: '2027-06-30' });
    }
    const [a, b] = [world.instance('a'), world.instance('b')];

    await Promise.all([a.sweep(), b.sweep()]);
    await Promise.all([a.sweep(), b.sweep()]);

    const rows = await Promise.all(
      codes.map(async (code) => (await world.repos.interventions.findByCode(code))?.id ?? ''),
    ).then((ids) => Promise.all(ids.map((id) => world.periodKeys(id))));
    expect(rows.flat()).toHaveLength(codes.length * 2);
    expect(new Set(rows.flat()).size).toBe(codes.length * 2);

    const sent = [...a.sender.delivered(), ...b.sender.delivered()].map((record) => record.message.text).sort();
    expect(sent).toEqual(
      codes.flatMap((code) => [`overdue-ekonom ${code}-2027-Q1`, `overdue-projektledare ${code}-2027-Q1`]).sort(),
    );
  });
});

describe('what a steady sweep costs', () => {
  it('reads the settings, the register and the due rows — three requests, no writes', async () => {
    const { world } = await novaWorld(T10);
    const app = world.instance('app');
    await app.sweep();
    await sp.clearRequests();

    world.clock.set('2027-04-16T06:01:00Z');
    await app.sweep();

    const log = await sp.requests();
    expect(log.writes).toBe(0);
    expect(log.total).toBe(3);
  });
});

/**
 * Reminders, escalations and their "exactly once" through whole sweeps. NOVA-2027-Q1 is due
 * Friday 30 April 2027: T-10 is Friday 16 April, T-5 Friday 23 April, T-1 Thursday 29 April, and
 * the escalation day is Monday 3 May (1 May is a Saturday and a holiday). Stockholm is on summer
 * time (UTC+2) from 28 March 2027, so 08:00 there is 06:00Z.
 */
import { describe, expect, it, vi } from 'vitest';
import { countOf } from '../../../../src/services/sweep/run-sweep.ts';
import { EMMA, LEASE_MS, MATTIAS, SOFIA, SweepWorld, textOf } from './sweep-world.ts';

const T10 = '2027-04-16T06:00:00Z';
const T5 = '2027-04-23T06:00:00Z';
const T1 = '2027-04-29T06:00:00Z';
const ESCALATION_DAY = '2027-05-03T06:00:00Z';

describe('reminders before the due day', () => {
  it('reminds the projektledare 10, 5 and 1 working days before, each once, from 08:00 Stockholm time', async () => {
    const world = await SweepWorld.withNova('2027-04-16T05:59:00Z');
    await world.sweep();
    expect(world.delivered()).toEqual([]);

    for (const instant of [T10, '2027-04-16T14:00:00Z', '2027-04-19T06:00:00Z', T5, '2027-04-26T12:00:00Z', T1]) {
      await world.sweepAt(instant);
    }
    await world.sweepAt('2027-04-30T06:00:00Z');

    expect(world.delivered()).toEqual([
      { to: EMMA, text: 'reminder NOVA-2027-Q1 10' },
      { to: EMMA, text: 'reminder NOVA-2027-Q1 5' },
      { to: EMMA, text: 'reminder NOVA-2027-Q1 1' },
    ]);
    const keys = (await world.repos.notifications.listByRecipient(EMMA)).map((row) => row.key).sort();
    expect(keys).toEqual(['req:NOVA-2027-Q1:T-1', 'req:NOVA-2027-Q1:T-10', 'req:NOVA-2027-Q1:T-5']);
  });

  it('sends from 08:00 in winter time too (UTC+1): Q4 2026 is due 20 January, T-10 is 5 January', async () => {
    // 6 January (Trettondedag jul) is a holiday, so T-10 is Tuesday 5 January
    const world = await SweepWorld.withNova('2027-01-05T06:59:00Z', { startDate: '2026-10-01' });
    await world.sweep();
    expect(world.delivered()).toEqual([]);

    await world.sweepAt('2027-01-05T07:00:00Z');
    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder NOVA-2026-Q4 10' }]);
  });

  it('asks and sends nothing on a Saturday or on Easter holidays', async () => {
    // the insats's own rule: Q1 due Thursday 1 April 2027, just after Easter (26–29 March)
    const world = await SweepWorld.withNova('2027-03-16T07:00:00Z', {
      invoiceDueRule: JSON.stringify({ q1: '04-01', q2: '07-31', q3: '10-31', q4: '01-20' }),
    });
    await world.sweep();
    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder NOVA-2027-Q1 10' }]);
    const query = vi.spyOn(world.repos.requisitions, 'listByStatusDueBefore');

    for (const instant of ['2027-03-20T10:00:00Z', '2027-03-26T10:00:00Z', '2027-03-29T10:00:00Z']) {
      await world.sweepAt(instant); // Saturday, Good Friday, Easter Monday
    }
    expect(query).not.toHaveBeenCalled();

    // counting back over Easter: 31, 30 March, (29, 28, 27, 26), 25, 24, 23 → T-5 is Tuesday 23 March
    await world.sweepAt('2027-03-22T12:00:00Z');
    await world.sweepAt('2027-03-23T07:00:00Z');
    await world.sweepAt('2027-03-31T07:00:00Z');
    expect(world.delivered().map((message) => message.text)).toEqual([
      'reminder NOVA-2027-Q1 10',
      'reminder NOVA-2027-Q1 5',
      'reminder NOVA-2027-Q1 1',
    ]);
  });

  it('after downtime sends only the latest reminder due, never a burst of stale ones', async () => {
    const world = await SweepWorld.withNova(T5);
    await world.sweep();
    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder NOVA-2027-Q1 5' }]);

    // down again from T-5 until the due day itself: T-1 is sent then, with 0 working days left
    await world.sweepAt('2027-04-30T09:00:00Z');
    expect(world.delivered().map((message) => message.text)).toEqual([
      'reminder NOVA-2027-Q1 5',
      'reminder NOVA-2027-Q1 0',
    ]);
  });

  it('says in the report who was reminded about what', async () => {
    const world = await SweepWorld.withNova(T10);
    const report = await world.sweep();
    expect(textOf(report)).toContain(
      'Påminnelse om NOVA-2027-Q1 (sista dag 2027-04-30, 10 arbetsdagar kvar) skickad till Emma Ström',
    );
    expect(countOf(report, 'Påminnelser', 'sent')).toBe(1);
  });
});

describe('overdue invoices', () => {
  it('escalates to the ekonom and tells the projektledare once, 1 working day after the due day', async () => {
    const world = await SweepWorld.withNova(T1);
    await world.sweep();
    await world.sweepAt('2027-04-30T12:00:00Z');
    await world.sweepAt('2027-05-03T05:59:00Z');
    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder NOVA-2027-Q1 1' }]);

    await world.sweepAt(ESCALATION_DAY);
    await world.sweepAt('2027-05-04T06:00:00Z');
    await world.sweepAt('2027-05-10T09:00:00Z');

    expect(world.delivered().slice(1)).toEqual([
      { to: MATTIAS, text: 'overdue-ekonom NOVA-2027-Q1' },
      { to: EMMA, text: 'overdue-projektledare NOVA-2027-Q1' },
    ]);
    const escalation = await world.repos.notifications.findByKey('req:NOVA-2027-Q1:ESK');
    expect(escalation).toMatchObject({ kind: 'Eskalering', recipientAadId: MATTIAS, status: 'Skickad' });
    expect(await world.repos.notifications.findByKey('req:NOVA-2027-Q1:SEN')).toMatchObject({ kind: 'Påminnelse' });
  });

  it('does not ask the outbox again every minute about an overdue row this process has seen claimed', async () => {
    const world = await SweepWorld.withNova(ESCALATION_DAY);
    await world.sweep();
    const lookups = vi.spyOn(world.repos.notifications, 'findByKey');
    const claims = vi.spyOn(world.repos.notifications, 'claim');
    const ekonomReads = vi.spyOn(world.repos.roleAssignments, 'listByRole');
    const personReads = vi.spyOn(world.repos.roleAssignments, 'listByAadObjectId');

    await world.sweepAt('2027-05-03T06:01:00Z');

    expect(lookups).not.toHaveBeenCalled();
    expect(claims).not.toHaveBeenCalled();
    expect(ekonomReads).not.toHaveBeenCalled();
    expect(personReads).not.toHaveBeenCalled();
  });

  it('escalates to every ekonom in office, under a key per ekonom', async () => {
    const world = await SweepWorld.withNova(ESCALATION_DAY);
    await world.addPerson(SOFIA, 'Sofia Lindahl', 'Ekonom');
    await world.sweep();

    expect(world.delivered().filter((message) => message.text.startsWith('overdue-ekonom'))).toEqual([
      { to: MATTIAS, text: 'overdue-ekonom NOVA-2027-Q1' },
      { to: SOFIA, text: 'overdue-ekonom NOVA-2027-Q1' },
    ]);
    expect(await world.repos.notifications.findByKey(`req:NOVA-2027-Q1:ESK:${SOFIA}`)).not.toBeNull();
  });
});

describe('reminders stop when the invoice is in', () => {
  it.each([
    ['registered in Insatsnavet (Inkommen)', 'Inkommen'],
    ['edited straight in SharePoint (Betald)', 'Betald'],
  ] as const)('sends nothing more once the row is %s', async (_how, status) => {
    const world = await SweepWorld.withNova(T10);
    await world.sweep();
    const q1 = await world.row('NOVA-2027-Q1');
    await world.repos.requisitions.update(q1.id, { status });

    for (const instant of [T5, T1, ESCALATION_DAY, '2027-05-20T06:00:00Z']) {
      await world.sweepAt(instant);
    }
    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder NOVA-2027-Q1 10' }]);
  });
});

describe('who the reminder goes to', () => {
  it('falls back to the Projektledare in Roller when the insats names none', async () => {
    const world = new SweepWorld(T10);
    await world.addInsats({ projectLeaderAadId: null });
    await world.addPerson(SOFIA, 'Sofia Lindahl', 'Projektledare');
    await world.sweep();
    expect(world.delivered()).toEqual([{ to: SOFIA, text: 'reminder NOVA-2027-Q1 10' }]);
  });

  it('reports an insats without a projektledare', async () => {
    const world = new SweepWorld(T10);
    await world.addInsats({ projectLeaderAadId: null });
    await world.addPerson(EMMA, 'Emma Ström', 'Ekonom'); // a role, but not for the insats
    const report = await world.sweep();
    expect(world.delivered()).toEqual([]);
    expect(textOf(report)).toContain('NOVA har ingen projektledare – påminnelsen om NOVA-2027-Q1 kunde inte skickas');
  });

  it('reports someone the bot cannot reach yet, and sends once they have opened a chat', async () => {
    const world = new SweepWorld(T10);
    await world.addInsats();
    await world.addPerson(EMMA, 'Emma Ström', 'Projektledare', { conversation: false });
    const report = await world.sweep();
    expect(textOf(report)).toContain('Emma Ström har ingen konversation med boten ännu');
    expect(await world.repos.notifications.findByKey('req:NOVA-2027-Q1:T-10')).toMatchObject({
      status: 'Misslyckad',
    });

    await world.sweepAt('2027-04-16T06:01:00Z'); // still no chat: nothing changes
    await world.openChat(EMMA);
    await world.sweepAt('2027-04-16T06:02:00Z');
    await world.notifier.sendPending();
    await world.sweepAt('2027-04-16T06:03:00Z');
    await world.notifier.sendPending();

    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder NOVA-2027-Q1 10' }]);
    expect(await world.repos.notifications.findByKey('req:NOVA-2027-Q1:T-10')).toMatchObject({ status: 'Skickad' });
  });
});

describe('failures', () => {
  it("one row's failed read does not hold back the other rows' reminders; the next sweep sends it", async () => {
    const world = await SweepWorld.withNova(T10);
    await world.addInsats({ code: 'ENTER', title: 'ENTER' });
    vi.spyOn(world.repos.roleAssignments, 'listByAadObjectId').mockRejectedValueOnce(new Error('Graph answered 503'));

    const report = await world.sweep();
    expect(textOf(report)).toContain('Påminnelserna om NOVA-2027-Q1 kunde inte skickas: Graph answered 503');
    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder ENTER-2027-Q1 10' }]);

    await world.sweepAt('2027-04-16T06:01:00Z');
    expect(world.delivered().map((message) => message.text)).toEqual([
      'reminder ENTER-2027-Q1 10',
      'reminder NOVA-2027-Q1 10',
    ]);
  });
});

describe('exactly once', () => {
  it('a sweep repeated, in this process or a new one, creates no rows and sends nothing twice', async () => {
    const world = await SweepWorld.withNova(T10);
    await world.sweep();
    await world.sweep();
    world.state = { claimedKeys: new Set() }; // a restart
    world.notifier = world.newNotifier();
    const report = await world.sweep();

    expect(await world.rows()).toHaveLength(4);
    expect(world.delivered()).toHaveLength(1);
    expect(countOf(report, 'Påminnelser', 'alreadyClaimed')).toBe(1);
  });

  it('a crash between the claim and the send: the outbox sends the reminder once, after the lease', async () => {
    const world = await SweepWorld.withNova(T10);
    world.sender.onSend(() => {
      throw new Error('the process died during the send');
    });
    const report = await world.sweep();
    expect(textOf(report)).toContain('påminnelsen om NOVA-2027-Q1 till Emma Ström kunde inte skickas');
    expect(await world.repos.notifications.findByKey('req:NOVA-2027-Q1:T-10')).toMatchObject({ status: 'Väntar' });

    // the app comes back: a new process sweeps and runs the outbox before the lease is over
    world.state = { claimedKeys: new Set() };
    world.notifier = world.newNotifier();
    await world.sweepAt('2027-04-16T06:01:00Z');
    await world.notifier.sendPending();
    expect(world.delivered()).toEqual([]);

    world.clock.advance(LEASE_MS);
    await world.notifier.sendPending();
    await world.sweepAt('2027-04-16T06:10:00Z');
    await world.notifier.sendPending();

    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder NOVA-2027-Q1 10' }]);
  });
});

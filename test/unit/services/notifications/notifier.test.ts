import { beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../../src/domain/clock.ts';
import { SendPacer } from '../../../../src/domain/notifications/send-pacer.ts';
import { createNotifier } from '../../../../src/services/notifications/create-notifier.ts';
import { NOT_INSTALLED_ERROR } from '../../../../src/services/notifications/deliver-notification.ts';
import type { NotifierDeps, NotifierLogger } from '../../../../src/services/notifications/notifier-deps.ts';
import { type NotifyRequest, notify } from '../../../../src/services/notifications/notify.ts';
import { sendPending } from '../../../../src/services/notifications/send-pending.ts';
import { updateSent } from '../../../../src/services/notifications/update-sent.ts';
import { InMemoryConversationRepository } from '../../../fakes/in-memory-conversation-repository.ts';
import { InMemoryNotificationRepository } from '../../../fakes/in-memory-notification-repository.ts';
import { failure, ScriptedSender } from './scripted-sender.ts';

const T0 = '2027-04-23T06:00:00Z';
const LEADER = '4f1c2a9e-8d3b-5c6a-9e7f-0a1b2c3d4e5f';
const EKONOM = '7b2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const LEASE_MS = 120_000;

type LogLine = { level: 'info' | 'warn' | 'error'; payload: object; message: string };

class World {
  readonly clock = new FixedClock(T0);
  readonly notifications = new InMemoryNotificationRepository();
  readonly conversations = new InMemoryConversationRepository();
  readonly sender = new ScriptedSender(this.clock);
  readonly sleeps: number[] = [];
  readonly logs: LogLine[] = [];
  readonly logger: NotifierLogger = {
    info: (payload, message) => this.logs.push({ level: 'info', payload, message }),
    warn: (payload, message) => this.logs.push({ level: 'warn', payload, message }),
    error: (payload, message) => this.logs.push({ level: 'error', payload, message }),
  };

  private readonly timers: Array<{ at: number; wake: () => void }> = [];
  private timerCheck = false;

  /**
   * Virtual time: a wait becomes a timer, and once every promise chain is blocked (setImmediate
   * runs after the microtasks) the clock jumps to the earliest timer and wakes it. Concurrent
   * waits overlap as they would in real time, and tests see exactly how long the notifier waited.
   */
  readonly sleep = (ms: number): Promise<void> =>
    new Promise<void>((wake) => {
      this.sleeps.push(ms);
      this.timers.push({ at: this.clock.now().getTime() + ms, wake });
      this.scheduleTimers();
    });

  private scheduleTimers(): void {
    if (this.timerCheck) {
      return;
    }
    this.timerCheck = true;
    setImmediate(() => {
      this.timerCheck = false;
      const next = Math.min(...this.timers.map((timer) => timer.at));
      if (!Number.isFinite(next)) {
        return;
      }
      if (next > this.clock.now().getTime()) {
        this.clock.set(new Date(next));
      }
      const now = this.clock.now().getTime();
      for (const timer of this.timers.filter((candidate) => candidate.at <= now)) {
        this.timers.splice(this.timers.indexOf(timer), 1);
        timer.wake();
      }
      if (this.timers.length > 0) {
        this.scheduleTimers();
      }
    });
  }

  /** one app instance: its own pacer, the shared lists and the same Teams */
  instance(instanceId = 'instance-1', sender: ScriptedSender = this.sender): NotifierDeps {
    return {
      notifications: this.notifications,
      conversations: this.conversations,
      sender,
      clock: this.clock,
      sleep: this.sleep,
      logger: this.logger,
      instanceId,
      pacer: new SendPacer(this.clock),
      random: () => 0.5,
    };
  }

  async installedFor(key: string, scope: 'personal' | 'channel' = 'personal') {
    return this.conversations.upsert({
      title: key,
      key,
      scope,
      reference: { conversation: { id: `a:${key}` }, serviceUrl: 'https://smba.example/emea/' },
      active: true,
    });
  }

  row(key: string) {
    return this.notifications.findByKey(key);
  }
}

function request(overrides: Partial<NotifyRequest> = {}): NotifyRequest {
  return {
    key: 'req:NOVA-2027-Q1:T-5',
    kind: 'Påminnelse',
    title: 'Påminnelse: rekvisition NOVA Q1 2027',
    recipientAadId: LEADER,
    message: { text: 'Rekvisitionen för Q1 ska vara inne 30 april.', summary: 'Rekvisition Q1' },
    ...overrides,
  };
}

let world: World;

beforeEach(async () => {
  world = new World();
  await world.installedFor(LEADER);
});

describe('notify', () => {
  it('claims the row (Väntar, with the message) before sending, then marks it Skickad', async () => {
    const seenDuringSend: unknown[] = [];
    world.sender.onSend(async (reference) => {
      seenDuringSend.push(await world.row('req:NOVA-2027-Q1:T-5'));
      return { ok: true, activityId: '1:abc', conversationId: 'a:from-teams', reference };
    });
    const result = await notify(world.instance(), request());

    expect(seenDuringSend[0]).toMatchObject({
      status: 'Väntar',
      attempts: 0,
      payload: { conversationKey: LEADER, message: request().message },
    });
    expect(result).toMatchObject({ outcome: 'sent' });
    expect(await world.row('req:NOVA-2027-Q1:T-5')).toMatchObject({
      status: 'Skickad',
      attempts: 1,
      activityId: '1:abc',
      conversationId: 'a:from-teams',
      lastError: null,
    });
    expect(world.sender.sends).toHaveLength(1);
    expect(world.sender.sends[0]?.reference).toMatchObject({ conversation: { id: `a:${LEADER}` } });
  });

  it('sends a key once: a second notify with the same key sends nothing', async () => {
    const deps = world.instance();
    await notify(deps, request());
    const second = await notify(deps, request({ title: 'en gång till' }));
    expect(second).toMatchObject({ outcome: 'duplicate', existing: { status: 'Skickad' } });
    expect(world.sender.sends).toHaveLength(1);
  });

  it('stores a notification with a later notBefore and sends it only when sendPending runs after it', async () => {
    const deps = world.instance();
    const result = await notify(deps, request({ notBefore: '2027-04-23T08:00:00Z' }));
    expect(result).toMatchObject({
      outcome: 'scheduled',
      notification: { status: 'Väntar', notBefore: '2027-04-23T08:00:00Z' },
    });
    expect(await sendPending(deps)).toMatchObject({ due: 0, sent: 0 });
    world.clock.set('2027-04-23T07:59:59Z');
    expect(await sendPending(deps)).toMatchObject({ due: 0 });
    world.clock.set('2027-04-23T08:00:00Z');
    expect(await sendPending(deps)).toMatchObject({ due: 1, sent: 1 });
    expect(await sendPending(deps)).toMatchObject({ due: 0 });
    expect(world.sender.sends).toHaveLength(1);
    expect(await world.row('req:NOVA-2027-Q1:T-5')).toMatchObject({ status: 'Skickad', attempts: 1 });
  });

  it('a crash between claim and send: the row waits out its lease, then sendPending sends it exactly once', async () => {
    world.sender.onSend(() => {
      throw new Error('process killed');
    });
    await expect(notify(world.instance('crashing'), request())).rejects.toThrow('process killed');
    expect(await world.row('req:NOVA-2027-Q1:T-5')).toMatchObject({ status: 'Väntar', attempts: 0 });

    const survivor = world.instance('survivor');
    expect(await sendPending(survivor)).toMatchObject({ due: 0 });
    world.clock.advance(LEASE_MS - 1_000);
    expect(await sendPending(survivor)).toMatchObject({ due: 0 });
    world.clock.advance(1_000);
    expect(await sendPending(survivor)).toMatchObject({ due: 1, sent: 1 });
    world.clock.advance(10 * LEASE_MS);
    expect(await sendPending(survivor)).toMatchObject({ due: 0 });
    expect(world.sender.delivered()).toHaveLength(1);
    expect(await world.row('req:NOVA-2027-Q1:T-5')).toMatchObject({ status: 'Skickad', attempts: 1 });
  });

  it('two instances racing on one key send it once', async () => {
    const results = await Promise.all([notify(world.instance('a'), request()), notify(world.instance('b'), request())]);
    expect(results.map((result) => result.outcome).sort()).toEqual(['duplicate', 'sent']);
    expect(world.sender.sends).toHaveLength(1);
  });

  it('two sendPending runs racing on one pending row send it once', async () => {
    await notify(world.instance(), request({ notBefore: '2027-04-23T06:05:00Z' }));
    world.clock.set('2027-04-23T06:05:00Z');
    const [first, second] = await Promise.all([sendPending(world.instance('a')), sendPending(world.instance('b'))]);
    expect(first.sent + second.sent).toBe(1);
    expect(first.skipped + second.skipped).toBe(1);
    expect(world.sender.sends).toHaveLength(1);
  });

  it('waits out a 429 Retry-After, then sends once', async () => {
    world.sender.onSend(failure(429, 3_000));
    const result = await notify(world.instance(), request());
    expect(result).toMatchObject({ outcome: 'sent', notification: { status: 'Skickad', attempts: 2 } });
    expect(world.sender.delivered()).toHaveLength(1);
    const [throttled, accepted] = world.sender.sends;
    expect((accepted?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(3_000);
    expect(world.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(3_000);
  });

  it('holds later sends to a throttled conversation back until its Retry-After has passed', async () => {
    const deps = world.instance();
    const later: Array<Promise<unknown>> = [];
    world.sender.onSend(() => {
      // a second notification for the same person arrives just as Teams answers 429
      queueMicrotask(() => later.push(notify(deps, request({ key: 'req:NOVA-2027-Q1:T-1' }))));
      return failure(429, 5_000);
    });
    await notify(deps, request());
    await Promise.all(later);
    const [throttled, ...after] = world.sender.sends;
    expect(after).toHaveLength(2);
    expect(after.every((record) => record.at >= (throttled?.at ?? 0) + 5_000)).toBe(true);
    expect(world.sender.delivered()).toHaveLength(2);
  });

  it.each([412, 502, 503, 504])('retries %i with growing backoff', async (status) => {
    world.sender.onSend(failure(status), failure(status), failure(status));
    const result = await notify(world.instance(), request());
    expect(result).toMatchObject({ outcome: 'sent', notification: { attempts: 4 } });
    // 1 s, 2 s, 4 s steps, half fixed and half jitter (random 0.5)
    expect(world.sleeps).toEqual([750, 1_500, 3_000]);
    expect(world.sender.delivered()).toHaveLength(1);
  });

  it.each([400, 401, 413])('does not retry %i: Misslyckad, the conversation stays active', async (status) => {
    world.sender.onSend(failure(status));
    const result = await notify(world.instance(), request());
    expect(result).toMatchObject({ outcome: 'failed', notification: { status: 'Misslyckad', attempts: 1 } });
    expect((await world.row('req:NOVA-2027-Q1:T-5'))?.lastError).toContain(String(status));
    expect(world.sender.sends).toHaveLength(1);
    expect((await world.conversations.findByKey(LEADER))?.active).toBe(true);
  });

  it.each([403, 404])('%i marks the conversation inactive and the row Misslyckad', async (status) => {
    world.sender.onSend(failure(status));
    const result = await notify(world.instance(), request());
    expect(result).toMatchObject({ outcome: 'failed', notification: { status: 'Misslyckad' } });
    expect((await world.conversations.findByKey(LEADER))?.active).toBe(false);
    // the next notification to them is not even tried
    const next = await notify(world.instance(), request({ key: 'req:NOVA-2027-Q1:T-1' }));
    expect(next).toMatchObject({ outcome: 'failed', notification: { lastError: NOT_INSTALLED_ERROR } });
    expect(world.sender.sends).toHaveLength(1);
  });

  it('without an active conversation: Misslyckad with a Swedish reason and a warning', async () => {
    const result = await notify(world.instance(), request({ recipientAadId: EKONOM }));
    expect(result).toMatchObject({
      outcome: 'failed',
      notification: { status: 'Misslyckad', lastError: expect.stringContaining('Boten är inte installerad') },
    });
    expect(world.logs.some((line) => line.level === 'warn')).toBe(true);
    expect(world.sender.sends).toHaveLength(0);
  });

  it('posts to a channel when given its conversation key', async () => {
    await world.installedFor('19:styrelsen@thread.tacv2', 'channel');
    await notify(world.instance(), request({ conversationKey: '19:styrelsen@thread.tacv2' }));
    expect(world.sender.sends[0]?.reference).toMatchObject({ conversation: { id: 'a:19:styrelsen@thread.tacv2' } });
    expect(await world.row('req:NOVA-2027-Q1:T-5')).toMatchObject({
      recipientAadId: LEADER,
      payload: { conversationKey: '19:styrelsen@thread.tacv2' },
    });
  });

  it('paces a burst to one conversation: never more than 7 sends in any second', async () => {
    const deps = world.instance();
    await Promise.all(Array.from({ length: 20 }, (_, index) => notify(deps, request({ key: `burst:${index}` }))));
    const times = world.sender.sends.map((record) => record.at).sort((a, b) => a - b);
    expect(times).toHaveLength(20);
    for (const [index, at] of times.entries()) {
      expect(
        times.filter((other) => other >= at && other < at + 1_000).length,
        `window at ${index}`,
      ).toBeLessThanOrEqual(7);
    }
  });

  it('refuses a message with neither text nor card before claiming anything', async () => {
    await expect(notify(world.instance(), request({ message: { summary: 'tomt' } }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await world.row('req:NOVA-2027-Q1:T-5')).toBeNull();
  });
});

describe('sendPending', () => {
  it('gives up after the maximum number of attempts, across runs', async () => {
    const deps = world.instance();
    world.sender.onSend(...Array.from({ length: 20 }, () => failure(503)));
    const first = await notify(deps, request());
    // backoff grows past what one lease allows: the rest is left to later runs
    expect(first).toMatchObject({ outcome: 'rescheduled', notification: { status: 'Väntar' } });
    for (let run = 0; run < 20; run += 1) {
      world.clock.advance(LEASE_MS);
      await sendPending(deps);
    }
    const row = await world.row('req:NOVA-2027-Q1:T-5');
    expect(row).toMatchObject({ status: 'Misslyckad', attempts: 8 });
    expect(row?.lastError).toContain('Gav upp efter 8 försök');
    expect(world.sender.sends).toHaveLength(8);
  });

  it('fails a row whose Payload cannot be read', async () => {
    await world.notifications.claim({
      title: 'handredigerad',
      key: 'manual:1',
      kind: 'Information',
      recipientAadId: LEADER,
      status: 'Väntar',
      attempts: 0,
      activityId: null,
      conversationId: null,
      lastError: null,
      notBefore: T0,
      payload: 'inte ett meddelande',
    });
    expect(await sendPending(world.instance())).toMatchObject({ due: 1, failed: 1 });
    expect(await world.row('manual:1')).toMatchObject({
      status: 'Misslyckad',
      lastError: expect.stringContaining('Payload'),
    });
    expect(world.sender.sends).toHaveLength(0);
  });

  it('documents the one double send: a lease that runs out during a hung send', async () => {
    // instance A's send hangs past its lease; meanwhile B takes the row over and sends it
    const slowSender = new ScriptedSender(world.clock).onSend(async () => {
      world.clock.advance(LEASE_MS + 1_000);
      await sendPending(world.instance('b'));
      return { ok: true, activityId: '1:from-a' };
    });
    await notify(world.instance('a', slowSender), request());
    expect(slowSender.delivered().length + world.sender.delivered().length).toBe(2);
    expect(await world.row('req:NOVA-2027-Q1:T-5')).toMatchObject({ status: 'Skickad' });
    expect(world.logs.some((line) => line.message.includes('changed during a send'))).toBe(true);
  });
});

describe('updateSent', () => {
  it('replaces the card by its stored activity id and keeps the new message on the row', async () => {
    const deps = world.instance();
    await notify(deps, request({ message: { card: { type: 'AdaptiveCard', version: '1.5', body: [] } } }));
    const activityId = (await world.row('req:NOVA-2027-Q1:T-5'))?.activityId;
    const decided = { card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Beviljad' }] } };
    const result = await updateSent(deps, 'req:NOVA-2027-Q1:T-5', decided);
    expect(result).toMatchObject({ outcome: 'updated' });
    expect(world.sender.updates).toHaveLength(1);
    expect(world.sender.updates[0]).toMatchObject({ activityId, message: decided });
    expect((await world.row('req:NOVA-2027-Q1:T-5'))?.payload).toMatchObject({ message: decided });
  });

  it('retries an update after a 429 and reports an unknown key', async () => {
    const deps = world.instance();
    await notify(deps, request());
    world.sender.onUpdate(failure(429, 2_000));
    expect(await updateSent(deps, 'req:NOVA-2027-Q1:T-5', { text: 'Ändrad' })).toMatchObject({ outcome: 'updated' });
    expect(world.sender.updates).toHaveLength(2);
    expect(world.sleeps).toContain(2_000);
    expect(await updateSent(deps, 'saknas', { text: 'x' })).toEqual({ outcome: 'not-found', key: 'saknas' });
  });

  it('gives a row not sent yet the new message, which is what goes out', async () => {
    const deps = world.instance();
    await notify(deps, request({ notBefore: '2027-04-23T07:00:00Z' }));
    expect(await updateSent(deps, 'req:NOVA-2027-Q1:T-5', { text: 'Nyare' })).toMatchObject({
      outcome: 'pending-replaced',
    });
    world.clock.set('2027-04-23T07:00:00Z');
    await sendPending(deps);
    expect(world.sender.sends.map((record) => record.message)).toEqual([{ text: 'Nyare' }]);
    expect(world.sender.updates).toHaveLength(0);
  });

  it('a 403 on update marks the conversation inactive', async () => {
    const deps = world.instance();
    await notify(deps, request());
    world.sender.onUpdate(failure(403));
    expect(await updateSent(deps, 'req:NOVA-2027-Q1:T-5', { text: 'x' })).toMatchObject({ outcome: 'failed' });
    expect((await world.conversations.findByKey(LEADER))?.active).toBe(false);
  });
});

describe('createNotifier', () => {
  it('shares one pacer between its use cases and joins a sendPending run already going', async () => {
    const notifier = createNotifier({
      notifications: world.notifications,
      conversations: world.conversations,
      sender: world.sender,
      clock: world.clock,
      logger: world.logger,
      instanceId: 'composed',
      sleep: world.sleep,
    });
    await notifier.notify(request({ notBefore: '2027-04-23T06:01:00Z' }));
    world.clock.set('2027-04-23T06:01:00Z');
    const [a, b] = await Promise.all([notifier.sendPending(), notifier.sendPending()]);
    expect(a).toBe(b);
    expect(a.sent).toBe(1);
    expect(await notifier.updateSent('req:NOVA-2027-Q1:T-5', { text: 'uppdaterad' })).toMatchObject({
      outcome: 'updated',
    });
  });
});

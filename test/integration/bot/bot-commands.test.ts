/**
 * The bot's commands over HTTP, as Teams sends them: activities POSTed to /api/messages of the
 * app booted like `npm start`, answers read from what the bot posted to the serviceUrl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishWeekday } from '../../../src/domain/calendar/iso-date.ts';
import { todayIn } from '../../../src/domain/calendar/today.ts';
import { nextDeadline } from '../../../src/domain/invoicing/next-deadline.ts';
import { quarterLabel } from '../../../src/domain/invoicing/quarters.ts';
import { systemClock } from '../../../src/server/system-clock.ts';
import {
  type BotHarness,
  contentOf,
  envelope,
  mentionActivity,
  personal,
  type Speaker,
  startBotHarness,
  type Turn,
} from './bot-harness.ts';

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness();
});

afterAll(async () => {
  await bot?.close();
});

/** the one answer to a turn, as text plus stringified cards; every turn well under 2 s */
function answer(turn: Turn): string {
  expect(turn.status).toBe(200);
  expect(turn.ms).toBeLessThan(2000);
  expect(turn.replies).toHaveLength(1);
  const [reply] = turn.replies;
  return reply === undefined ? '' : contentOf(reply);
}

const emma = personal('emma.strom');
const gunilla = personal('gunilla.axelsson');
const inChannel: Speaker = {
  ...personal('emma.strom'),
  conversationId: '19:kansli@thread.tacv2;messageid=1700000000000',
  conversationType: 'channel',
  channelData: { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:kansli@thread.tacv2' } },
};

describe('mina insatser / my interventions', () => {
  it.each([['mina insatser'], ['MINA   Insatser.'], ['my interventions'], ['mine']])(
    '%j lists NOVA for its projektledare',
    async (text) => {
      const reply = answer(await bot.say(emma, text));
      expect(reply).toContain('NOVA – nya vägar för unga vuxna');
      expect(reply).toContain('Projektledare');
      expect(reply).toContain('Pågående');
    },
  );

  it('answers through an @mention in a channel', async () => {
    const reply = answer(await bot.send(mentionActivity(bot.serviceUrl, inChannel, 'Mina insatser!')));
    expect(reply).toContain('NOVA');
  });

  it('tells a board member what they can do instead', async () => {
    const reply = answer(await bot.say(gunilla, 'mina insatser'));
    expect(reply).toContain('Du har ingen roll i en enskild insats');
    expect(reply).toContain('Som ledamot kan du läsa alla insatser i fliken');
  });
});

describe('status <kod eller namn>', () => {
  it.each([['status NOVA'], ['Status nova?'], ['STATUS   Nova'], ['status nya vägar']])(
    '%j shows the stage, period, projektledare, amount and next deadline',
    async (text) => {
      const reply = answer(await bot.say(emma, text));
      const nova = await bot.repos.interventions.findByCode('NOVA');
      const requisitions = await bot.repos.requisitions.listByIntervention(nova?.id ?? '');
      const next = nova === null ? null : nextDeadline(nova, requisitions, todayIn(systemClock, 'Europe/Stockholm'));
      expect(reply).toContain('NOVA – nya vägar för unga vuxna');
      expect(reply).toContain('Pågående');
      expect(reply).toContain('2025-01-01 – 2027-12-31');
      expect(reply).toContain('Emma Ström');
      expect(reply).toContain('Växjö kommun');
      expect(reply).toContain('2\u00a0460\u00a0000\u00a0kr');
      // computed by the calendar for the real today; after NOVA's last quarter there is none
      expect(reply).toContain(
        next === null
          ? 'inga fler frister'
          : `${quarterLabel(next)}: senast ${swedishWeekday(next.dueDate)} ${next.dueDate}`,
      );
    },
  );

  it('works with an @mention in a channel, for anyone', async () => {
    const reply = answer(
      await bot.send(
        mentionActivity(
          bot.serviceUrl,
          {
            ...inChannel,
            ...personal('lars.hedstrom'),
            conversationId: inChannel.conversationId,
            conversationType: 'channel',
          },
          'status NOVA.',
        ),
      ),
    );
    expect(reply).toContain('Pågående');
  });

  it('suggests close matches for an unknown code, and helps when nothing is close', async () => {
    const typo = answer(await bot.say(emma, 'status NOVVA'));
    expect(typo).toContain('Jag hittar ingen insats som heter ”NOVVA”');
    expect(typo).toContain('**NOVA**');
    const several = answer(await bot.say(emma, 'status sam'));
    expect(several).toContain('SAMSYN');
    expect(several).toContain('SAMSJUK');
    const nothing = answer(await bot.say(emma, 'status xyzzy'));
    expect(nothing).toContain('Jag hittar ingen insats');
    expect(nothing).toContain('mina insatser');
    expect(answer(await bot.say(emma, 'status'))).toContain('status NOVA');
  });
});

describe('frister / deadlines', () => {
  it.each([['frister'], ['Deadlines!'], ['<at>Insatsnavet</at> frister']])(
    '%j lists NOVA’s next deadline',
    async (text) => {
      const reply = answer(await bot.say(emma, text));
      const nova = await bot.repos.interventions.findByCode('NOVA');
      const requisitions = await bot.repos.requisitions.listByIntervention(nova?.id ?? '');
      const next = nova === null ? null : nextDeadline(nova, requisitions, todayIn(systemClock, 'Europe/Stockholm'));
      expect(reply).toContain('Kommande fakturafrister');
      expect(reply).toContain(
        next === null
          ? 'Inga kommande fakturafrister'
          : `${quarterLabel(next)} · senast ${swedishWeekday(next.dueDate)} ${next.dueDate}`,
      );
    },
  );
});

describe('att besluta / to decide', () => {
  it.each([['att besluta'], ['Att Besluta?'], ['to decide'], ['approvals']])(
    '%j shows a board member the SAMSYN application',
    async (text) => {
      const reply = answer(await bot.say(gunilla, text));
      expect(reply).toContain('SAMSYN');
      expect(reply).toContain('Styrelse (en per medlemsorganisation)');
      expect(reply).toContain('du röstar som ledamot i styrelsen');
    },
  );

  it('shows the beredningsgrupp SAMSJUK, and a projektledare nothing', async () => {
    expect(answer(await bot.say(personal('malin.ostlund'), 'att besluta'))).toContain('SAMSJUK');
    expect(answer(await bot.say(personal('helena.rydberg'), 'att besluta'))).toContain('Inga beslutsärenden');
    expect(answer(await bot.say(emma, 'att besluta'))).toContain('Inga beslutsärenden');
  });
});

describe('help, greetings and the unknown', () => {
  it.each([['hjälp'], ['Help'], ['<at>Insatsnavet</at>'], ['HJÄLP!!']])('%j lists the commands', async (text) => {
    const reply = answer(await bot.say(emma, text));
    for (const command of ['mina insatser', 'status', 'frister', 'att besluta']) {
      expect(reply).toContain(command);
    }
    expect(reply).toContain('agera som'); // AUTH_MODE=dev (the default locally)
  });

  it('greets in Swedish and points to hjälp', async () => {
    const reply = answer(await bot.say(emma, 'Hej!'));
    expect(reply).toContain('Insatsnavet');
    expect(reply).toContain('hjälp');
  });

  it('never stays silent on an unknown command', async () => {
    const reply = answer(await bot.say(emma, 'vad blir det för lunch?'));
    expect(reply).toContain('Jag förstod inte');
    expect(reply).toContain('**hjälp**');
  });

  it('tells someone outside the role list who they are not', async () => {
    const stranger: Speaker = {
      ...emma,
      fromId: '29:stranger',
      aadObjectId: '00000000-0000-0000-0000-0000000000bb',
      conversationId: 'a:stranger',
    };
    expect(answer(await bot.say(stranger, 'mina insatser'))).toContain('Jag hittar dig inte i förbundets rollista');
  });
});

describe('card actions (adaptiveCard/action invokes)', () => {
  const invoke = (speaker: Speaker, value: unknown) =>
    bot.send({ ...envelope(bot.serviceUrl, speaker), type: 'invoke', name: 'adaptiveCard/action', value });

  it('refuses an unknown verb with Teams’ error response, HTTP 200', async () => {
    const turn = await invoke(emma, {
      action: { type: 'Action.Execute', verb: 'spränga', data: {} },
      trigger: 'manual',
    });
    expect(turn.status).toBe(200);
    expect(turn.body).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: expect.stringContaining('Okänd åtgärd') },
    });
  });

  it('refuses an action without a value or verb the same way', async () => {
    for (const value of [
      undefined,
      {},
      { action: { type: 'Action.Submit' } },
      { action: { type: 'Action.Execute' } },
    ]) {
      const turn = await invoke(emma, value);
      expect(turn.status).toBe(200);
      expect(turn.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    }
  });

  it('refreshes a status card with the same card', async () => {
    const turn = await invoke(emma, {
      action: { type: 'Action.Execute', verb: 'uppdatera', data: { vy: 'status', kod: 'NOVA' } },
    });
    expect(turn.status).toBe(200);
    expect(turn.ms).toBeLessThan(2000);
    expect(turn.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard', version: '1.5' },
    });
    expect(JSON.stringify(turn.body)).toContain('Pågående');
  });

  it('answers for whoever clicked, whatever the card data says', async () => {
    const turn = await invoke(emma, {
      action: {
        type: 'Action.Execute',
        verb: 'uppdatera',
        data: { vy: 'att-besluta', aadObjectId: gunilla.aadObjectId, from: gunilla },
      },
    });
    expect(JSON.stringify(turn.body)).toContain('Inga beslutsärenden');
  });
});

describe('bad input and load', () => {
  it.each([
    ['not JSON', '{"type": "message",', 'application/json'],
    ['a JSON array', '[]', 'application/json'],
    ['JSON without type', JSON.stringify({ text: 'hjälp' }), 'application/json'],
    [
      'a type of the wrong kind',
      JSON.stringify({ ...envelope('http://127.0.0.1:9/', personal('emma.strom')), type: 5 }),
      'application/json',
    ],
    [
      'conversation as a string',
      JSON.stringify({
        ...envelope('http://127.0.0.1:9/', personal('emma.strom')),
        type: 'message',
        conversation: 'x',
      }),
      'application/json',
    ],
    [
      'from missing',
      JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        recipient: { id: 'b' },
        conversation: { id: 'c' },
      }),
      'application/json',
    ],
    [
      'a serviceUrl that is no URL',
      JSON.stringify({ ...envelope('not a url', personal('emma.strom')), type: 'message', text: 'hjälp' }),
      'application/json',
    ],
    ['plain text', 'hjälp', 'text/plain'],
    ['JSON null', 'null', 'application/json'],
  ])('%s → 4xx with a JSON error, never a 500', async (_name, body, contentType) => {
    const response = await bot.post(body, contentType);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.any(String) } });
  });

  it('still answers after all that', async () => {
    expect(answer(await bot.say(emma, 'hjälp'))).toContain('frister');
  });

  it('answers a burst of 20 concurrent messages, each once and in well under 2 s', async () => {
    const people = ['emma.strom', 'gunilla.axelsson', 'malin.ostlund', 'jenny.karlberg', 'karin.vallgren'] as const;
    const texts = ['status NOVA', 'mina insatser', 'frister', 'att besluta'];
    const turns = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        bot.say(personal(people[index % people.length] ?? 'emma.strom'), texts[index % texts.length] ?? 'hjälp'),
      ),
    );
    for (const turn of turns) {
      expect(turn.status).toBe(200);
      expect(turn.replies).toHaveLength(1);
      expect(turn.ms).toBeLessThan(2000);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { cleanMessageText, parseCommand } from '../../../bot/commands/parse-command.ts';

const dev = { devCommands: true };
const prod = { devCommands: false };

describe('parseCommand', () => {
  it.each([
    ['hjälp', 'help'],
    ['Hjälp!', 'help'],
    ['HJALP', 'help'],
    ['help', 'help'],
    ['  help  ', 'help'],
    ['<at>Insatsnavet</at>', 'help'],
    ['', 'help'],
    ['hej', 'greeting'],
    ['Hej!', 'greeting'],
    ['mina insatser', 'mine'],
    ['Mina   Insatser.', 'mine'],
    ['<at>Insatsnavet</at> mina insatser', 'mine'],
    ['my interventions', 'mine'],
    ['MINE', 'mine'],
    ['frister', 'deadlines'],
    ['Frister?', 'deadlines'],
    ['deadlines', 'deadlines'],
    ['att besluta', 'approvals'],
    ['Att  Besluta!!', 'approvals'],
    ['to decide', 'approvals'],
    ['approvals', 'approvals'],
    ['/hjälp', 'help'],
  ])('%j → %s', (text, kind) => {
    expect(parseCommand(text, prod).kind).toBe(kind);
  });

  it('takes the rest of a status command as the code or name, as written', () => {
    expect(parseCommand('status NOVA', prod)).toEqual({ kind: 'status', query: 'NOVA' });
    expect(parseCommand('<at id="0">Insatsnavet</at>&nbsp;STATUS   nova?', prod)).toEqual({
      kind: 'status',
      query: 'nova',
    });
    expect(parseCommand('Status Nya vägar för unga vuxna.', prod)).toEqual({
      kind: 'status',
      query: 'Nya vägar för unga vuxna',
    });
    expect(parseCommand('status', prod)).toEqual({ kind: 'status', query: '' });
  });

  it('answers anything else as unknown, with the cleaned text', () => {
    expect(parseCommand('<at>Insatsnavet</at> vad är klockan?', prod)).toEqual({
      kind: 'unknown',
      text: 'vad är klockan',
    });
    expect(parseCommand('mina insatser tack', prod).kind).toBe('unknown');
  });

  it('knows the dev commands only in dev mode', () => {
    expect(parseCommand('agera som Emma Ström', dev)).toEqual({ kind: 'act-as', name: 'Emma Ström' });
    expect(parseCommand('Act as gunilla', dev)).toEqual({ kind: 'act-as', name: 'gunilla' });
    expect(parseCommand('agera som mig själv', dev)).toEqual({ kind: 'act-as-self' });
    expect(parseCommand('Agera som mig', dev)).toEqual({ kind: 'act-as-self' });
    expect(parseCommand('act as myself', dev)).toEqual({ kind: 'act-as-self' });
    expect(parseCommand('vem är jag?', dev)).toEqual({ kind: 'who-am-i' });
    expect(parseCommand('Who am I', dev)).toEqual({ kind: 'who-am-i' });
    expect(parseCommand('agera som', dev)).toEqual({ kind: 'who-am-i' });

    expect(parseCommand('agera som Emma Ström', prod)).toEqual({ kind: 'unknown', text: 'agera som Emma Ström' });
    expect(parseCommand('vem är jag', prod).kind).toBe('unknown');
    expect(parseCommand('agera som mig själv', prod).kind).toBe('unknown');
  });
});

describe('cleanMessageText', () => {
  it('removes mentions, markup, entities, zero-width characters and trailing punctuation', () => {
    expect(cleanMessageText('<p><at>Insatsnavet</at>&nbsp;status&nbsp;NOVA</p>')).toBe('status NOVA');
    expect(cleanMessageText('status\u200b  NOVA …')).toBe('status NOVA');
    expect(cleanMessageText('  hjälp?!  ')).toBe('hjälp');
    expect(cleanMessageText('A &amp; B')).toBe('A & B');
  });
});

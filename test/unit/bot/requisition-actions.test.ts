/**
 * What the bot reads from a requisition card's buttons and from chat: Teams merges the inputs'
 * values (strings) into the button's data; everything else in the data is ignored, above all any
 * claim about who is acting.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../bot/commands/parse-command.ts';
import { parseCardAction } from '../../../bot/invokes/card-action.ts';
import { registrationInput } from '../../../bot/invokes/requisition-actions.ts';

const execute = (verb: string, data: unknown) => ({ action: { type: 'Action.Execute', verb, data } });

describe('parseCardAction for requisition verbs', () => {
  it('reads a registration with the inputs merged into the data, and drops anything else', () => {
    const action = parseCardAction(
      execute('rekvisition.registrera', {
        periodKey: 'NOVA-2027-Q1',
        etag: '"7,3"',
        fakturanummer: 'F-17',
        inkom: '2027-04-14',
        Personal: '125 000',
        Lokaler: 15000,
        total: '140 000',
        actorAadId: '4dc56134-bb48-5d37-b76d-b9a5c3b155d3',
        from: { aadObjectId: '4dc56134-bb48-5d37-b76d-b9a5c3b155d3' },
      }),
    );
    expect(action).toEqual({
      kind: 'requisition-register',
      periodKey: 'NOVA-2027-Q1',
      etag: '"7,3"',
      form: { fakturanummer: 'F-17', inkom: '2027-04-14', Personal: '125 000', Lokaler: '15000', total: '140 000' },
    });
  });

  it('reads a workflow step with its reason', () => {
    expect(
      parseCardAction(
        execute('rekvisition.status', {
          periodKey: 'NOVA-2027-Q1',
          etag: '"8"',
          action: 'avvisa',
          skal: 'Saknar spec.',
        }),
      ),
    ).toEqual({
      kind: 'requisition-status',
      periodKey: 'NOVA-2027-Q1',
      etag: '"8"',
      action: 'avvisa',
      form: { skal: 'Saknar spec.' },
    });
  });

  it('reads the refresh, keeping the message kind', () => {
    expect(parseCardAction(execute('rekvisition.visa', { periodKey: 'NOVA-2027-Q1', kind: 'reminder' }))).toEqual({
      kind: 'requisition-view',
      periodKey: 'NOVA-2027-Q1',
      messageKind: 'reminder',
    });
    expect(parseCardAction(execute('rekvisition.visa', { periodKey: 'NOVA-2027-Q1', kind: 'nonsense' }))).toEqual({
      kind: 'requisition-view',
      periodKey: 'NOVA-2027-Q1',
    });
    expect(parseCardAction(execute('rekvisition.lista', {}))).toEqual({ kind: 'requisition-list' });
  });

  it.each([
    ['no period key', 'rekvisition.visa', {}],
    ['a period key that cannot be one', 'rekvisition.registrera', { periodKey: "NOVA' or 1=1", etag: '"1"' }],
    ['an action that is not a step', 'rekvisition.status', { periodKey: 'NOVA-2027-Q1', action: 'registrera' }],
    ['a step without action', 'rekvisition.status', { periodKey: 'NOVA-2027-Q1' }],
    ['an object as invoice number', 'rekvisition.registrera', { periodKey: 'NOVA-2027-Q1', fakturanummer: { a: 1 } }],
  ])('refuses %s with a 400 in Swedish', (_name, verb, data) => {
    const action = parseCardAction(execute(verb, data));
    expect(action).toMatchObject({
      kind: 'refused',
      body: { statusCode: 400, type: 'application/vnd.microsoft.error' },
    });
  });
});

describe('registrationInput', () => {
  it('maps the card’s Swedish input ids to the registration service’s fields, leaving empty posts out', () => {
    expect(
      registrationInput(
        { fakturanummer: 'F-17', inkom: '', Personal: '125 000', Lokaler: '', total: '125 000' },
        '"7,3"',
      ),
    ).toEqual({ invoiceNumber: 'F-17', amount: '125 000', specification: { Personal: '125 000' }, etag: '"7,3"' });
  });
});

describe('parseCommand for invoices', () => {
  it.each([
    ['faktura NOVA', 'NOVA'],
    ['Faktura nova?', 'nova'],
    ['registrera faktura NOVA', 'NOVA'],
    ['Registrera fakturan NOVA.', 'NOVA'],
    ['rekvisition NOVA-2027-Q1', 'NOVA-2027-Q1'],
    ['invoice ENTER', 'ENTER'],
    ['faktura', ''],
  ])('%j asks for the invoice card of %j', (text, query) => {
    expect(parseCommand(text, { devCommands: false })).toEqual({ kind: 'requisition', query });
  });

  it.each([['fakturor'], ['Rekvisitioner!'], ['mina fakturor'], ['my invoices']])('%j asks for the inbox', (text) => {
    expect(parseCommand(text, { devCommands: false })).toEqual({ kind: 'requisitions' });
  });

  it('keeps fakturafrister as the deadlines', () => {
    expect(parseCommand('fakturafrister', { devCommands: false })).toEqual({ kind: 'deadlines' });
  });
});

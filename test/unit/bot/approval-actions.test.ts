/**
 * The approval buttons and commands as the bot reads them: a vote names only the approval and
 * the decision (a forged voter in the card data is dropped), malformed data is refused before any
 * use case runs, the start form becomes the services' input, and the chat commands are parsed.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../bot/commands/parse-command.ts';
import { startInput } from '../../../bot/invokes/approval-actions.ts';
import { parseCardAction } from '../../../bot/invokes/card-action.ts';

const execute = (verb: string, data: unknown) => ({
  action: { type: 'Action.Execute', verb, data },
  trigger: 'manual',
});

describe('parseCardAction for approvals', () => {
  it('reads a vote as the approval, the decision and the comment only', () => {
    const action = parseCardAction(
      execute('beslut.rosta', {
        approvalId: '3',
        beslut: 'Godkänn',
        kommentar: '  Bra underlag. ',
        voterAadId: '4dc56134-bb48-5d37-b76d-b9a5c3b155d3',
        from: { aadObjectId: '4dc56134-bb48-5d37-b76d-b9a5c3b155d3' },
      }),
    );
    expect(action).toEqual({ kind: 'approval-vote', approvalId: '3', decision: 'Godkänn', comment: 'Bra underlag.' });
  });

  it('treats an empty comment as none', () => {
    expect(parseCardAction(execute('beslut.rosta', { approvalId: '3', beslut: 'Avstår', kommentar: '' }))).toEqual({
      kind: 'approval-vote',
      approvalId: '3',
      decision: 'Avstår',
      comment: undefined,
    });
  });

  it.each([
    ['no approval', { beslut: 'Godkänn' }],
    ['an id that is not a list item id', { approvalId: '../3', beslut: 'Godkänn' }],
    ['an unknown decision', { approvalId: '3', beslut: 'Ja' }],
    ['no data', undefined],
    ['a comment far too long', { approvalId: '3', beslut: 'Avslå', kommentar: 'x'.repeat(5000) }],
  ])('refuses a vote with %s with a 400 and a Swedish message', (_name, data) => {
    const action = parseCardAction(execute('beslut.rosta', data));
    expect(action).toMatchObject({ kind: 'refused', body: { statusCode: 400 } });
    expect(JSON.stringify(action)).toContain('att besluta');
  });

  it('reads beslut.visa as the approval to show', () => {
    expect(parseCardAction(execute('beslut.visa', { approvalId: '12' }))).toEqual({
      kind: 'approval-view',
      approvalId: '12',
    });
    expect(parseCardAction(execute('beslut.visa', {}))).toMatchObject({ kind: 'refused' });
  });

  it('reads the start form with its Swedish input ids (numbers may come as numbers)', () => {
    const action = parseCardAction(
      execute('beslut.starta', {
        insats: 'NOVA',
        arendetyp: 'Budgetändring',
        sammanfattning: 'Flytt till personal',
        ar: 2027,
        franPost: 'Övrigt',
        tillPost: 'Personal',
        flyttbelopp: '40 000',
        svaraSenast: '',
        mindre: 'false',
        requestedByAadId: 'someone-else',
      }),
    );
    expect(action).toEqual({
      kind: 'approval-start',
      insats: 'NOVA',
      form: {
        subject: 'Budgetändring',
        summary: 'Flytt till personal',
        year: '2027',
        from: 'Övrigt',
        to: 'Personal',
        moveAmount: '40 000',
        dueDate: '',
        minor: 'false',
      },
    });
  });
});

describe('startInput', () => {
  it('makes a budget change of the one move, the summary as its motivation', () => {
    expect(
      startInput('NOVA', {
        subject: 'Budgetändring',
        summary: 'Flytt till personal',
        amount: '40 000 kr',
        dueDate: '2027-01-15',
        year: '2027',
        from: 'Övrigt',
        to: 'Personal',
        moveAmount: '40 000',
      }),
    ).toEqual({
      insats: 'NOVA',
      subject: 'Budgetändring',
      summary: 'Flytt till personal',
      amount: 40_000,
      dueDate: '2027-01-15',
      change: {
        year: 2027,
        moves: [{ from: 'Övrigt', to: 'Personal', amount: 40_000 }],
        motivering: 'Flytt till personal',
      },
    });
  });

  it('makes a plan change with the kansli’s minor mark, and no change for an application', () => {
    expect(startInput('NOVA', { subject: 'Planändring', summary: 'Nya mötesdagar', minor: 'true' })).toEqual({
      insats: 'NOVA',
      subject: 'Planändring',
      summary: 'Nya mötesdagar',
      plan: { beskrivning: 'Nya mötesdagar', mindre: true },
    });
    expect(startInput('SAMSYN', { subject: 'Ansökan', summary: 'Ansökan om medel', amount: '' })).toEqual({
      insats: 'SAMSYN',
      subject: 'Ansökan',
      summary: 'Ansökan om medel',
    });
  });

  it('passes an amount it cannot read on as typed, for the services to refuse by field', () => {
    const input = startInput('NOVA', { subject: 'Budgetändring', summary: 'x', moveAmount: 'fyrtio tusen' });
    expect(input.change).toMatchObject({ moves: [{ amount: 'fyrtio tusen' }] });
  });
});

describe('parseCommand for approvals', () => {
  const parse = (text: string) => parseCommand(text, { devCommands: false });

  it.each([
    ['beslut 12', { kind: 'approval', query: '12' }],
    ['Beslut #12', { kind: 'approval', query: '12' }],
    ['beslut SAMSYN', { kind: 'approval', query: 'SAMSYN' }],
    ['beslutsärende 7', { kind: 'approval', query: '7' }],
    ['delegationsbeslut', { kind: 'delegation-decisions' }],
    ['Delegationsbeslut?', { kind: 'delegation-decisions' }],
    ['nytt beslut NOVA', { kind: 'start-approval', query: 'NOVA' }],
    ['Begär beslut nova', { kind: 'start-approval', query: 'nova' }],
    ['nytt beslutsärende ENTER', { kind: 'start-approval', query: 'ENTER' }],
    ['nytt beslut', { kind: 'start-approval', query: '' }],
    ['beslut', { kind: 'approvals' }],
    ['att besluta', { kind: 'approvals' }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

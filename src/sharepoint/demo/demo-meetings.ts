import type { NewMeeting } from '../../domain/entities/meeting.ts';

export type DemoMeeting = Omit<NewMeeting, 'interventionId'> & { readonly code: string | null };

const board = (date: string, papersDue: string, title: string): DemoMeeting => ({
  title,
  body: 'Styrelse',
  code: null,
  date,
  papersDue,
});
const preparation = (date: string, papersDue: string, title: string): DemoMeeting => ({
  title,
  body: 'Beredningsgrupp',
  code: null,
  date,
  papersDue,
});

/**
 * Meetings from late 2026 through 2027, on Värend's yearly rhythm (seed 002 tidsplan): a
 * konstituerande meeting in January after the election, accounts in February, the interim report
 * in October, plan and budget by 30 November; beredningsgruppen about two weeks before the board.
 * Papers are due a week ahead.
 */
export const DEMO_MEETINGS: readonly DemoMeeting[] = [
  board('2026-11-26', '2026-11-19', 'Styrelsemöte – verksamhetsplan och budget 2027'),
  { title: 'Styrgrupp NOVA', body: 'Styrgrupp', code: 'NOVA', date: '2026-12-08', papersDue: '2026-12-01' },
  {
    title: 'Styrgrupp Enter – avslut och slutrapport',
    body: 'Styrgrupp',
    code: 'ENTER',
    date: '2026-12-10',
    papersDue: '2026-12-03',
  },
  preparation('2027-01-14', '2027-01-07', 'Beredningsgrupp – ansökningar våren 2027'),
  board('2027-01-28', '2027-01-21', 'Konstituerande styrelsemöte'),
  { title: 'Styrgrupp FIA', body: 'Styrgrupp', code: 'FIA', date: '2027-02-03', papersDue: '2027-01-27' },
  preparation('2027-02-11', '2027-02-04', 'Beredningsgrupp'),
  board('2027-02-25', '2027-02-18', 'Styrelsemöte – bokslut och årsredovisning 2026'),
  {
    title: 'Styrgrupp Hälsofrämjande etablering',
    body: 'Styrgrupp',
    code: 'HFE',
    date: '2027-03-10',
    papersDue: '2027-03-03',
  },
  preparation('2027-04-08', '2027-04-01', 'Beredningsgrupp'),
  board('2027-04-22', '2027-04-15', 'Styrelsemöte och strategidag med beredningsgruppen'),
  preparation('2027-05-13', '2027-05-05', 'Beredningsgrupp'), // 6 May 2027 is Kristi himmelfärds dag
  board('2027-05-27', '2027-05-20', 'Styrelsemöte'),
  preparation('2027-09-09', '2027-09-02', 'Beredningsgrupp'),
  board('2027-09-23', '2027-09-16', 'Styrelsemöte'),
  board('2027-10-21', '2027-10-14', 'Styrelsemöte – delårsrapport per 31 augusti'),
  preparation('2027-11-04', '2027-10-28', 'Beredningsgrupp – verksamhetsplan 2028'),
  board('2027-11-25', '2027-11-18', 'Styrelsemöte – verksamhetsplan och budget 2028'),
];

import type { NewMember } from '../../domain/entities/member.ts';

/**
 * Samordningsförbundet Värend's members (seed 002). FK and AF pay 25 % each, together the
 * state's 50 % paid via FK; Region Kronoberg 25 %; the four kommuner 25 % together, split here
 * by approximate population (Växjö ≈ 70 %, Alvesta ≈ 14 %, Tingsryd ≈ 9 %, Lessebo ≈ 7 % of
 * that quarter; synthetic, research domain.md §8.1).
 */
export type MemberKey = 'FK' | 'AF' | 'REGION' | 'ALVESTA' | 'LESSEBO' | 'TINGSRYD' | 'VAXJO';

export type DemoMember = {
  readonly key: MemberKey;
  /** e-mail domain of its staff and elected members (reserved `.example` TLD) */
  readonly domain: string;
  readonly member: NewMember;
};

export const DEMO_MEMBERS: readonly DemoMember[] = [
  {
    key: 'FK',
    domain: 'forsakringskassan.example',
    member: { name: 'Försäkringskassan', orgType: 'Stat', financingSharePct: 25, active: true },
  },
  {
    key: 'AF',
    domain: 'arbetsformedlingen.example',
    member: { name: 'Arbetsförmedlingen', orgType: 'Stat', financingSharePct: 25, active: true },
  },
  {
    key: 'REGION',
    domain: 'regionkronoberg.example',
    member: { name: 'Region Kronoberg', orgType: 'Region', financingSharePct: 25, active: true },
  },
  {
    key: 'ALVESTA',
    domain: 'alvesta.example',
    member: { name: 'Alvesta kommun', orgType: 'Kommun', financingSharePct: 3.5, active: true },
  },
  {
    key: 'LESSEBO',
    domain: 'lessebo.example',
    member: { name: 'Lessebo kommun', orgType: 'Kommun', financingSharePct: 1.75, active: true },
  },
  {
    key: 'TINGSRYD',
    domain: 'tingsryd.example',
    member: { name: 'Tingsryds kommun', orgType: 'Kommun', financingSharePct: 2.25, active: true },
  },
  {
    key: 'VAXJO',
    domain: 'vaxjo.example',
    member: { name: 'Växjö kommun', orgType: 'Kommun', financingSharePct: 17.5, active: true },
  },
];

/** the förbund's own staff (kansli) are not a member organisation */
export const KANSLI_DOMAIN = 'samordningvarend.example';

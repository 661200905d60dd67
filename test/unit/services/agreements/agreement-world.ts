/**
 * The approvals' small förbund (approval-world.ts) with NOVA in Avtal, awaiting its samarbetsavtal:
 * Försäkringskassan (projektägare) and Region Kronoberg are the parties, Ola Nordin and Christer
 * Lund their firmatecknare, Sofia Lindahl (processledare) the kansli who starts the signing. The
 * messages are the views as JSON, with the agreement block, so a test sees what each card said.
 */
import { PDFDocument } from 'pdf-lib';
import type { ApprovalDeps, ApprovalMessages } from '../../../../src/services/approvals/approval-deps.ts';
import type { ApprovalView } from '../../../../src/services/approvals/approval-view.ts';
import { ApprovalWorld, p, SOFIA } from '../approvals/approval-world.ts';

export const OLA = p('ola');
export const CHRISTER = p('christer');
export { SOFIA };

export type Seen = {
  readonly kind: string;
  readonly approvalId: string;
  readonly status: string;
  readonly awaited: boolean;
  readonly agreement: ApprovalView['agreement'];
};

export const agreementMessages: ApprovalMessages = {
  approvalMessage: ({ kind, view }) => ({
    text: JSON.stringify({
      kind,
      approvalId: view.approvalId,
      status: view.status,
      awaited: view.viewer.awaited,
      agreement: view.agreement,
    } satisfies Seen),
  }),
};

export class AgreementWorld {
  readonly base: ApprovalWorld;

  private constructor(base: ApprovalWorld) {
    this.base = base;
  }

  /** Monday 2027-01-11 10:00 in Stockholm */
  static async create(now = '2027-01-11T09:00:00Z'): Promise<AgreementWorld> {
    const base = await ApprovalWorld.create(now, {
      stage: 'Avtal',
      purpose: 'Fler i arbete genom samordnat stöd.',
      methods: 'Gruppverksamhet och individuellt stöd.',
    });
    const world = new AgreementWorld(base);
    await base.person(OLA, 'Ola Nordin', 'Firmatecknare', { org: base.orgs.FK });
    await base.person(CHRISTER, 'Christer Lund', 'Firmatecknare', { org: base.orgs.REGION });
    return world;
  }

  get repos() {
    return this.base.repos;
  }

  get nova() {
    return this.base.nova;
  }

  deps(overrides: Partial<ApprovalDeps> = {}): ApprovalDeps {
    return this.base.deps({
      messages: agreementMessages,
      agreementFileUrl: (id, viewer) => `https://insatsnavet.example/api/avtal/${id}/fil?vem=${viewer}`,
      ...overrides,
    });
  }

  /** what one person was sent, parsed */
  seenBy(aadObjectId: string): Seen[] {
    return this.base.sender
      .delivered()
      .filter((record) => JSON.stringify(record.reference).includes(`a:${aadObjectId}`))
      .map((record) => JSON.parse(record.message.text ?? '{}') as Seen);
  }

  async files() {
    return this.repos.agreements.listByIntervention(this.nova.id);
  }

  async stage(): Promise<string | undefined> {
    return (await this.repos.interventions.findById(this.nova.id))?.stage;
  }
}

/** a small PDF, as a scanner makes one */
export async function scannedPdf(text = 'Samarbetsavtal – undertecknat'): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 12 });
  return document.save();
}

/**
 * The demo's filed documents on the local SharePoint: every running insats has a signed
 * samarbetsavtal (a real PDF whose sha256 is on file), MITTVAL has its slutrapport, a second
 * seeding writes nothing, and the anomaly sweep finds the demo register consistent.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Anomaly } from '../../../src/domain/anomalies/anomaly.ts';
import { FixedClock } from '../../../src/domain/clock.ts';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { createUnreadableRowLog } from '../../../src/server/api/unreadable-row-log.ts';
import { listAnomalies } from '../../../src/services/register/list-anomalies.ts';
import { DEMO_INTERVENTIONS } from '../../../src/sharepoint/demo/demo-interventions.ts';
import { seedDemoApprovals } from '../../../src/sharepoint/demo/seed-demo-approvals.ts';
import { seedDemoData } from '../../../src/sharepoint/demo/seed-demo-data.ts';
import { seedDemoDocuments } from '../../../src/sharepoint/demo/seed-demo-documents.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';

let sp: LocalSharePointForTests;
let repos: Repositories;
const invalidRows: string[] = [];

beforeAll(async () => {
  sp = await useLocalSharePoint();
  const provisioned = await provisionSchema(sp.graph, sp.siteId);
  repos = createRepositories(
    sp.graph,
    { siteId: sp.siteId, listIds: provisioned.listIds, driveIds: provisioned.driveIds },
    { onInvalidRow: (listKey, itemId) => invalidRows.push(`${listKey}/${itemId}`) },
  );
  await seedDemoData(repos);
  await seedDemoApprovals(repos);
});

afterAll(async () => {
  await sp.close();
});

async function interventionId(code: string): Promise<string> {
  const intervention = await repos.interventions.findByCode(code);
  if (intervention === null) {
    throw new Error(`no insats ${code}`);
  }
  return intervention.id;
}

function hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('seedDemoDocuments on the local SharePoint', () => {
  it('files the samarbetsavtal and the slutrapport', async () => {
    expect(await seedDemoDocuments(repos)).toEqual({ agreements: 7, documents: 1 });
  });

  it('gives every running insats a signed agreement whose sha256 matches the PDF', async () => {
    const running = DEMO_INTERVENTIONS.filter((entry) => entry.stage === 'Pågående');
    expect(running.map((entry) => entry.code)).toEqual(['NOVA', 'ENTER', 'FIA', 'HFE', 'INSKAT']);
    for (const demo of running) {
      const files = await repos.agreements.listByIntervention(await interventionId(demo.code));
      expect(files).toHaveLength(1);
      const [file] = files;
      if (file === undefined) {
        throw new Error('no agreement');
      }
      expect(file).toMatchObject({
        folder: demo.code,
        name: `Samarbetsavtal ${demo.code}.pdf`,
        agreementStatus: 'Signerat',
        validFrom: demo.startDate,
        validTo: demo.endDate,
      });
      expect(file.parties).toContain(', ');
      expect(file.signedDate).not.toBeNull();
      expect(String(file.signedDate) > String(demo.decision?.date)).toBe(true);
      expect(String(file.signedDate) < demo.startDate).toBe(true);
      const bytes = await repos.agreements.download(file.driveItemId);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(file.sha256).toBe(hex(bytes));
      expect(file.size).toBe(bytes.byteLength);
    }
  });

  it('puts SAMUTB (Avtal) under signering and gives MITTVAL (Avslutad) its slutrapport', async () => {
    const samutb = await repos.agreements.listByIntervention(await interventionId('SAMUTB'));
    expect(samutb).toEqual([expect.objectContaining({ agreementStatus: 'Under signering', signedDate: null })]);
    const mittval = await repos.documents.listByIntervention(await interventionId('MITTVAL'));
    expect(mittval).toEqual([
      expect.objectContaining({ folder: 'MITTVAL', documentKind: 'Slutrapport', period: '2023–2025' }),
    ]);
    const [report] = mittval;
    if (report === undefined) {
      throw new Error('no slutrapport');
    }
    const bytes = await repos.documents.download(report.driveItemId);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('uploads nothing the second time', async () => {
    await sp.clearRequests();
    expect(await seedDemoDocuments(repos)).toEqual({ agreements: 0, documents: 0 });
    expect((await sp.requests()).writes).toBe(0);
  });

  it('leaves the demo register without missing agreements or slutrapporter', async () => {
    const anomalies: Anomaly[] = await listAnomalies(
      {
        repos,
        clock: new FixedClock('2026-11-24T08:00:00Z'),
        timeZone: 'Europe/Stockholm',
        unreadableRows: createUnreadableRowLog(),
      },
      null,
    );
    const codes = anomalies.map((anomaly) => `${anomaly.interventionCode ?? '-'} ${anomaly.code}`);
    expect(codes.filter((code) => code.endsWith('AVTAL_SAKNAS') || code.endsWith('SLUTRAPPORT_SAKNAS'))).toEqual([]);
    expect(codes).toEqual([]);
    expect(invalidRows).toEqual([]);
  });
});

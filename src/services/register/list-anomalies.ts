/**
 * The register's anomalies (rules broken, typically by edits in SharePoint), reported and never
 * "fixed": the kansli sees all of them, anyone else those of the insatser they may see (the
 * matrix's lasa-avvikelser: a filter, never a refusal).
 */
import type { Anomaly } from '../../domain/anomalies/anomaly.ts';
import { detectAnomalies } from '../../domain/anomalies/detect-anomalies.ts';
import { allowsEverywhere, isAllowed } from '../../domain/authorization/may.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { readRegisterSnapshot } from './read-register-snapshot.ts';
import type { RegisterDeps } from './register-deps.ts';

export async function listAnomalies(deps: RegisterDeps, actor: Actor | null): Promise<Anomaly[]> {
  const snapshot = await readRegisterSnapshot(deps);
  const anomalies = detectAnomalies(snapshot);
  if (actor === null || allowsEverywhere(actor, 'lasa-avvikelser')) {
    return anomalies;
  }
  const visible = new Set(
    snapshot.interventions
      .filter((intervention) => isAllowed(actor, 'lasa-avvikelser', { intervention }))
      .map((intervention) => intervention.id),
  );
  return anomalies.filter((anomaly) => anomaly.interventionId !== null && visible.has(anomaly.interventionId));
}

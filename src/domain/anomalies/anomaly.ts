/**
 * An anomaly: something in the register that breaks a rule of the lifecycle, typically after an
 * edit in SharePoint. Insatsnavet reports it and never "fixes" it: the kansli decides.
 */
export const ANOMALY_CODES = [
  'AVTAL_SAKNAS',
  'PERIOD_OMVAND',
  'PROJEKTLEDARE_UTAN_ROLL',
  'BESLUT_SAKNAS',
  'DIARIENUMMER_SAKNAS',
  'FOR_FA_MEDLEMMAR',
  'SLUTRAPPORT_SAKNAS',
  'BUDGET_AVVIKER',
  'OLASBAR_RAD',
] as const;
export type AnomalyCode = (typeof ANOMALY_CODES)[number];

export const ANOMALY_SEVERITIES = ['fel', 'varning'] as const;
export type AnomalySeverity = (typeof ANOMALY_SEVERITIES)[number];

export type Anomaly = {
  readonly code: AnomalyCode;
  /** null for a row that could not be read as an insats at all */
  readonly interventionId: string | null;
  readonly interventionCode: string | null;
  /** a short Swedish name of the rule that is broken */
  readonly title: string;
  /** what is wrong with this insats, in Swedish */
  readonly message: string;
  readonly severity: AnomalySeverity;
};

/** a row a repository skipped because it did not parse (onInvalidRow) */
export type UnreadableRow = {
  readonly listKey: string;
  readonly itemId: string;
  readonly issues: readonly { readonly field: string; readonly message: string }[];
};

/**
 * "Händelselogg": what has happened to the insats, newest first (as the server sends it), in
 * Swedish local time with who did it. The latest ten are shown; "Visa alla" opens the rest.
 */
import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useStrings } from '../../i18n/language.tsx';
import { formatDateTime } from '../../ui/format.ts';
import type { AuditRow } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { usePageStyles } from './page-styles.ts';

const SHOWN = 10;

/** the sweep and the scheduler write as 'system' (SWEEP_ACTOR) */
const SYSTEM_ACTORS = new Set(['system']);

/** a stable key per row: the rows have no id, and two may share a second and an action */
function keyed(rows: readonly AuditRow[]): Array<{ readonly key: string; readonly row: AuditRow }> {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const base = `${row.at}|${row.action}|${row.entityList}|${row.entityId}|${row.actorAadId}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: `${base}|${count}`, row };
  });
}

export const AuditSection = ({ audit }: { readonly audit: readonly AuditRow[] }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const [all, setAll] = useState(false);
  // newest first whatever order arrives: the ISO instants sort as text
  const rows = keyed([...audit].sort((a, b) => b.at.localeCompare(a.at)));
  const shown = all ? rows : rows.slice(0, SHOWN);
  const who = (row: AuditRow): string =>
    row.actorName ?? (SYSTEM_ACTORS.has(row.actorAadId.toLowerCase()) ? strings.system : strings.unknownPerson);
  return (
    <section className={styles.section} aria-labelledby="handelselogg">
      <h2 className={styles.sectionTitle} id="handelselogg">
        {strings.auditTitle}
      </h2>
      {rows.length === 0 ? (
        <Text as="p">{strings.auditEmpty}</Text>
      ) : (
        <>
          <ol className={styles.list} id="handelselogg-rader">
            {shown.map(({ key, row }) => (
              <li key={key} className={styles.item}>
                <span className={styles.muted}>
                  <time dateTime={row.at}>{formatDateTime(row.at)}</time> · {who(row)}
                </span>
                <span>{row.summary}</span>
              </li>
            ))}
          </ol>
          {rows.length > SHOWN && (
            <div className={styles.actions}>
              <Button aria-expanded={all} aria-controls="handelselogg-rader" onClick={() => setAll((value) => !value)}>
                {all ? strings.showFewer : strings.showAll(rows.length)}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
};

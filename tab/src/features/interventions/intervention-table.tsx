/**
 * The insatser as a table on a wide window and as one card per insats on a narrow one (the other
 * is hidden with CSS, so exactly one is read). The money columns appear only when the reader's
 * answer carries them (the kansli's register).
 */
import { Badge, Link, mergeClasses } from '@fluentui/react-components';
import { useStrings } from '../../i18n/language.tsx';
import { hrefTo } from '../../shell/router.tsx';
import { formatKr } from '../../ui/format.ts';
import type { ListRow } from './intervention-rows.ts';
import { type InterventionsStrings, interventionsStrings } from './interventions-strings.ts';
import { useListStyles } from './list-styles.ts';
import { ScrollRegion } from './scroll-region.tsx';
import { StageBadge } from './stage-badge.tsx';

export function periodText(
  strings: Pick<InterventionsStrings, 'from' | 'until' | 'none'>,
  row: Pick<ListRow, 'startDate' | 'endDate'>,
): string {
  if (row.startDate !== null && row.endDate !== null) {
    return `${row.startDate} – ${row.endDate}`;
  }
  if (row.startDate !== null) {
    return strings.from(row.startDate);
  }
  return row.endDate === null ? strings.none : strings.until(row.endDate);
}

const AnomalyBadge = ({ count }: { readonly count: number }) => {
  const strings = useStrings(interventionsStrings);
  return count === 0 ? null : (
    <>
      {' '}
      <Badge appearance="tint" color="warning" size="small">
        {strings.anomalies(count)}
      </Badge>
    </>
  );
};

export const InterventionTable = ({
  rows,
  withMoney,
}: {
  readonly rows: readonly ListRow[];
  readonly withMoney: boolean;
}) => {
  const styles = useListStyles();
  const strings = useStrings(interventionsStrings);
  const kr = (amount: number | null | undefined) =>
    amount === null || amount === undefined ? strings.none : formatKr(amount);
  return (
    <>
      <ScrollRegion className={styles.tableWrap} label={strings.tableRegion}>
        <table className={styles.table}>
          <caption className={styles.caption}>{strings.tableCaption}</caption>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {strings.code}
              </th>
              <th className={styles.th} scope="col">
                {strings.name}
              </th>
              <th className={styles.th} scope="col">
                {strings.stage}
              </th>
              <th className={styles.th} scope="col">
                {strings.owner}
              </th>
              <th className={styles.th} scope="col">
                {strings.period}
              </th>
              <th className={mergeClasses(styles.th, styles.num)} scope="col">
                {strings.granted}
              </th>
              {withMoney && (
                <>
                  <th className={mergeClasses(styles.th, styles.num)} scope="col">
                    {strings.invoiced}
                  </th>
                  <th className={styles.th} scope="col">
                    {strings.nextDue}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className={mergeClasses(styles.td, styles.nowrap)}>{row.code}</td>
                <th className={mergeClasses(styles.td, styles.rowHead)} scope="row">
                  <Link href={hrefTo(`/insatser/${row.id}`)}>{row.title}</Link>
                  <AnomalyBadge count={row.anomalies} />
                </th>
                <td className={styles.td}>
                  <StageBadge stage={row.stage} />
                </td>
                <td className={styles.td}>{row.ownerName ?? strings.none}</td>
                <td className={mergeClasses(styles.td, styles.nowrap)}>{periodText(strings, row)}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{kr(row.grantedAmount)}</td>
                {withMoney && (
                  <>
                    <td className={mergeClasses(styles.td, styles.num)}>{kr(row.invoicedSoFar)}</td>
                    <td className={mergeClasses(styles.td, styles.nowrap)}>
                      {row.nextDeadline?.dueDate ?? strings.none}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ul className={styles.cards}>
        {rows.map((row) => (
          <li key={row.id} className={styles.card}>
            <h2 className={styles.cardTitle}>
              <Link href={hrefTo(`/insatser/${row.id}`)}>{row.title}</Link>
            </h2>
            <span>
              <StageBadge stage={row.stage} size="small" /> <span className={styles.muted}>{row.code}</span>
              <AnomalyBadge count={row.anomalies} />
            </span>
            <dl className={styles.cardFacts}>
              <dt>{strings.owner}</dt>
              <dd>{row.ownerName ?? strings.none}</dd>
              <dt>{strings.period}</dt>
              <dd>{periodText(strings, row)}</dd>
              <dt>{strings.granted}</dt>
              <dd>{kr(row.grantedAmount)}</dd>
              {withMoney && (
                <>
                  <dt>{strings.invoiced}</dt>
                  <dd>{kr(row.invoicedSoFar)}</dd>
                  <dt>{strings.nextDue}</dt>
                  <dd>{row.nextDeadline?.dueDate ?? strings.none}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
};

/**
 * Översikt: the portfolio at a glance for the signed-in person — what waits for them, the
 * insatser per stage, money granted against invoiced per year (chart and table), the coming
 * invoice deadlines, and for the kansli the register's anomalies. The server scopes every figure
 * to what the person may see: a projektledare's overview is of their own insatser.
 */
import {
  Badge,
  Link,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Spinner,
  Text,
  Title1,
} from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { z } from 'zod';
import { anomaliesResponseSchema, overviewResponseSchema } from '../../api/contracts.ts';
import { isProjectSide } from '../../api/me.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { formatKr } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { overviewStrings } from './overview-strings.ts';
import { useOverviewStyles } from './overview-styles.ts';
import { StagesSection } from './stages-section.tsx';
import { WaitingSection } from './waiting-section.tsx';

const GrantedInvoicedChart = lazy(() =>
  import('./granted-invoiced-chart.tsx').then((module) => ({ default: module.GrantedInvoicedChart })),
);

type Overview = z.infer<typeof overviewResponseSchema>;

const MoneySection = ({ overview }: { readonly overview: Overview }) => {
  const styles = useOverviewStyles();
  const strings = useStrings(overviewStrings);
  const share = (granted: number, invoiced: number) =>
    granted === 0 ? '–' : `${Math.round((invoiced / granted) * 100).toLocaleString('sv-SE')} %`;
  return (
    <section className={mergeClasses(styles.section, styles.wide)} aria-labelledby="pengar">
      <h2 className={styles.sectionTitle} id="pengar">
        {strings.moneyTitle}
      </h2>
      <Text className={styles.muted} as="p" block>
        {strings.moneyLead}
      </Text>
      {overview.years.length === 0 ? (
        <Text as="p">{strings.noMoney}</Text>
      ) : (
        <>
          <div className={styles.chart}>
            <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
              <GrantedInvoicedChart
                years={overview.years}
                labels={{ title: strings.chartTitle, granted: strings.granted, invoiced: strings.invoiced }}
              />
            </Suspense>
          </div>
          {/* scrolls sideways on a phone: focusable so a keyboard can scroll it too */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1) */}
          <section className={styles.tableWrap} aria-label={strings.chartTitle} tabIndex={0}>
            <table className={styles.table}>
              <caption className={styles.muted}>{strings.chartTitle}</caption>
              <thead>
                <tr>
                  <th className={styles.th} scope="col">
                    {strings.year}
                  </th>
                  <th className={mergeClasses(styles.th, styles.num)} scope="col">
                    {strings.granted}
                  </th>
                  <th className={mergeClasses(styles.th, styles.num)} scope="col">
                    {strings.invoiced}
                  </th>
                  <th className={mergeClasses(styles.th, styles.num)} scope="col">
                    {strings.share}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.years.map((figures) => (
                  <tr key={figures.year}>
                    <th className={styles.td} scope="row">
                      {figures.year}
                    </th>
                    <td className={mergeClasses(styles.td, styles.num)}>{formatKr(figures.granted)}</td>
                    <td className={mergeClasses(styles.td, styles.num)}>{formatKr(figures.invoiced)}</td>
                    <td className={mergeClasses(styles.td, styles.num)}>{share(figures.granted, figures.invoiced)}</td>
                  </tr>
                ))}
                <tr>
                  <th className={styles.td} scope="row">
                    {strings.total}
                  </th>
                  <td className={mergeClasses(styles.td, styles.num)}>{formatKr(overview.totals.granted)}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{formatKr(overview.totals.invoiced)}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>
                    {share(overview.totals.granted, overview.totals.invoiced)}
                  </td>
                </tr>
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
};

const DeadlinesSection = ({ overview }: { readonly overview: Overview }) => {
  const styles = useOverviewStyles();
  const strings = useStrings(overviewStrings);
  const term = useTerm();
  return (
    <section className={styles.section} aria-labelledby="frister">
      <h2 className={styles.sectionTitle} id="frister">
        {strings.deadlinesTitle}
      </h2>
      {overview.deadlines.length === 0 ? (
        <Text as="p">{strings.noDeadlines}</Text>
      ) : (
        <ul className={styles.list}>
          {overview.deadlines.map((deadline) => (
            <li key={deadline.periodKey} className={styles.item}>
              <span>
                <Link href={hrefTo(`/insatser/${deadline.interventionId}`)}>{deadline.code}</Link>{' '}
                <span className={styles.muted}>{deadline.periodKey}</span>
              </span>
              <span className={styles.muted}>
                {strings.due} <span className={styles.nowrap}>{deadline.dueDate}</span> · {term(deadline.status)}{' '}
                {deadline.dueDate < overview.today && (
                  <Badge color="danger" appearance="filled" size="small">
                    {strings.overdue}
                  </Badge>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const AnomaliesSection = () => {
  const styles = useOverviewStyles();
  const strings = useStrings(overviewStrings);
  const anomalies = useResource('/api/avvikelser', anomaliesResponseSchema);
  return (
    <section className={styles.section} aria-labelledby="avvikelser">
      <h2 className={styles.sectionTitle} id="avvikelser">
        {strings.anomaliesTitle}
      </h2>
      {anomalies.loading && <Spinner size="small" label={strings.loading} />}
      {anomalies.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{anomalies.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {anomalies.data?.avvikelser.length === 0 && <Text as="p">{strings.noAnomalies}</Text>}
      <ul className={styles.list}>
        {anomalies.data?.avvikelser.map((anomaly) => (
          <li key={`${anomaly.code}-${anomaly.interventionId ?? ''}-${anomaly.message}`} className={styles.item}>
            <span>
              <Badge color={anomaly.severity === 'fel' ? 'danger' : 'warning'} appearance="tint" size="small">
                {strings.severity[anomaly.severity] ?? anomaly.severity}
              </Badge>{' '}
              {anomaly.interventionId === null ? (
                anomaly.title
              ) : (
                <Link href={hrefTo(`/insatser/${anomaly.interventionId}`)}>
                  {anomaly.interventionCode ?? anomaly.title}
                </Link>
              )}
            </span>
            <span className={styles.muted}>{anomaly.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
};

export const OverviewView = () => {
  const styles = useOverviewStyles();
  const strings = useStrings(overviewStrings);
  const { me } = useSession();
  const overview = useResource('/api/oversikt', overviewResponseSchema);
  const ownOnly = !me.isKansli && !me.isBoard && isProjectSide(me);
  return (
    <>
      <Title1 as="h1">{strings.title}</Title1>
      {overview.data !== undefined && (
        <Text className={styles.lead} as="p" block>
          {ownOnly ? strings.leadOwn(overview.data.today) : strings.lead(overview.data.today)}
        </Text>
      )}
      {overview.loading && overview.data === undefined && <Spinner label={strings.loading} />}
      {overview.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{overview.error.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <WaitingSection />
        {overview.data !== undefined && (
          <>
            <StagesSection stages={overview.data.stages} />
            <DeadlinesSection overview={overview.data} />
            {me.isKansli && <AnomaliesSection />}
            <MoneySection overview={overview.data} />
          </>
        )}
      </div>
    </>
  );
};

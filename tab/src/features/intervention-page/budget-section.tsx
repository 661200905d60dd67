/**
 * "Budget och rekvisitioner": the budget as post × year with totals and what has been invoiced per
 * year, a chart of the two (lazy: its own chunk), and the requisitions per quarter with their
 * status — each a link to the requisition for those who handle it.
 */
import { Badge, type BadgeProps, Link, mergeClasses, Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { RequisitionStatus } from '../../../../src/domain/vocabulary.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { formatKr } from '../../ui/format.ts';
import { ScrollRegion } from '../interventions/scroll-region.tsx';
import type { InsatsDetail } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { budgetGridOf } from './money.ts';
import { usePageStyles } from './page-styles.ts';

const BudgetChart = lazy(() => import('./budget-chart.tsx').then((module) => ({ default: module.BudgetChart })));

const STATUS_COLOURS: Readonly<Record<RequisitionStatus, NonNullable<BadgeProps['color']>>> = {
  Förväntad: 'informative',
  Inkommen: 'warning',
  Granskad: 'brand',
  Attesterad: 'brand',
  Betald: 'success',
  Avvisad: 'danger',
};

const BudgetTable = ({ detail }: { readonly detail: InsatsDetail }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const term = useTerm();
  const grid = budgetGridOf(detail);
  if (grid.years.length === 0) {
    return <Text as="p">{strings.budgetEmpty}</Text>;
  }
  return (
    <>
      <ScrollRegion className={styles.tableWrap} label={strings.budgetRegion}>
        <table className={styles.table}>
          <caption className={styles.caption}>{strings.budgetCaption}</caption>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {strings.post}
              </th>
              {grid.years.map((year) => (
                <th key={year} className={mergeClasses(styles.th, styles.num)} scope="col">
                  {year}
                </th>
              ))}
              <th className={mergeClasses(styles.th, styles.num)} scope="col">
                {strings.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {grid.posts.map((row) => (
              <tr key={row.post}>
                <th className={mergeClasses(styles.td, styles.rowHead)} scope="row">
                  {term(row.post)}
                </th>
                {row.perYear.map((amount, index) => (
                  <td key={grid.years[index]} className={mergeClasses(styles.td, styles.num)}>
                    {formatKr(amount)}
                  </td>
                ))}
                <td className={mergeClasses(styles.td, styles.num)}>{formatKr(row.total)}</td>
              </tr>
            ))}
            <tr className={styles.totalRow}>
              <th className={styles.td} scope="row">
                {strings.total}
              </th>
              {grid.budgetPerYear.map((amount, index) => (
                <td key={grid.years[index]} className={mergeClasses(styles.td, styles.num)}>
                  {formatKr(amount)}
                </td>
              ))}
              <td className={mergeClasses(styles.td, styles.num)}>{formatKr(grid.budgetTotal)}</td>
            </tr>
            <tr>
              <th className={mergeClasses(styles.td, styles.rowHead)} scope="row">
                {strings.chartInvoiced}
              </th>
              {grid.invoicedPerYear.map((amount, index) => (
                <td key={grid.years[index]} className={mergeClasses(styles.td, styles.num)}>
                  {formatKr(amount)}
                </td>
              ))}
              <td className={mergeClasses(styles.td, styles.num)}>{formatKr(grid.invoicedTotal)}</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <div className={styles.chart}>
        <Suspense fallback={<Spinner size="small" label={strings.chartLoading} />}>
          <BudgetChart
            years={grid.years}
            budget={grid.budgetPerYear}
            invoiced={grid.invoicedPerYear}
            labels={{ title: strings.chartTitle, budget: strings.chartBudget, invoiced: strings.chartInvoiced }}
          />
        </Suspense>
      </div>
      <Text as="p" className={styles.muted}>
        {strings.chartNote}
      </Text>
    </>
  );
};

const RequisitionTable = ({ detail, linked }: { readonly detail: InsatsDetail; readonly linked: boolean }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const term = useTerm();
  if (detail.requisitions.length === 0) {
    return <Text as="p">{strings.requisitionsEmpty}</Text>;
  }
  return (
    <ScrollRegion className={styles.tableWrap} label={strings.requisitionsRegion}>
      <table className={styles.table}>
        <caption className={styles.caption}>{strings.requisitionsCaption}</caption>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              {strings.quarter}
            </th>
            <th className={styles.th} scope="col">
              {strings.dueDate}
            </th>
            <th className={styles.th} scope="col">
              {strings.status}
            </th>
            <th className={mergeClasses(styles.th, styles.num)} scope="col">
              {strings.amount}
            </th>
            <th className={styles.th} scope="col">
              {strings.invoiceNumber}
            </th>
          </tr>
        </thead>
        <tbody>
          {detail.requisitions.map((row) => (
            <tr key={row.periodKey}>
              <th className={mergeClasses(styles.td, styles.rowHead, styles.nowrap)} scope="row">
                {linked ? (
                  <Link href={hrefTo(`/rekvisitioner/${encodeURIComponent(row.periodKey)}`)}>{row.periodKey}</Link>
                ) : (
                  row.periodKey
                )}
              </th>
              <td className={mergeClasses(styles.td, styles.nowrap)}>{row.dueDate}</td>
              <td className={styles.td}>
                <span className={styles.inline}>
                  <Badge appearance="tint" color={STATUS_COLOURS[row.status]}>
                    {term(row.status)}
                  </Badge>
                  {row.overBudget === true && (
                    <Badge appearance="tint" color="danger">
                      {strings.overBudget}
                    </Badge>
                  )}
                </span>
              </td>
              <td className={mergeClasses(styles.td, styles.num)}>
                {row.amount === null ? strings.none : formatKr(row.amount)}
              </td>
              <td className={mergeClasses(styles.td, styles.nowrap)}>{row.invoiceNumber ?? strings.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
};

type Props = {
  readonly detail: InsatsDetail;
  /** whether the person handles this insats's requisitions (the links lead somewhere for them) */
  readonly linkRequisitions: boolean;
};

export const BudgetSection = ({ detail, linkRequisitions }: Props) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  return (
    <section className={styles.section} aria-labelledby="budget">
      <h2 className={styles.sectionTitle} id="budget">
        {strings.moneyTitle}
      </h2>
      <h3 className={styles.subTitle}>{strings.budgetTitle}</h3>
      <BudgetTable detail={detail} />
      <h3 className={styles.subTitle}>{strings.requisitionsTitle}</h3>
      <RequisitionTable detail={detail} linked={linkRequisitions} />
    </section>
  );
};

/**
 * The insats's budget for the requisition's year, per post: beviljat / fakturerat / kvar, and this
 * invoice's amount per post once it has one. Scrolls inside its own region on a phone.
 */
import { mergeClasses, Text } from '@fluentui/react-components';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { formatKr } from '../../ui/format.ts';
import { useInboxStyles } from '../approvals/inbox-styles.ts';
import { formatKronorExact, type RequisitionView } from './requisition-text.ts';
import { requisitionsStrings } from './requisitions-strings.ts';

export const BudgetTable = ({ view }: { readonly view: RequisitionView }) => {
  const styles = useInboxStyles();
  const strings = useStrings(requisitionsStrings);
  const term = useTerm();
  const specification = view.specification;
  const title = strings.budgetTitle(view.year);
  return (
    <section className={styles.section} aria-labelledby="budget">
      <h2 className={styles.sectionTitle} id="budget">
        {title}
      </h2>
      <Text as="p" className={styles.muted} block>
        {strings.budgetNote}
      </Text>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1) */}
      <section className={styles.tableWrap} aria-label={title} tabIndex={0}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {strings.post}
              </th>
              <th className={mergeClasses(styles.th, styles.num)} scope="col">
                {strings.granted}
              </th>
              <th className={mergeClasses(styles.th, styles.num)} scope="col">
                {strings.invoiced}
              </th>
              <th className={mergeClasses(styles.th, styles.num)} scope="col">
                {strings.remaining}
              </th>
              {specification !== null && (
                <th className={mergeClasses(styles.th, styles.num)} scope="col">
                  {strings.thisInvoice}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {view.budget.map((position) => (
              <tr key={position.category}>
                <th className={mergeClasses(styles.td, styles.rowHeader)} scope="row">
                  {term(position.category)}
                </th>
                <td className={mergeClasses(styles.td, styles.num)}>{formatKr(position.granted)}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{formatKr(position.invoiced)}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{formatKr(position.remaining)}</td>
                {specification !== null && (
                  <td className={mergeClasses(styles.td, styles.num)}>
                    {formatKronorExact(specification[position.category] ?? 0)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
};

/**
 * Budget per år: the period's years × the budget posts, amounts typed the Swedish way
 * (`250 000`, `12 500,50`), with totals per post, per year and in all, in `1 065 500 kr`. Where
 * there is room it is a table (years as columns); where there is not (a phone, a narrow Teams
 * pane) one card per year, so nobody has to scroll sideways through a grid of inputs. The inputs
 * are named "Personal 2027" in both, and keep their ids, so errors and links find them either way.
 */
import { Field, Input, MessageBar, MessageBarBody, mergeClasses, Text } from '@fluentui/react-components';
import { Fragment, type RefObject, useEffect, useRef, useState } from 'react';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../../../../src/domain/vocabulary.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { formatKr } from '../../ui/format.ts';
import { amountText, budgetKey, gridYears, readAmount, yearsOutsidePeriod } from './application-model.ts';
import { fieldId } from './application-reasons.ts';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';
import { type FormPartProps, validation } from './form-props.ts';

/** below this width (px) of the section the table would not fit its inputs: cards instead */
const CARDS_BELOW = 36 * 16;

function useNarrow(): [RefObject<HTMLDivElement | null>, boolean] {
  const ref = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (element === null) {
      return;
    }
    const measure = () => setNarrow(element.clientWidth < CARDS_BELOW);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, narrow];
}

type Cell = {
  readonly year: number;
  readonly category: BudgetCategory;
  readonly label?: string;
};

export const BudgetGrid = ({ form, errors, change }: FormPartProps) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const term = useTerm();
  const [ref, narrow] = useNarrow();
  const years = gridYears(form);
  const outside = yearsOutsidePeriod(form);
  const amount = (year: number, category: BudgetCategory) =>
    readAmount(form.budget[budgetKey(year, category)] ?? '').amount ?? 0;
  const rowTotal = (category: BudgetCategory) => years.reduce((sum, year) => sum + amount(year, category), 0);
  const yearTotal = (year: number) => BUDGET_CATEGORIES.reduce((sum, category) => sum + amount(year, category), 0);
  const total = years.reduce((sum, year) => sum + yearTotal(year), 0);

  const setCell = (year: number, category: BudgetCategory, text: string) => {
    const key = budgetKey(year, category);
    change({ budget: { ...form.budget, [key]: text } }, `budget.${key}`);
  };
  // a readable amount is shown grouped once the person leaves the cell: "250000" → "250 000"
  const tidyCell = (year: number, category: BudgetCategory) => {
    const text = form.budget[budgetKey(year, category)] ?? '';
    const { amount: value, problem } = readAmount(text);
    if (problem === null && value !== null && amountText(value) !== text) {
      setCell(year, category, amountText(value));
    }
  };

  // a function, not a component: a component made here would be a new type each render and lose focus
  const amountInput = ({ year, category, label }: Cell) => {
    const path = `budget.${budgetKey(year, category)}`;
    return (
      <Field className={styles.amountField} label={label} {...validation(errors, path)}>
        <Input
          id={fieldId(path)}
          className={styles.amountInput}
          inputMode="decimal"
          autoComplete="off"
          // the visible label is the post (cards) or the row and column headers (table)
          aria-label={strings.budgetCell(term(category), year)}
          value={form.budget[budgetKey(year, category)] ?? ''}
          contentAfter={<span aria-hidden="true">kr</span>}
          onChange={(_event, data) => setCell(year, category, data.value)}
          onBlur={() => tidyCell(year, category)}
        />
      </Field>
    );
  };

  const table = (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>{strings.budgetTableCaption}</caption>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              {strings.budgetPost}
            </th>
            {years.map((year) => (
              <th key={year} className={mergeClasses(styles.th, styles.num)} scope="col">
                {year}
              </th>
            ))}
            <th className={mergeClasses(styles.th, styles.num)} scope="col">
              {strings.budgetRowTotal}
            </th>
          </tr>
        </thead>
        <tbody>
          {BUDGET_CATEGORIES.map((category) => (
            <tr key={category}>
              <th className={styles.td} scope="row">
                {term(category)}
              </th>
              {years.map((year) => (
                <td key={year} className={styles.td}>
                  {amountInput({ year, category })}
                </td>
              ))}
              <td className={mergeClasses(styles.td, styles.num)}>{formatKr(rowTotal(category))}</td>
            </tr>
          ))}
          <tr>
            <th className={mergeClasses(styles.td, styles.total)} scope="row">
              {strings.budgetYearTotal}
            </th>
            {years.map((year) => (
              <td key={year} className={mergeClasses(styles.td, styles.num, styles.total)}>
                {formatKr(yearTotal(year))}
              </td>
            ))}
            <td className={mergeClasses(styles.td, styles.num, styles.total)}>{formatKr(total)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );

  const cards = (
    <>
      {years.map((year) => (
        <fieldset key={year} className={styles.goal}>
          <legend className={styles.legend}>{year}</legend>
          {BUDGET_CATEGORIES.map((category) => (
            <div key={category}>{amountInput({ year, category, label: term(category) })}</div>
          ))}
          <Text weight="semibold">
            {strings.budgetYearTotal} {year}: {formatKr(yearTotal(year))}
          </Text>
        </fieldset>
      ))}
      <h3 className={styles.subTitle}>{strings.budgetPostTotals}</h3>
      <dl className={styles.facts}>
        {BUDGET_CATEGORIES.map((category) => (
          <Fragment key={category}>
            <dt>{term(category)}</dt>
            <dd className={mergeClasses(styles.factValue, styles.num)}>{formatKr(rowTotal(category))}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );

  return (
    <div ref={ref} className={styles.layout}>
      {years.length === 0 ? (
        <Text as="p">{strings.budgetNeedsPeriod}</Text>
      ) : (
        <>
          <Text as="p" className={styles.muted}>
            {strings.budgetLead}
          </Text>
          {outside.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{strings.budgetOutsidePeriod(outside.join(', '))}</MessageBarBody>
            </MessageBar>
          )}
          {narrow ? cards : table}
          <Text as="p" weight="semibold" aria-live="polite">
            {strings.budgetTotal(formatKr(total))}
          </Text>
        </>
      )}
    </div>
  );
};

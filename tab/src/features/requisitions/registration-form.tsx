/**
 * Registering a quarter's invoice (shown when the server allows `registrera`): fakturanummer, the
 * day it came in, the amount per budget post and the total. Amounts are sent as typed
 * (`12 500,50`, `12500`, `12 500 kr`): the server reads them the Swedish way and answers per field
 * what is wrong (a total that is not the sum of the posts, a post that is not an amount …); each
 * message goes under its field and what was typed stays. The running sum of the posts is shown
 * as a help, never as a block: the server's check is the one that counts.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../../../../src/domain/vocabulary.ts';
import type { ApiError } from '../../api/api-error.ts';
import { requisitionViewSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { useSession } from '../../shell/session.tsx';
import { formatKr, parseKr } from '../../ui/format.ts';
import { useInboxStyles } from '../approvals/inbox-styles.ts';
import { nameWithCode } from '../approvals/inbox-text.ts';
import { toApiError } from '../approvals/issues.ts';
import { formatKronorExact, type RequisitionView } from './requisition-text.ts';
import { requisitionsStrings } from './requisitions-strings.ts';

/** the names the server gives the form's fields in `details.fields` */
const FIELDS = { invoiceNumber: 'fakturanummer', receivedDate: 'inkom', total: 'total' } as const;

const editable = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** the posts to ask for: the insats's budget posts, any already on the invoice, else all of them */
function postsOf(view: RequisitionView): BudgetCategory[] {
  const posts = new Set<BudgetCategory>(view.budget.map((position) => position.category));
  for (const category of Object.keys(view.specification ?? {})) {
    const known = BUDGET_CATEGORIES.find((candidate) => candidate === category);
    if (known !== undefined) {
      posts.add(known);
    }
  }
  return posts.size === 0 ? [...BUDGET_CATEGORIES] : BUDGET_CATEGORIES.filter((category) => posts.has(category));
}

/** a corrected invoice starts from the one that was sent back */
function initialAmounts(view: RequisitionView): Record<string, string> {
  return Object.fromEntries(
    Object.entries(view.specification ?? {}).map(([category, amount]) => [
      category,
      amount === undefined ? '' : editable.format(amount),
    ]),
  );
}

export const RegistrationForm = ({
  view,
  onRegistered,
  onStale,
}: {
  readonly view: RequisitionView;
  readonly onRegistered: (view: RequisitionView) => void;
  /** the row changed since it was read (412): the page reads it again, the typed values stay */
  readonly onStale: () => void;
}) => {
  const styles = useInboxStyles();
  const strings = useStrings(requisitionsStrings);
  const term = useTerm();
  const { api, refreshWaiting } = useSession();
  const posts = postsOf(view);
  const [invoiceNumber, setInvoiceNumber] = useState(view.invoiceNumber ?? '');
  const [receivedDate, setReceivedDate] = useState(view.receivedDate ?? '');
  const [amounts, setAmounts] = useState<Record<string, string>>(() => initialAmounts(view));
  const [total, setTotal] = useState(view.amount === null ? '' : editable.format(view.amount));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const fields = error?.fieldErrors ?? {};
  // everything else (the specification as a whole, the version) is listed above the form
  const shownByField = new Set<string>([...Object.values(FIELDS), ...posts]);
  const otherErrors = Object.entries(fields)
    .filter(([field]) => !shownByField.has(field))
    .map(([, message]) => message);

  const typed = posts.map((post) => (amounts[post] ?? '').trim()).filter((text) => text !== '');
  const readings = typed.map((text) => parseKr(text));
  const sum = readings.every((amount) => amount !== null)
    ? readings.reduce<number>((ore, amount) => ore + Math.round((amount ?? 0) * 100), 0) / 100
    : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const specification = Object.fromEntries(
      posts.map((post) => [post, (amounts[post] ?? '').trim()]).filter(([, text]) => text !== ''),
    );
    try {
      const answer = await api.send(
        'POST',
        `/api/rekvisitioner/${encodeURIComponent(view.periodKey)}/registrera`,
        { invoiceNumber, receivedDate, amount: total, specification, etag: view.etag },
        requisitionViewSchema,
      );
      onRegistered(answer);
      refreshWaiting();
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(apiError);
      if (apiError.status === 412) {
        onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldState = (field: string) =>
    fields[field] === undefined ? {} : { validationMessage: fields[field], validationState: 'error' as const };

  return (
    <section className={styles.section} aria-labelledby="registrera">
      <h2 className={styles.sectionTitle} id="registrera">
        {strings.registerTitle}
      </h2>
      <h3 className={styles.subTitle}>{strings.mustContainTitle}</h3>
      <ul>
        <li>{strings.mustContainName(nameWithCode(view.code, view.title))}</li>
        <li>{strings.mustContainPeriod(view.periodText)}</li>
        <li>{strings.mustContainSpecification}</li>
      </ul>
      <Text as="p" className={styles.muted} block>
        {strings.registerLead}
      </Text>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        {error !== undefined && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.registerFailed}</MessageBarTitle>
              {Object.keys(fields).length === 0 ? error.message : strings.fixMarked}
              {otherErrors.length > 0 && (
                <ul>
                  {otherErrors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.twoColumns}>
          <Field label={strings.invoiceNumberLabel} required {...fieldState(FIELDS.invoiceNumber)}>
            <Input
              value={invoiceNumber}
              onChange={(_event, data) => setInvoiceNumber(data.value)}
              maxLength={50}
              autoComplete="off"
            />
          </Field>
          <Field label={strings.receivedLabel} hint={strings.receivedHint} {...fieldState(FIELDS.receivedDate)}>
            <Input type="date" value={receivedDate} onChange={(_event, data) => setReceivedDate(data.value)} />
          </Field>
        </div>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{strings.postsLegend}</legend>
          <div className={styles.twoColumns}>
            {posts.map((post) => {
              const remaining = view.budget.find((position) => position.category === post)?.remaining;
              return (
                <Field
                  key={post}
                  label={remaining === undefined ? term(post) : strings.postLabel(term(post), formatKr(remaining))}
                  {...fieldState(post)}
                >
                  <Input
                    value={amounts[post] ?? ''}
                    onChange={(_event, data) => setAmounts((previous) => ({ ...previous, [post]: data.value }))}
                    inputMode="decimal"
                    contentAfter={<span className={styles.nowrap}>kr</span>}
                    autoComplete="off"
                  />
                </Field>
              );
            })}
          </div>
        </fieldset>
        <Field
          label={strings.totalLabel}
          required
          hint={
            typed.length === 0
              ? undefined
              : sum === null
                ? strings.sumUnreadable
                : strings.sumOfPosts(formatKronorExact(sum))
          }
          {...fieldState(FIELDS.total)}
        >
          <Input
            value={total}
            onChange={(_event, data) => setTotal(data.value)}
            inputMode="decimal"
            contentAfter={<span className={styles.nowrap}>kr</span>}
            autoComplete="off"
          />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {strings.registerButton}
          </Button>
          {busy && <Spinner size="tiny" label={strings.registering} />}
        </div>
      </form>
    </section>
  );
};

/**
 * Återkalla: whoever asked for the decision, or the förbundschef, takes an open matter back with
 * a reason. Shown to those two only; the server checks again and its refusal is shown here.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiError } from '../../api/api-error.ts';
import { approvalViewSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useSession } from '../../shell/session.tsx';
import type { ApprovalView } from './approval-text.ts';
import { approvalsStrings } from './approvals-strings.ts';
import { useInboxStyles } from './inbox-styles.ts';
import { issueAt, toApiError } from './issues.ts';

export const WithdrawForm = ({
  view,
  onWithdrawn,
}: {
  readonly view: ApprovalView;
  readonly onWithdrawn: (view: ApprovalView) => void;
}) => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  const { api, refreshWaiting } = useSession();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const reasonError = error === undefined ? undefined : issueAt(error, 'reason');

  const withdraw = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.send(
        'POST',
        `/api/beslut/${encodeURIComponent(view.approvalId)}/aterkalla`,
        { reason },
        approvalViewSchema,
      );
      onWithdrawn(answer);
      refreshWaiting();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="aterkalla">
      <h2 className={styles.sectionTitle} id="aterkalla">
        {strings.withdrawTitle}
      </h2>
      <Text as="p" className={styles.muted} block>
        {strings.withdrawLead}
      </Text>
      <div className={styles.form}>
        <Field
          label={strings.withdrawReason}
          required
          validationMessage={reasonError}
          validationState={reasonError === undefined ? 'none' : 'error'}
        >
          <Textarea
            value={reason}
            onChange={(_event, data) => setReason(data.value)}
            maxLength={1000}
            disabled={busy}
          />
        </Field>
        {error !== undefined && reasonError === undefined && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{strings.withdrawFailed}</MessageBarTitle>
              {error.message}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button disabled={busy} onClick={() => void withdraw()}>
            {strings.withdrawButton}
          </Button>
          {busy && <Spinner size="tiny" label={strings.withdrawing} />}
        </div>
      </div>
    </section>
  );
};

/**
 * The review chain's buttons for whoever the server says may act now (`viewerActions`):
 * granska and betala for the ekonom, attestera for the förbundschef, and avvisa with a reason
 * for either. Separation of duties (the one who registered or reviewed may not attest) is the
 * server's: its refusal (403/409) is shown here, by the buttons.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiError } from '../../api/api-error.ts';
import { requisitionViewSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useSession } from '../../shell/session.tsx';
import { useInboxStyles } from '../approvals/inbox-styles.ts';
import { toApiError } from '../approvals/issues.ts';
import { forwardSteps, type RequisitionView, type StepAction } from './requisition-text.ts';
import { requisitionsStrings } from './requisitions-strings.ts';

/** the server names the reason's field `skäl` */
const REASON_FIELD = 'skäl';

export const StepActions = ({
  view,
  onDone,
  onStale,
}: {
  readonly view: RequisitionView;
  readonly onDone: (view: RequisitionView, action: StepAction) => void;
  readonly onStale: () => void;
}) => {
  const styles = useInboxStyles();
  const strings = useStrings(requisitionsStrings);
  const { api, refreshWaiting } = useSession();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<StepAction | null>(null);
  const [error, setError] = useState<ApiError>();
  const forward = forwardSteps(view);
  const mayReject = view.viewerActions.includes('avvisa');
  const reasonError = error?.fieldErrors[REASON_FIELD];

  const perform = async (action: StepAction) => {
    setBusy(action);
    setError(undefined);
    try {
      const answer = await api.send(
        'POST',
        `/api/rekvisitioner/${encodeURIComponent(view.periodKey)}/status`,
        action === 'avvisa' ? { action, reason, etag: view.etag } : { action, etag: view.etag },
        requisitionViewSchema,
      );
      setReason('');
      onDone(answer, action);
      refreshWaiting();
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(apiError);
      if (apiError.status === 412) {
        onStale();
      }
    } finally {
      setBusy(null);
    }
  };

  if (forward.length === 0 && !mayReject) {
    return null;
  }
  return (
    <section className={styles.section} aria-labelledby="hantera">
      <h2 className={styles.sectionTitle} id="hantera">
        {strings.stepsTitle}
      </h2>
      <div className={styles.form}>
        {error !== undefined && reasonError === undefined && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.stepFailed}</MessageBarTitle>
              {error.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {forward.length > 0 && (
          <div className={styles.actions}>
            {forward.map((action) => (
              <Button key={action} appearance="primary" disabled={busy !== null} onClick={() => void perform(action)}>
                {strings.stepButton(action)}
              </Button>
            ))}
          </div>
        )}
        {mayReject && (
          <>
            <Field
              label={strings.reasonLabel}
              hint={strings.reasonHint}
              validationMessage={reasonError}
              validationState={reasonError === undefined ? 'none' : 'error'}
            >
              <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} maxLength={1000} />
            </Field>
            <div className={styles.actions}>
              <Button disabled={busy !== null} onClick={() => void perform('avvisa')}>
                {strings.stepButton('avvisa')}
              </Button>
            </div>
          </>
        )}
        {busy !== null && <Spinner size="tiny" label={strings.working} />}
      </div>
    </section>
  );
};

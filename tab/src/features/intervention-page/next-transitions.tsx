/**
 * What can happen next to the insats, as the server answers it for this person
 * (`nextTransitions`): a button for each move they may make, confirmed in a dialog with an
 * optional comment; for the others, the reasons why not, in words. The server decides again on
 * the POST, and its refusal (403, 409) is shown in the dialog as it is worded.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Stage } from '../../../../src/domain/vocabulary.ts';
import { ApiError } from '../../api/api-error.ts';
import { interventionResponseSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { useSession } from '../../shell/session.tsx';
import { EXIT_STAGES } from '../interventions/stage-order.ts';
import type { InsatsDetail } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { usePageStyles } from './page-styles.ts';

type Props = {
  readonly detail: InsatsDetail;
  /** after a move: load the insats again */
  readonly onMoved: () => void;
};

export const NextTransitions = ({ detail, onMoved }: Props) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const term = useTerm();
  const { api, refreshWaiting } = useSession();
  const { insats, nextTransitions } = detail;
  const [target, setTarget] = useState<Stage | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const notice = useRef<HTMLDivElement>(null);

  if (nextTransitions.length === 0 && moved === null) {
    return null;
  }
  const allowed = nextTransitions.filter((transition) => transition.allowed);
  const refused = nextTransitions.filter((transition) => !transition.allowed);

  const open = (stage: Stage) => {
    setTarget(stage);
    setComment('');
    setError(null);
  };

  const confirm = async () => {
    if (target === null) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = comment.trim() === '' ? { till: target } : { till: target, kommentar: comment.trim() };
      const answer = await api.send('POST', `/api/insatser/${insats.id}/skede`, body, interventionResponseSchema);
      setTarget(null);
      setMoved(strings.moved(answer.insats.code, term(answer.insats.stage)));
      onMoved();
      refreshWaiting();
      // the button pressed is gone with the old stage: focus the confirmation instead
      window.setTimeout(() => notice.current?.focus(), 0);
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT', 'Något gick fel i fliken. Ladda om sidan.'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <h3 className={styles.subTitle}>{strings.nextTitle}</h3>
      <div ref={notice} tabIndex={-1}>
        {moved !== null && (
          <MessageBar intent="success">
            <MessageBarBody>{moved}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {allowed.length > 0 && (
        <div className={styles.actions}>
          {allowed.map((transition) => (
            // ending the insats (withdrawn, cancelled) is not the path forward: a quieter button
            <Button
              key={transition.to}
              appearance={EXIT_STAGES.includes(transition.to) ? 'secondary' : 'primary'}
              onClick={() => open(transition.to)}
            >
              {strings.moveTo(term(transition.to))}
            </Button>
          ))}
        </div>
      )}
      {refused.length > 0 && (
        <ul className={mergeClasses(styles.bullets, styles.stackTop)}>
          {refused.map((transition) => (
            <li key={transition.to}>
              <Text weight="semibold">{strings.notNow(term(transition.to))}</Text>{' '}
              {transition.reasons.length === 1 ? (
                transition.reasons[0]
              ) : (
                <ul className={styles.bullets}>
                  {transition.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog open={target !== null} onOpenChange={(_event, data) => (data.open ? undefined : setTarget(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{target === null ? '' : strings.dialogTitle(insats.code, term(target))}</DialogTitle>
            <DialogContent className={styles.dialogContent}>
              <Text as="p">{target === null ? '' : strings.dialogBody(term(insats.stage), term(target))}</Text>
              <Field
                label={strings.comment}
                validationState={error?.fieldErrors.kommentar === undefined ? 'none' : 'error'}
                validationMessage={error?.fieldErrors.kommentar}
              >
                <Textarea
                  value={comment}
                  onChange={(_event, data) => setComment(data.value)}
                  maxLength={4000}
                  resize="vertical"
                />
              </Field>
              {error !== null && error.fieldErrors.kommentar === undefined && (
                <MessageBar intent="error">
                  {/* the server lists what is missing one per line */}
                  <MessageBarBody className={styles.lines}>{error.message}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabledFocusable={busy} onClick={confirm}>
                {busy ? <Spinner size="tiny" label={strings.moving} /> : strings.confirmMove}
              </Button>
              <Button appearance="secondary" disabledFocusable={busy} onClick={() => setTarget(null)}>
                {strings.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
};

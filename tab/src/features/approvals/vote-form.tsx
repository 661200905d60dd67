/**
 * Voting from the tab, only shown when the server says the matter waits for me
 * (`viewer.awaited`), with the buttons it allows (`viewer.allowedDecisions`) and an optional
 * comment. Avslå asks first. The server decides everything else (who may vote, personnummer in
 * the comment, a second vote): its answer and its errors are shown right here.
 *
 * A samarbetsavtal is signed, as on the card: "Jag godkänner och undertecknar avtalet för
 * <organisation>" (sent without the comment), and Avslå needs a comment — it goes to the kansli.
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
  MessageBarTitle,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { VoteDecision } from '../../../../src/domain/vocabulary.ts';
import type { ApiError } from '../../api/api-error.ts';
import { voteResultSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useSession } from '../../shell/session.tsx';
import { agreementsStrings } from '../agreements/agreements-strings.ts';
import type { ApprovalView } from './approval-text.ts';
import { approvalsStrings } from './approvals-strings.ts';
import { useInboxStyles } from './inbox-styles.ts';
import { issueAt, toApiError } from './issues.ts';

export type VoteResult = z.infer<typeof voteResultSchema>;

const APPEARANCE: Readonly<Record<VoteDecision, 'primary' | 'secondary'>> = {
  Godkänn: 'primary',
  Avslå: 'secondary',
  Avstår: 'secondary',
};

export const VoteForm = ({
  view,
  onVoted,
}: {
  readonly view: ApprovalView;
  readonly onVoted: (result: VoteResult) => void;
}) => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  const agreementWords = useStrings(agreementsStrings);
  const { api, refreshWaiting } = useSession();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<VoteDecision | null>(null);
  const [error, setError] = useState<ApiError>();
  const [confirming, setConfirming] = useState(false);
  // a samarbetsavtal: signing, and a refusal that must say why
  const signing = view.agreement ?? null;
  const [missingReason, setMissingReason] = useState(false);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const commentError = missingReason
    ? agreementWords.refuseCommentRequired
    : error === undefined
      ? undefined
      : issueAt(error, 'comment');

  const vote = async (decision: VoteDecision) => {
    setConfirming(false);
    setBusy(decision);
    setError(undefined);
    try {
      // the signature reads no comment (as on the card): the box is for a refusal's reason
      const sent = comment.trim() === '' || (signing !== null && decision === 'Godkänn') ? null : comment;
      const answer = await api.send(
        'POST',
        `/api/beslut/${encodeURIComponent(view.approvalId)}/rost`,
        { decision, comment: sent },
        voteResultSchema,
      );
      onVoted(answer);
      refreshWaiting();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const onClick = (decision: VoteDecision) => {
    setMissingReason(false);
    if (decision === 'Avslå' && signing !== null && comment.trim() === '') {
      setMissingReason(true);
      commentBox.current?.focus();
      return;
    }
    if (decision === 'Avslå') {
      setConfirming(true);
    } else {
      void vote(decision);
    }
  };

  return (
    <div className={styles.form}>
      <Field
        label={signing === null ? strings.comment : agreementWords.refuseComment}
        hint={signing === null ? strings.commentHint : agreementWords.refuseCommentHint}
        validationMessage={commentError}
        validationState={commentError === undefined ? 'none' : 'error'}
      >
        <Textarea
          ref={commentBox}
          value={comment}
          onChange={(_event, data) => {
            setComment(data.value);
            setMissingReason(false);
          }}
          maxLength={2000}
          resize="vertical"
          disabled={busy !== null}
        />
      </Field>
      {error !== undefined && commentError === undefined && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{strings.voteFailed}</MessageBarTitle>
            {error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {view.viewer.allowedDecisions.map((decision) => (
          <Button
            key={decision}
            appearance={APPEARANCE[decision]}
            disabled={busy !== null}
            onClick={() => onClick(decision)}
          >
            {signing !== null && decision === 'Godkänn'
              ? agreementWords.signButton(signing.viewerOrganisation)
              : strings.decisionButton(decision)}
          </Button>
        ))}
        {busy !== null && <Spinner size="tiny" label={strings.voting} />}
      </div>
      <Dialog open={confirming} onOpenChange={(_event, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {signing === null ? strings.confirmRejectTitle : agreementWords.confirmRefuseTitle}
            </DialogTitle>
            <DialogContent>
              {signing === null ? strings.confirmRejectBody(view.title) : agreementWords.confirmRefuseBody}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void vote('Avslå')}>
                {signing === null ? strings.confirmReject : agreementWords.confirmRefuse}
              </Button>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>
                {strings.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
};

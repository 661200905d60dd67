/**
 * "Skicka för signering" (the kansli, an insats in Avtal with no signing open): a dialog that names
 * the parties whose firmatecknare will sign, then POST /api/insatser/:id/avtal/signering. The
 * server decides and says why not (409: a party without a firmatecknare, a signing already open,
 * the wrong stage) — its message and reasons are shown in the dialog.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { Signature20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../../api/api-error.ts';
import { signingStartedSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useSession } from '../../shell/session.tsx';
import type { InsatsDetail } from '../intervention-page/detail-schema.ts';
import { useAgreementStyles } from './agreement-styles.ts';
import { agreementsStrings } from './agreements-strings.ts';
import { reasonsOf, toApiError } from './api-errors.ts';

export type SigningStarted = z.infer<typeof signingStartedSchema>;

export const StartSigning = ({
  detail,
  onStarted,
}: {
  readonly detail: InsatsDetail;
  readonly onStarted: (started: SigningStarted) => void;
}) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const { api, refreshWaiting } = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const { insats } = detail;
  // `members`: the owner first, then the partners — the agreement's parties
  const parties = detail.members.map((member) => ({ ...member, owner: member.id === insats.ownerOrgId }));

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const started = await api.send(
        'POST',
        `/api/insatser/${encodeURIComponent(insats.id)}/avtal/signering`,
        undefined,
        signingStartedSchema,
      );
      setOpen(false);
      onStarted(started);
      refreshWaiting();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const reasons = error === undefined ? [] : reasonsOf(error);
  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        if (!busy) {
          setOpen(data.open);
          setError(undefined);
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<Signature20Regular />}>
          {strings.startButton}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.startDialogTitle(insats.code)}</DialogTitle>
          <DialogContent className={styles.stack}>
            <Text as="p" block>
              {strings.startDialogBody}
            </Text>
            <Text as="p" weight="semibold" block>
              {strings.startDialogParties}
            </Text>
            <ul className={styles.bullets}>
              {parties.map((party) => (
                <li key={party.id}>{party.owner ? `${party.name} (${strings.projectOwner})` : party.name}</li>
              ))}
            </ul>
            {error !== undefined && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{strings.startFailed}</MessageBarTitle>
                  {error.message}
                  {reasons.length > 0 && (
                    <ul className={styles.bullets}>
                      {reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
            {busy && <Spinner size="tiny" label={strings.starting} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => void start()}>
              {strings.startConfirm}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary" disabled={busy}>
                {strings.cancel}
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};

/**
 * A button that opens an agreement's PDF with the caller's credentials (use-open-agreement.ts),
 * with its spinner, and the failure or the download said right under it.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { DocumentPdf16Regular } from '@fluentui/react-icons';
import { useStrings } from '../../i18n/language.tsx';
import { useAgreementStyles } from './agreement-styles.ts';
import { agreementsStrings } from './agreements-strings.ts';
import { useOpenAgreement } from './use-open-agreement.ts';

type Props = {
  readonly driveItemId: string;
  readonly name: string;
  /** the visible text; the accessible name adds the file's name when it is not in the text */
  readonly label?: string;
  readonly appearance?: 'primary' | 'secondary';
};

export const OpenAgreementButton = ({ driveItemId, name, label, appearance = 'secondary' }: Props) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const opener = useOpenAgreement();
  const busy = opener.busy === driveItemId;
  const text = label ?? strings.open;
  return (
    <div className={styles.stack}>
      <div className={styles.actions}>
        <Button
          appearance={appearance}
          icon={<DocumentPdf16Regular />}
          disabled={busy}
          aria-label={label === undefined ? strings.openLabel(name) : undefined}
          onClick={() => opener.open(driveItemId, name)}
        >
          {text}
        </Button>
        {busy && <Spinner size="tiny" label={strings.opening} />}
      </div>
      {opener.error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.openFailed}</MessageBarTitle>
            {opener.error.error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {opener.downloaded !== null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{strings.downloaded(opener.downloaded.name)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
};

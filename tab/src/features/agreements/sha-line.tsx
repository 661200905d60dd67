/**
 * An agreement's SHA-256, shortened on screen unless asked for whole (the copy button and the
 * tooltip have all of it), so the kansli can compare it with a file's in "Kontrollera avtal". The
 * clipboard may be refused inside Teams: then it says so and the text can be selected by hand.
 */
import { Button, Text } from '@fluentui/react-components';
import { Copy16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useStrings } from '../../i18n/language.tsx';
import { useAgreementStyles } from './agreement-styles.ts';
import { agreementsStrings } from './agreements-strings.ts';
import { shortHash } from './pdf-file.ts';

export const ShaLine = ({
  label,
  sha256,
  name,
  full = false,
}: {
  readonly sha256: string;
  readonly name: string;
  readonly full?: boolean;
  /** what the hash is called here; `SHA-256` when not given */
  readonly label?: string;
}) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (clipboard === undefined) {
      setCopied('failed');
      return;
    }
    clipboard.writeText(sha256).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <span className={styles.inline}>
      <span className={styles.muted}>{label ?? strings.sha256}</span>
      <code className={styles.hash} title={sha256}>
        {full ? sha256 : shortHash(sha256)}
      </code>
      <Button
        size="small"
        appearance="subtle"
        icon={<Copy16Regular />}
        aria-label={strings.copyLabel(name)}
        onClick={copy}
      >
        {strings.copy}
      </Button>
      {/* said once, politely, where the button is */}
      <Text role="status" size={200} className={styles.muted}>
        {copied === 'yes' ? strings.copied : copied === 'failed' ? strings.copyFailed : ''}
      </Text>
    </span>
  );
};

/**
 * Skicka in: what a submit still lacks (the server's list, as of the last save), each line a link
 * to its field; after a refused submit the same list as an error; and the button. The server
 * decides: the list is what it answered, not a guess made here.
 */
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { Send20Regular } from '@fluentui/react-icons';
import type { RefObject } from 'react';
import { useStrings } from '../../i18n/language.tsx';
import { focusPath, sectionId, targetOfReason } from './application-reasons.ts';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';

type SubmitProps = {
  readonly problems: readonly string[];
  /** true when the list is the answer to a refused submit */
  readonly refused: boolean;
  readonly refusalRef: RefObject<HTMLDivElement | null>;
  readonly applicantNames: readonly string[];
  readonly busy: boolean;
  readonly onSubmit: () => void;
};

const ReasonList = ({
  reasons,
  applicantNames,
}: {
  readonly reasons: readonly string[];
  readonly applicantNames: readonly string[];
}) => {
  const styles = useApplicationStyles();
  return (
    <ul className={styles.reasons}>
      {reasons.map((reason) => {
        const target = targetOfReason(reason, applicantNames);
        return (
          <li key={reason}>
            {target === null ? (
              reason
            ) : (
              <Link as="button" type="button" inline onClick={() => focusPath(target, 'skicka')}>
                {reason}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
};

export const SubmitSection = ({ problems, refused, refusalRef, applicantNames, busy, onSubmit }: SubmitProps) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  return (
    <section className={styles.section} aria-labelledby={sectionId('skicka')}>
      <h2 className={styles.sectionTitle} id={sectionId('skicka')} tabIndex={-1}>
        7. {strings.sections.skicka}
      </h2>
      <Text as="p" className={styles.muted}>
        {strings.submitLead}
      </Text>
      <div ref={refusalRef} tabIndex={-1}>
        {problems.length === 0 ? (
          <MessageBar intent="success">
            <MessageBarBody>{strings.complete}</MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent={refused ? 'error' : 'info'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{refused ? strings.refusedTitle : strings.missingTitle}</MessageBarTitle>
              <Text as="p">{refused ? strings.refusedLead : strings.missingLead}</Text>
              <ReasonList reasons={problems} applicantNames={applicantNames} />
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<Send20Regular />} disabled={busy} onClick={onSubmit}>
          {busy ? strings.submitting : strings.submit}
        </Button>
      </div>
    </section>
  );
};

/**
 * What `#/ansokan/<id>` shows when there is nothing to edit: the application just submitted (its
 * diarienummer and new stage), an insats that is no longer a draft, or a draft the person may read
 * but not change — each with the way on to the insats's page.
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';
import type { Insats } from './application-types.ts';

const Facts = ({ insats }: { readonly insats: Insats }) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const term = useTerm();
  return (
    <dl className={styles.facts}>
      <dt className={styles.factTerm}>{strings.diaryNumber}</dt>
      <dd className={styles.factValue}>{insats.diaryNumber ?? '–'}</dd>
      <dt className={styles.factTerm}>{strings.stage}</dt>
      <dd className={styles.factValue}>{term(insats.stage)}</dd>
    </dl>
  );
};

const Onward = ({ insats }: { readonly insats: Insats }) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  return (
    <div className={styles.actions}>
      <Link href={hrefTo(`/insatser/${insats.id}`)}>{strings.toInsats}</Link>
      <Link href={hrefTo('/ny-ansokan')}>{strings.newAgain}</Link>
    </div>
  );
};

/** right after "Skicka in ansökan": the heading takes the focus so the outcome is read out */
export const SubmittedPanel = ({ insats }: { readonly insats: Insats }) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={styles.section} aria-labelledby="inskickad">
      <h2 className={styles.sectionTitle} id="inskickad" ref={heading} tabIndex={-1}>
        {strings.submittedTitle}
      </h2>
      <MessageBar intent="success">
        <MessageBarBody>{strings.submittedBody(insats.code)}</MessageBarBody>
      </MessageBar>
      <Facts insats={insats} />
      <Onward insats={insats} />
    </section>
  );
};

export const NotDraftPanel = ({ insats }: { readonly insats: Insats }) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const term = useTerm();
  return (
    <section className={styles.section}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.notDraftTitle(insats.code, term(insats.stage))}</MessageBarTitle>
          {strings.notDraftBody}
        </MessageBarBody>
      </MessageBar>
      <Facts insats={insats} />
      <Onward insats={insats} />
    </section>
  );
};

export const ReadOnlyPanel = ({ insats }: { readonly insats: Insats }) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  return (
    <section className={styles.section}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.readOnlyTitle}</MessageBarTitle>
          {strings.readOnlyBody}
        </MessageBarBody>
      </MessageBar>
      <Text as="p">{insats.title}</Text>
      <Onward insats={insats} />
    </section>
  );
};

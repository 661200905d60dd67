/**
 * Ny ansökan (`#/ny-ansokan`) and a draft continued (`#/ansokan/<id>`). A new application starts
 * with its basic details; once saved as a draft the whole form opens at the draft's own address,
 * so a reload or a link keeps it. An insats that is no longer a draft says so and leads to its page.
 */
import { Link, MessageBar, MessageBarBody, Spinner, Text, Title1 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { interventionDetailResponseSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';
import { DRAFT_STAGES, type Insats } from './application-types.ts';
import { DraftEditor } from './draft-editor.tsx';
import { takeCreated } from './draft-notice.ts';
import { NotDraftPanel, ReadOnlyPanel, SubmittedPanel } from './draft-status.tsx';
import { NewApplication } from './new-application.tsx';

/** the server decides; this only spares a person a form they cannot save */
function mayEdit(me: ReturnType<typeof useSession>['me'], insats: Insats): boolean {
  return (
    me.isKansli ||
    insats.projectLeaderAadId?.toLowerCase() === me.aadObjectId.toLowerCase() ||
    me.roles.some(
      (held) => held.interventionId === insats.id && (held.role === 'Projektledare' || held.role === 'Projektägare'),
    )
  );
}

const DraftApplication = ({ interventionId }: { readonly interventionId: string }) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const term = useTerm();
  const { me } = useSession();
  const detail = useResource(`/api/insatser/${encodeURIComponent(interventionId)}`, interventionDetailResponseSchema);
  const [justCreated] = useState(() => takeCreated(interventionId));
  const [submitted, setSubmitted] = useState<Insats | null>(null);
  // after a 412 the form starts over from the server's version once it has been read again
  const [generation, setGeneration] = useState(0);
  const [restarting, setRestarting] = useState(false);
  const readBefore = useRef(detail.data);
  useEffect(() => {
    if (restarting && !detail.loading && (detail.data !== readBefore.current || detail.error !== undefined)) {
      setRestarting(false);
      setGeneration((value) => value + 1);
    }
  }, [restarting, detail.loading, detail.data, detail.error]);

  const insats = submitted ?? detail.data?.insats;
  return (
    <div className={styles.layout}>
      <div>
        <Title1 as="h1">{insats === undefined ? strings.anyTitle : strings.draftTitle(insats.code)}</Title1>
        {insats !== undefined && submitted === null && DRAFT_STAGES.includes(insats.stage) && (
          <Text as="p" className={styles.lead}>
            {insats.title} · {strings.draftLead(term(insats.stage))}
          </Text>
        )}
      </div>
      {detail.data === undefined && detail.loading && <Spinner label={strings.loading} />}
      {detail.error !== undefined && detail.data === undefined && (
        <MessageBar intent="error">
          <MessageBarBody>
            {detail.error.message} <Link href={hrefTo('/ny-ansokan')}>{strings.newAgain}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {submitted !== null && <SubmittedPanel insats={submitted} />}
      {submitted === null &&
        detail.data !== undefined &&
        insats !== undefined &&
        (!DRAFT_STAGES.includes(insats.stage) ? (
          <NotDraftPanel insats={insats} />
        ) : !mayEdit(me, insats) ? (
          <ReadOnlyPanel insats={insats} />
        ) : restarting ? (
          <Spinner label={strings.loading} />
        ) : (
          <DraftEditor
            key={generation}
            detail={detail.data}
            refresh={detail.reload}
            restart={() => {
              readBefore.current = detail.data;
              setRestarting(true);
              detail.reload();
            }}
            onSubmitted={setSubmitted}
            justCreated={justCreated && generation === 0}
          />
        ))}
    </div>
  );
};

export const ApplicationView = ({ interventionId }: { readonly interventionId: string | null }) =>
  interventionId === null ? (
    <NewApplication />
  ) : (
    <DraftApplication key={interventionId} interventionId={interventionId} />
  );

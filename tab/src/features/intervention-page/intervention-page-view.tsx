/**
 * One insats (`#/insatser/:id`): its head and facts, the stage timeline with what may happen next,
 * the application's texts, its people, budget and requisitions, approvals, files and event log.
 * The server decides what the person may see (403 with its own message) and do
 * (`nextTransitions[].allowed`); the page shows what it is given.
 */
import { Link, MessageBar, MessageBarBody, Spinner, Title1 } from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import type { ApiError } from '../../api/api-error.ts';
import { handlesInvoices, type Me } from '../../api/me.ts';
import { useStrings } from '../../i18n/language.tsx';
import { hrefTo } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { AgreementsSection } from '../agreements/agreements-section.tsx';
import { AboutSection } from './about-section.tsx';
import { ApprovalsSection } from './approvals-section.tsx';
import { AuditSection } from './audit-section.tsx';
import { BudgetSection } from './budget-section.tsx';
import { type Insats, type InsatsDetail, insatsDetailSchema } from './detail-schema.ts';
import { DocumentsSection } from './files-section.tsx';
import { HeaderSection } from './header-section.tsx';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { NextTransitions } from './next-transitions.tsx';
import { usePageStyles } from './page-styles.ts';
import { PeopleSection } from './people-section.tsx';
import { StageTimeline } from './stage-timeline.tsx';

/** who works with the insats's requisitions: the kansli, the ekonom and förbundschef, its own applicants */
function handlesRequisitionsOf(me: Me, insats: Insats): boolean {
  return (
    me.isKansli ||
    handlesInvoices(me) ||
    insats.projectLeaderAadId?.toLowerCase() === me.aadObjectId.toLowerCase() ||
    me.roles.some(
      (held) => held.interventionId === insats.id && (held.role === 'Projektledare' || held.role === 'Projektägare'),
    )
  );
}

const BackLink = () => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  return (
    <div className={styles.back}>
      <Link href={hrefTo('/insatser')}>
        <ArrowLeft16Regular aria-hidden="true" /> {strings.backToList}
      </Link>
    </div>
  );
};

/** 403 and 404 in the server's own words, under a heading that says which it is */
const LoadError = ({ error }: { readonly error: ApiError }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const title =
    error.status === 403 ? strings.forbiddenTitle : error.status === 404 ? strings.notFoundTitle : strings.errorTitle;
  return (
    <>
      <BackLink />
      <Title1 as="h1" block className={styles.errorTitle}>
        {title}
      </Title1>
      <MessageBar intent={error.status === 403 || error.status === 404 ? 'warning' : 'error'}>
        <MessageBarBody>{error.message}</MessageBarBody>
      </MessageBar>
    </>
  );
};

const Page = ({ detail, reload }: { readonly detail: InsatsDetail; readonly reload: () => void }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const { me } = useSession();
  const { insats } = detail;
  const lookups = useMemo(() => {
    const orgs = new Map(detail.members.map((member) => [member.id, member.name]));
    const people = new Map(detail.people.map((person) => [person.aadObjectId.toLowerCase(), person.name]));
    return {
      orgName: (id: string) => orgs.get(id) ?? id,
      personName: (aadObjectId: string) => people.get(aadObjectId.toLowerCase()) ?? null,
    };
  }, [detail.members, detail.people]);

  return (
    <>
      <BackLink />
      <HeaderSection detail={detail} orgName={lookups.orgName} />
      <div className={styles.stack}>
        <section className={styles.section} aria-labelledby="skeden">
          <h2 className={styles.sectionTitle} id="skeden">
            {strings.stagesTitle}
          </h2>
          <StageTimeline stage={insats.stage} history={detail.stageHistory} />
          <NextTransitions detail={detail} onMoved={reload} />
        </section>
        <div className={styles.grid}>
          <AboutSection insats={insats} />
          <PeopleSection people={detail.people} />
        </div>
        <BudgetSection detail={detail} linkRequisitions={handlesRequisitionsOf(me, insats)} />
        <ApprovalsSection approvals={detail.approvals} lookups={lookups} />
        <AgreementsSection detail={detail} onChanged={reload} />
        <DocumentsSection documents={detail.documents} />
        <AuditSection audit={detail.audit} />
      </div>
    </>
  );
};

export const InterventionPageView = ({ interventionId }: { readonly interventionId: string }) => {
  const strings = useStrings(interventionPageStrings);
  const detail = useResource(`/api/insatser/${encodeURIComponent(interventionId)}`, insatsDetailSchema);
  // an answer for another insats (the route changed while loading) is not shown as this one
  const data = detail.data?.insats.id === interventionId ? detail.data : undefined;
  if (detail.error !== undefined) {
    return <LoadError error={detail.error} />;
  }
  if (data === undefined) {
    return <Spinner label={strings.loading} />;
  }
  return <Page detail={data} reload={detail.reload} />;
};

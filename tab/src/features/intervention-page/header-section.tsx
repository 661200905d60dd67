/**
 * The page's head: code, name and stage, then the register facts (diary number, owner and
 * partners, period, granted amount, the decision) and, for a draft the person may edit, the way
 * back into the application form with what it still lacks.
 */
import { Button, mergeClasses, Text, Title1 } from '@fluentui/react-components';
import { Edit16Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { Me } from '../../api/me.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { formatKr } from '../../ui/format.ts';
import { StageBadge } from '../interventions/stage-badge.tsx';
import { DRAFT_STAGES } from '../interventions/stage-order.ts';
import type { Insats, InsatsDetail } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { usePageStyles } from './page-styles.ts';

/** the applicants (projektledare, projektägare) and the kansli may edit a draft (the server checks again) */
function mayEditApplication(me: Me, insats: Insats): boolean {
  return (
    me.isKansli ||
    insats.projectLeaderAadId?.toLowerCase() === me.aadObjectId.toLowerCase() ||
    me.roles.some(
      (held) => held.interventionId === insats.id && (held.role === 'Projektledare' || held.role === 'Projektägare'),
    )
  );
}

const Fact = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => {
  const styles = usePageStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.factLabel}>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
};

type Props = {
  readonly detail: InsatsDetail;
  /** organisation id → name (the answer's `members`) */
  readonly orgName: (id: string) => string;
};

export const HeaderSection = ({ detail, orgName }: Props) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const term = useTerm();
  const { me } = useSession();
  const { insats } = detail;
  const owner = insats.ownerOrgId === null ? null : orgName(insats.ownerOrgId);
  // partnerOrgIds may repeat the owner: it is a party to the agreement too, but named once here
  const partners = [...new Set(insats.partnerOrgIds)].filter((id) => id !== insats.ownerOrgId).map(orgName);
  const period =
    insats.startDate === null && insats.endDate === null
      ? strings.none
      : `${insats.startDate ?? '…'} – ${insats.endDate ?? '…'}`;
  const decision = strings.decisionText(insats.decisionDate, insats.decisionRef);
  const isDraft = DRAFT_STAGES.includes(insats.stage);

  return (
    <header className={styles.section}>
      <div className={styles.titleRow}>
        <Text className={styles.code}>{insats.code}</Text>
        <StageBadge stage={insats.stage} size="large" />
      </div>
      <Title1 as="h1" block className={styles.title}>
        {insats.title}
      </Title1>
      <dl className={mergeClasses(styles.facts, styles.stackTop)}>
        <Fact label={strings.diaryNumber}>{insats.diaryNumber ?? strings.none}</Fact>
        <Fact label={strings.owner}>{owner ?? strings.none}</Fact>
        <Fact label={strings.partners}>{partners.length === 0 ? strings.none : partners.join(', ')}</Fact>
        <Fact label={strings.period}>{period}</Fact>
        <Fact label={strings.granted}>
          {insats.grantedAmount === null ? strings.none : formatKr(insats.grantedAmount)}
        </Fact>
        <Fact label={strings.decision}>{decision === '' ? strings.none : decision}</Fact>
        {insats.kind !== null && <Fact label={strings.kind}>{term(insats.kind)}</Fact>}
      </dl>
      {isDraft && mayEditApplication(me, insats) && (
        <>
          <div className={styles.actions}>
            <Button as="a" appearance="primary" icon={<Edit16Regular />} href={hrefTo(`/ansokan/${insats.id}`)}>
              {strings.continueApplication}
            </Button>
          </div>
          {detail.applicationProblems.length > 0 && (
            <>
              <Text as="p" className={styles.stackTop}>
                {strings.applicationProblems}
              </Text>
              <ul className={styles.bullets}>
                {detail.applicationProblems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </header>
  );
};

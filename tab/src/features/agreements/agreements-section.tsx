/**
 * The insats page's "Samarbetsavtal": the filed agreements (agreement-list.tsx); for the kansli,
 * when the insats is in Avtal, "Skicka för signering"; while a signing is open (or after one was
 * stopped, until the insats leaves Avtal) its progress, read as the person sees the approval
 * (GET /api/beslut/:id); for the kansli and the insats's projektägare, "Arkivera signerat avtal";
 * and the way to "Kontrollera avtal". The server decides every action again.
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { Stage } from '../../../../src/domain/vocabulary.ts';
import { approvalViewSchema } from '../../api/contracts.ts';
import type { Me } from '../../api/me.ts';
import { useStrings } from '../../i18n/language.tsx';
import { hrefTo } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import type { InsatsDetail } from '../intervention-page/detail-schema.ts';
import { AgreementList } from './agreement-list.tsx';
import { useAgreementStyles } from './agreement-styles.ts';
import { agreementsStrings } from './agreements-strings.ts';
import { CheckAgreementLink } from './check-link.tsx';
import { SigningProgress } from './signing-progress.tsx';
import { type SigningStarted, StartSigning } from './start-signing.tsx';
import { UploadSigned } from './upload-signed.tsx';

/** from the board's decision on (the server's FILING_STAGES in file-signed-agreement.ts) */
const FILING_STAGES: readonly Stage[] = [
  'Beviljad',
  'Avtal',
  'Uppstart',
  'Pågående',
  'Avslutas',
  'Avslutad',
  'Avbruten',
];

type Approval = InsatsDetail['approvals'][number];

/** the matrix's arkivera-avtal: the kansli, and a projektägare of this insats */
function mayFile(me: Me, interventionId: string): boolean {
  return me.isKansli || me.roles.some((held) => held.role === 'Projektägare' && held.interventionId === interventionId);
}

/** the insats's latest Samarbetsavtal approval (ids grow with time) */
function latestSigning(approvals: readonly Approval[]): Approval | null {
  return (
    approvals
      .filter((approval) => approval.subject === 'Samarbetsavtal')
      .sort((a, b) => Number(b.id) - Number(a.id))[0] ?? null
  );
}

/** the open signing, or a stopped one the kansli should read while the insats still waits in Avtal */
const SigningBlock = ({ approval, stage }: { readonly approval: Approval; readonly stage: Stage }) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const view = useResource(`/api/beslut/${encodeURIComponent(approval.id)}`, approvalViewSchema);
  const open = approval.status === 'Pågår';
  if (!open && (stage !== 'Avtal' || approval.status === 'Godkänd')) {
    return null;
  }
  const link = <Link href={hrefTo(`/beslut/${approval.id}`)}>{strings.openApproval(approval.id)}</Link>;
  const agreement = view.data?.agreement ?? null;
  return (
    <section className={styles.signing} aria-labelledby="avtal-signering">
      {!open && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {approval.status === 'Avslagen'
                ? strings.stoppedTitle
                : approval.status === 'Utgången'
                  ? strings.expiredTitle
                  : strings.withdrawnTitle}
            </MessageBarTitle>
            {view.data?.withdrawnReason == null
              ? strings.stoppedBody
              : strings.withdrawnBody(view.data.withdrawnReason)}
          </MessageBarBody>
        </MessageBar>
      )}
      {view.data === undefined && view.loading && <Spinner size="tiny" label={strings.progressLoading} />}
      {view.error !== undefined && (
        <MessageBar intent="warning">
          <MessageBarBody>{view.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {agreement !== null && view.data !== undefined ? (
        <SigningProgress
          agreement={agreement}
          status={view.data.status}
          level={3}
          headingId="avtal-signering"
          title={open ? strings.progressTitle : strings.progressTitleClosed}
        />
      ) : (
        <h3 className={styles.subTitle} id="avtal-signering">
          {open ? strings.progressTitle : strings.progressTitleClosed}
        </h3>
      )}
      <span>{link}</span>
    </section>
  );
};

type Notice = { readonly title: string; readonly body: string };

export const AgreementsSection = ({
  detail,
  onChanged,
}: {
  readonly detail: InsatsDetail;
  /** the insats changed (a signing started, an agreement filed): load it again */
  readonly onChanged: () => void;
}) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const { me } = useSession();
  const [notice, setNotice] = useState<Notice>();
  const { insats } = detail;
  const latest = latestSigning(detail.approvals);
  const openSigning = latest !== null && latest.status === 'Pågår' ? latest.id : null;
  const mayStart = me.isKansli && insats.stage === 'Avtal' && openSigning === null;

  const onStarted = (started: SigningStarted) => {
    const signatories = started.approval.agreement?.parties.flatMap((party) => party.signatories).length ?? 0;
    setNotice({
      title: strings.started(started.approval.approvalId),
      body: strings.startedBody(signatories),
    });
    onChanged();
  };
  const onFiled = () => {
    setNotice(undefined);
    onChanged();
  };

  return (
    <section className={styles.section} aria-labelledby="samarbetsavtal">
      <h2 className={styles.sectionTitle} id="samarbetsavtal">
        {strings.title}
      </h2>
      {notice !== undefined && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.body}
          </MessageBarBody>
        </MessageBar>
      )}
      {latest !== null && <SigningBlock key={latest.id} approval={latest} stage={insats.stage} />}
      {mayStart && (
        <section className={styles.stack} aria-labelledby="avtal-starta">
          <h3 className={styles.subTitle} id="avtal-starta">
            {strings.startTitle}
          </h3>
          <p className={styles.plain}>{strings.startLead}</p>
          <div className={styles.actions}>
            <StartSigning detail={detail} onStarted={onStarted} />
          </div>
        </section>
      )}
      <AgreementList agreements={detail.agreements} />
      {mayFile(me, insats.id) && FILING_STAGES.includes(insats.stage) && (
        <UploadSigned interventionId={insats.id} code={insats.code} openSigning={openSigning} onFiled={onFiled} />
      )}
      <CheckAgreementLink />
    </section>
  );
};

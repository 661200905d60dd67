/**
 * A samarbetsavtal's signing as the approval card shows it (bot/cards/approval-card.ts): what is
 * signed (file, parties, term, compensation), per party who signed for it and when — or who
 * refused, with the comment — who remains, how it ended, and a button to read the draft (or the
 * signed agreement) fetched with the caller's credentials. On the insats page and in Beslut.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, mergeClasses, Text } from '@fluentui/react-components';
import type { z } from 'zod';
import type { ApprovalStatus } from '../../../../src/domain/vocabulary.ts';
import type { approvalViewSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { formatDateTime, formatKr } from '../../ui/format.ts';
import { useAgreementStyles } from './agreement-styles.ts';
import { agreementsStrings } from './agreements-strings.ts';
import { OpenAgreementButton } from './open-button.tsx';
import { ShaLine } from './sha-line.tsx';

export type AgreementSigning = NonNullable<z.infer<typeof approvalViewSchema>['agreement']>;

type Props = {
  readonly agreement: AgreementSigning;
  readonly status: ApprovalStatus;
  /** 2 in Beslut (its own section), 3 inside the insats page's Samarbetsavtal section */
  readonly level: 2 | 3;
  readonly headingId: string;
  readonly title: string;
};

export const SigningProgress = ({ agreement, status, level, headingId, title }: Props) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const Heading = level === 2 ? 'h2' : 'h3';
  const SubHeading = level === 2 ? 'h3' : 'h4';
  const signedParties = agreement.parties.filter((party) => party.signed).length;
  const period =
    agreement.validFrom === null || agreement.validTo === null
      ? strings.periodByAgreement
      : `${agreement.validFrom} – ${agreement.validTo}`;
  const facts: Array<readonly [string, string]> = [
    [strings.agreement, agreement.signed?.name ?? agreement.draft.name],
    [
      strings.parties,
      agreement.parties
        .map((party) => (party.projectOwner ? `${party.name} (${strings.projectOwner})` : party.name))
        .join(', '),
    ],
    [strings.period, period],
    [strings.compensation, strings.compensationTotal(formatKr(agreement.total))],
  ];
  const file = agreement.signed ?? agreement.draft;
  return (
    <div className={styles.stack}>
      <Heading className={styles.subTitle} id={headingId}>
        {title}
      </Heading>
      <dl className={styles.facts}>
        {facts.map(([label, value]) => (
          <div key={label} className={styles.factRow}>
            <dt className={styles.factTitle}>{label}</dt>
            <dd className={styles.factValue}>{value}</dd>
          </div>
        ))}
      </dl>
      <SubHeading className={styles.cardTitle}>{strings.signaturesTitle}</SubHeading>
      <Text as="p" weight="semibold" block className={styles.plain}>
        {strings.signedCount(signedParties, agreement.parties.length)}
      </Text>
      <ul className={styles.bullets} aria-label={strings.signaturesTitle}>
        {agreement.parties.flatMap((party) => {
          if (party.refusal !== null) {
            const { refusal } = party;
            return [
              <li key={party.memberId}>
                {strings.refusedBy(refusal.name, party.name, formatDateTime(refusal.at))}
                {refusal.comment !== null && refusal.comment.trim() !== '' && (
                  <blockquote className={styles.quote}>”{refusal.comment.trim()}”</blockquote>
                )}
              </li>,
            ];
          }
          if (party.signatures.length > 0) {
            return party.signatures.map((signature) => (
              <li key={`${party.memberId}-${signature.name}-${signature.at}`}>
                {strings.signedBy(signature.name, party.name, formatDateTime(signature.at))}
              </li>
            ));
          }
          return [
            <li key={party.memberId} className={styles.muted}>
              {strings.waitingFor(party.name, party.signatories)}
            </li>,
          ];
        })}
      </ul>
      {status === 'Pågår' && agreement.remaining.length > 0 && (
        <Text as="p" block className={styles.plain}>
          {strings.remaining(agreement.remaining)}
        </Text>
      )}
      {agreement.failure !== null ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.failureTitle}</MessageBarTitle>
            {agreement.failure}
          </MessageBarBody>
        </MessageBar>
      ) : agreement.signed !== null ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.signedFiled(agreement.signed.name)}</MessageBarTitle>
            <ShaLine sha256={agreement.signed.sha256} name={agreement.signed.name} />
          </MessageBarBody>
        </MessageBar>
      ) : (
        status === 'Avslagen' && (
          <Text as="p" block className={mergeClasses(styles.muted, styles.plain)}>
            {strings.refusedBack}
          </Text>
        )
      )}
      <OpenAgreementButton
        driveItemId={file.driveItemId}
        name={file.name}
        label={agreement.signed === null ? strings.readDraft : strings.readSigned}
      />
    </div>
  );
};

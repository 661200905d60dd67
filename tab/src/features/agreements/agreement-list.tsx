/**
 * The insats's filed agreements: each with its status (Ersatt kept, but visibly secondary and
 * last), validity, signing date, parties and signatories, its SHA-256 with a copy button, the
 * signing's beslutsärende, and "Öppna", which fetches the PDF with the caller's credentials.
 */
import { Badge, type BadgeProps, Link, mergeClasses, Text } from '@fluentui/react-components';
import type { AgreementStatus } from '../../../../src/domain/vocabulary.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import type { InsatsDetail } from '../intervention-page/detail-schema.ts';
import { useAgreementStyles } from './agreement-styles.ts';
import { agreementsStrings } from './agreements-strings.ts';
import { OpenAgreementButton } from './open-button.tsx';
import { ShaLine } from './sha-line.tsx';

export type FiledAgreement = InsatsDetail['agreements'][number];

const COLOURS: Readonly<Record<AgreementStatus, NonNullable<BadgeProps['color']>>> = {
  Utkast: 'informative',
  'Under signering': 'warning',
  Signerat: 'success',
  Ersatt: 'subtle',
};

/** the one in force first, replaced versions last; newest first within a status */
const ORDER: Readonly<Record<AgreementStatus, number>> = { Signerat: 0, 'Under signering': 1, Utkast: 2, Ersatt: 3 };

export function inOrder(agreements: readonly FiledAgreement[]): FiledAgreement[] {
  const rank = (agreement: FiledAgreement) =>
    agreement.agreementStatus === null ? 2.5 : ORDER[agreement.agreementStatus];
  return [...agreements].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.signedDate ?? '').localeCompare(a.signedDate ?? '') ||
      Number(b.id) - Number(a.id) ||
      a.name.localeCompare(b.name, 'sv'),
  );
}

/** the Signatories column: one `Namn, Organisation, 2027-01-10 14:02` a line */
function signatoryLines(signatories: string | null): string[] {
  return (signatories ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const AgreementCard = ({ agreement }: { readonly agreement: FiledAgreement }) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const term = useTerm();
  const replaced = agreement.agreementStatus === 'Ersatt';
  const titleId = `avtal-${agreement.id}`;
  const signers = signatoryLines(agreement.signatories);
  return (
    <li className={mergeClasses(styles.card, replaced && styles.replaced)}>
      <h3 className={styles.cardTitle} id={titleId}>
        {agreement.name}
      </h3>
      <span className={styles.inline}>
        {agreement.agreementStatus !== null && (
          <Badge appearance="tint" color={COLOURS[agreement.agreementStatus]}>
            {term(agreement.agreementStatus)}
          </Badge>
        )}
        <span className={styles.muted}>
          {strings.validity(agreement.validFrom, agreement.validTo)} ·{' '}
          {agreement.signedDate === null ? strings.notSigned : strings.signedOn(agreement.signedDate)}
        </span>
      </span>
      {replaced && <Text className={styles.muted}>{strings.replacedNote}</Text>}
      {agreement.parties !== null && (
        <Text className={styles.muted}>
          {strings.parties}: {agreement.parties}
        </Text>
      )}
      {signers.length > 0 && (
        <div>
          <Text className={styles.muted}>{strings.signatories}:</Text>
          <ul className={styles.bullets}>
            {signers.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {agreement.sha256 === null ? (
        <Text className={styles.muted}>{strings.sha256Missing}</Text>
      ) : (
        <ShaLine sha256={agreement.sha256} name={agreement.name} />
      )}
      <div className={styles.actions}>
        <OpenAgreementButton driveItemId={agreement.driveItemId} name={agreement.name} />
        {agreement.approvalId !== null && /^\d+$/.test(agreement.approvalId) && (
          <Link href={hrefTo(`/beslut/${agreement.approvalId}`)}>{strings.approval(agreement.approvalId)}</Link>
        )}
      </div>
    </li>
  );
};

export const AgreementList = ({ agreements }: { readonly agreements: readonly FiledAgreement[] }) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  if (agreements.length === 0) {
    return <Text as="p">{strings.empty}</Text>;
  }
  return (
    <ul className={styles.list} aria-label={strings.listLabel}>
      {inOrder(agreements).map((agreement) => (
        <AgreementCard key={agreement.driveItemId} agreement={agreement} />
      ))}
    </ul>
  );
};

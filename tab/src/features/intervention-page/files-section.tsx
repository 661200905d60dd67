/**
 * "Dokument" and "Samarbetsavtal": the insats's files in SharePoint, each a link to the file with
 * its kind or status, and for an agreement its validity, signing date and parties.
 */
import { Badge, type BadgeProps, Link, Text } from '@fluentui/react-components';
import type { AgreementStatus } from '../../../../src/domain/vocabulary.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import type { InsatsDetail } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { usePageStyles } from './page-styles.ts';

const AGREEMENT_COLOURS: Readonly<Record<AgreementStatus, NonNullable<BadgeProps['color']>>> = {
  Utkast: 'informative',
  'Under signering': 'warning',
  Signerat: 'success',
  Ersatt: 'subtle',
};

/** only web addresses become links: a stored value is typed by people and must not run script */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

const FileLink = ({ name, webUrl }: { readonly name: string; readonly webUrl: string }) => {
  const strings = useStrings(interventionPageStrings);
  const styles = usePageStyles();
  const href = safeUrl(webUrl);
  return href === undefined ? (
    <Text weight="semibold">{name}</Text>
  ) : (
    <Link href={href} target="_blank" rel="noopener noreferrer">
      {name} <span className={styles.visuallyHidden}>{strings.opensInNewWindow}</span>
    </Link>
  );
};

export const DocumentsSection = ({ documents }: { readonly documents: InsatsDetail['documents'] }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const term = useTerm();
  return (
    <section className={styles.section} aria-labelledby="dokument">
      <h2 className={styles.sectionTitle} id="dokument">
        {strings.documentsTitle}
      </h2>
      {documents.length === 0 ? (
        <Text as="p">{strings.documentsEmpty}</Text>
      ) : (
        <ul className={styles.list}>
          {documents.map((document) => (
            <li key={document.id} className={styles.item}>
              <FileLink name={document.name} webUrl={document.webUrl} />
              <span className={styles.muted}>
                {[document.documentKind === null ? null : term(document.documentKind), document.period]
                  .filter((part) => part !== null)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

export const AgreementsSection = ({ agreements }: { readonly agreements: InsatsDetail['agreements'] }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const term = useTerm();
  return (
    <section className={styles.section} aria-labelledby="samarbetsavtal">
      <h2 className={styles.sectionTitle} id="samarbetsavtal">
        {strings.agreementsTitle}
      </h2>
      {agreements.length === 0 ? (
        <Text as="p">{strings.agreementsEmpty}</Text>
      ) : (
        <ul className={styles.list}>
          {agreements.map((agreement) => (
            <li key={agreement.id} className={styles.item}>
              <FileLink name={agreement.name} webUrl={agreement.webUrl} />
              <span className={styles.inline}>
                {agreement.agreementStatus !== null && (
                  <Badge appearance="tint" color={AGREEMENT_COLOURS[agreement.agreementStatus]}>
                    {term(agreement.agreementStatus)}
                  </Badge>
                )}
                <span className={styles.muted}>
                  {strings.validity(agreement.validFrom, agreement.validTo)}
                  {agreement.signedDate === null ? '' : ` · ${strings.signedOn(agreement.signedDate)}`}
                </span>
              </span>
              {agreement.parties !== null && (
                <span className={styles.muted}>
                  {strings.parties}: {agreement.parties}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

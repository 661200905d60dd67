/**
 * "Dokument": the insats's files in SharePoint, each a link to the file with its kind and period.
 * (Its samarbetsavtal have a section of their own: features/agreements.)
 */
import { Link, Text } from '@fluentui/react-components';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import type { InsatsDetail } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { usePageStyles } from './page-styles.ts';

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

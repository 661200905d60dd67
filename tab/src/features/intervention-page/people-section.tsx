/**
 * "Styrgrupp och kontakter": who holds a role in the insats, one line per person with all their
 * roles (a projektägare often sits in the styrgrupp too) and the organisation they represent.
 */
import { Text } from '@fluentui/react-components';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import type { InsatsPerson } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { usePageStyles } from './page-styles.ts';

type Grouped = {
  readonly aadObjectId: string;
  readonly name: string;
  readonly roles: string[];
  readonly memberOrg: string | null;
};

/** one entry per person, in the order the server lists them (projektledare first) */
function byPerson(people: readonly InsatsPerson[]): Grouped[] {
  const grouped = new Map<string, Grouped>();
  for (const person of people) {
    const key = person.aadObjectId.toLowerCase();
    const known = grouped.get(key);
    if (known === undefined) {
      grouped.set(key, {
        aadObjectId: person.aadObjectId,
        name: person.name,
        roles: [person.role],
        memberOrg: person.memberOrg,
      });
    } else if (!known.roles.includes(person.role)) {
      known.roles.push(person.role);
    }
  }
  return [...grouped.values()];
}

export const PeopleSection = ({ people }: { readonly people: readonly InsatsPerson[] }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const term = useTerm();
  const grouped = byPerson(people);
  return (
    <section className={styles.section} aria-labelledby="kontakter">
      <h2 className={styles.sectionTitle} id="kontakter">
        {strings.peopleTitle}
      </h2>
      {grouped.length === 0 ? (
        <Text as="p">{strings.peopleEmpty}</Text>
      ) : (
        <ul className={styles.list}>
          {grouped.map((person) => (
            <li key={person.aadObjectId} className={styles.item}>
              <Text weight="semibold">{person.name}</Text>
              <span className={styles.muted}>
                {person.roles.map(term).join(', ')}
                {person.memberOrg === null ? '' : ` · ${person.memberOrg}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

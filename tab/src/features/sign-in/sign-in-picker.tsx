/**
 * The local sign-in (AUTH_MODE=dev): the seeded people grouped as a förbund knows them — kansli,
 * styrelse, beredningsgrupp, firmatecknare, styrgrupper, projekt — with their roles, and a search.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  SearchBox,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Person } from '../../api/people.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { signInStrings } from './sign-in-strings.ts';

const useStyles = makeStyles({
  root: { maxWidth: '60rem', margin: '0 auto', padding: tokens.spacingHorizontalL },
  lead: { display: 'block', marginBlock: tokens.spacingVerticalM },
  search: { width: '100%', maxWidth: '28rem', marginBlockEnd: tokens.spacingVerticalL },
  group: { marginBlockEnd: tokens.spacingVerticalL },
  groupTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginBlock: 0 },
  list: {
    listStyleType: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0 0 0`,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
  },
  person: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', height: 'auto', minHeight: '3rem' },
  personText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  roles: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export type SignInPickerProps = {
  readonly people: readonly Person[] | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
  readonly onSignIn: (aadObjectId: string) => void;
};

export const SignInPicker = ({ people, loading, error, onSignIn }: SignInPickerProps) => {
  const styles = useStyles();
  const strings = useStrings(signInStrings);
  const term = useTerm();
  const [query, setQuery] = useState('');

  const describe = (person: Person) =>
    person.roles
      .map((role) =>
        [term(role.role), role.interventionCode ?? role.memberOrg].filter((part) => part !== null).join(' '),
      )
      .join(', ');

  const groups = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase('sv');
    const byGroup = new Map<string, Person[]>();
    for (const person of people ?? []) {
      const haystack = `${person.name} ${person.group} ${person.roles
        .map((role) => `${role.role} ${role.interventionCode ?? ''} ${role.memberOrg ?? ''}`)
        .join(' ')}`.toLocaleLowerCase('sv');
      if (needle !== '' && !haystack.includes(needle)) {
        continue;
      }
      byGroup.set(person.group, [...(byGroup.get(person.group) ?? []), person]);
    }
    return [...byGroup.entries()];
  }, [people, query]);

  return (
    <main className={styles.root} id="main">
      <Title2 as="h1">{strings.title}</Title2>
      <Text className={styles.lead}>{strings.lead}</Text>
      {error !== undefined && (
        <MessageBar intent="error" className={styles.group}>
          <MessageBarBody>
            <MessageBarTitle>{strings.notInRoles}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      <SearchBox
        className={styles.search}
        aria-label={strings.search}
        placeholder={strings.search}
        value={query}
        onChange={(_event, data) => setQuery(data.value)}
      />
      {loading && <Spinner label={strings.loading} />}
      {!loading && groups.length === 0 && <Text>{strings.none}</Text>}
      {groups.map(([group, members]) => (
        <section key={group} className={styles.group} aria-labelledby={`grupp-${group}`}>
          <h2 className={styles.groupTitle} id={`grupp-${group}`}>
            {group}
          </h2>
          <ul className={styles.list}>
            {members.map((person) => (
              <li key={person.aadObjectId}>
                <Button
                  className={styles.person}
                  appearance="subtle"
                  icon={<PersonRegular />}
                  onClick={() => onSignIn(person.aadObjectId)}
                  data-person={person.aadObjectId}
                >
                  <span className={styles.personText}>
                    <span>
                      <span className={styles.hidden}>{strings.signInAsPrefix} </span>
                      {person.name}
                    </span>
                    <span className={styles.roles}>{describe(person)}</span>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
};

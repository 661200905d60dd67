/**
 * The signed-in tab: a header (who I am, language, switch person in the local sign-in), the main
 * menu with what waits for me, and the view of the current route. Views are role-aware
 * themselves; the menu only hides what a person cannot use at all.
 */
import {
  Button,
  CounterBadge,
  Link,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Suspense } from 'react';
import { handlesInvoices, isProjectSide, type Me, mayStartApplication } from '../api/me.ts';
import { useLanguage, useStrings } from '../i18n/language.tsx';
import { useTerm } from '../i18n/use-term.ts';
import { hrefTo, navigate, useRoute } from './router.tsx';
import { useSession } from './session.tsx';
import { shellStrings } from './shell-strings.ts';
import { useWaiting, WaitingContext } from './use-waiting.ts';
import {
  ApplicationView,
  ApprovalsView,
  InterventionListView,
  InterventionPageView,
  OverviewView,
  RequisitionsView,
  SettingsView,
  VerifyAgreementView,
} from './views.tsx';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  skip: {
    position: 'absolute',
    left: '-9999px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalS, zIndex: 10 },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  brand: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  who: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  roles: { color: tokens.colorNeutralForeground3 },
  nav: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
    paddingInline: tokens.spacingHorizontalS,
  },
  main: { padding: tokens.spacingHorizontalL, maxWidth: '80rem', marginInline: 'auto', boxSizing: 'border-box' },
});

type NavKey = 'oversikt' | 'insatser' | 'ansokan' | 'beslut' | 'rekvisitioner' | 'installningar';

function navKeyOf(route: readonly string[]): NavKey {
  switch (route[0]) {
    case 'insatser':
    // "Kontrollera avtal" is reached from the Insatser list and an insats's agreements
    case 'avtal':
      return 'insatser';
    case 'ny-ansokan':
    case 'ansokan':
      return 'ansokan';
    case 'beslut':
      return 'beslut';
    case 'rekvisitioner':
      return 'rekvisitioner';
    case 'installningar':
      return 'installningar';
    default:
      return 'oversikt';
  }
}

const PATHS: Record<NavKey, string> = {
  oversikt: '/',
  insatser: '/insatser',
  ansokan: '/ny-ansokan',
  beslut: '/beslut',
  rekvisitioner: '/rekvisitioner',
  installningar: '/installningar',
};

function menuFor(me: Me): NavKey[] {
  const keys: NavKey[] = ['oversikt', 'insatser'];
  if (mayStartApplication(me)) {
    keys.push('ansokan');
  }
  keys.push('beslut');
  if (me.isKansli || handlesInvoices(me) || isProjectSide(me)) {
    keys.push('rekvisitioner');
  }
  if (me.isKansli) {
    keys.push('installningar');
  }
  return keys;
}

const CurrentView = ({ route }: { readonly route: readonly string[] }) => {
  const strings = useStrings(shellStrings);
  const [first, second] = route;
  switch (first) {
    case undefined:
    case 'oversikt':
      return <OverviewView />;
    case 'insatser':
      return second === undefined ? <InterventionListView /> : <InterventionPageView interventionId={second} />;
    case 'ny-ansokan':
      return <ApplicationView interventionId={null} />;
    case 'ansokan':
      return <ApplicationView interventionId={second ?? null} />;
    case 'beslut':
      return <ApprovalsView approvalId={second ?? null} />;
    case 'rekvisitioner':
      return <RequisitionsView periodKey={second ?? null} />;
    case 'installningar':
      return <SettingsView />;
    case 'avtal':
      if (second === 'kontroll') {
        return <VerifyAgreementView />;
      }
      break;
    default:
      break;
  }
  return (
    <Text as="p">
      {strings.notFound} <Link href={hrefTo('/')}>{strings.backToOverview}</Link>
    </Text>
  );
};

export const AppShell = () => {
  const styles = useStyles();
  const strings = useStrings(shellStrings);
  const term = useTerm();
  const { language, setLanguage } = useLanguage();
  const session = useSession();
  const route = useRoute();
  const waiting = useWaiting(session.api, session.waitingVersion);
  const selected = navKeyOf(route);
  const roleSummary = [...new Set(session.me.roles.map((role) => term(role.role)))].join(', ');

  const badge = (key: NavKey) => {
    const count =
      key === 'beslut' ? waiting?.approvals.length : key === 'rekvisitioner' ? waiting?.requisitions.length : undefined;
    return count === undefined || count === 0 ? undefined : (
      <CounterBadge count={count} size="small" color="brand" aria-label={strings.waiting(count)} />
    );
  };

  return (
    <div className={styles.root}>
      {/* a button, not <a href="#main">: the hash is the route */}
      <button type="button" className={styles.skip} onClick={() => document.getElementById('main')?.focus()}>
        {strings.skipToContent}
      </button>
      <header className={styles.header}>
        <p className={styles.brand}>Insatsnavet</p>
        <div className={styles.who}>
          <Text weight="semibold" aria-label={strings.signedInAs(session.me.name)}>
            {session.me.name}
          </Text>
          <Text className={styles.roles} size={200}>
            {roleSummary}
          </Text>
          {/* names the language it switches to, in that language */}
          <Button
            size="small"
            appearance="subtle"
            lang={language === 'en' ? 'sv' : 'en'}
            onClick={() => setLanguage(language === 'en' ? 'sv' : 'en')}
          >
            {language === 'en' ? strings.swedish : strings.english}
          </Button>
          {session.devSignIn && (
            <Button size="small" onClick={session.switchPerson}>
              {strings.switchPerson}
            </Button>
          )}
        </div>
      </header>
      <nav className={styles.nav} aria-label={strings.mainMenu}>
        <TabList selectedValue={selected} onTabSelect={(_event, data) => navigate(PATHS[data.value as NavKey])}>
          {menuFor(session.me).map((key) => (
            <Tab key={key} value={key}>
              {strings.nav[key]} {badge(key)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main} id="main" tabIndex={-1}>
        <WaitingContext.Provider value={waiting}>
          <Suspense fallback={<Spinner label={strings.loadingView} />}>
            <CurrentView route={route} />
          </Suspense>
        </WaitingContext.Provider>
      </main>
    </div>
  );
};

/**
 * The way to "Kontrollera avtal" (`#/avtal/kontroll`) from the Insatser list's header: not a menu
 * item of its own (it is an occasional task), but where the agreements' insatser are.
 */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentSearch20Regular } from '@fluentui/react-icons';
import { useStrings } from '../../i18n/language.tsx';
import { hrefTo } from '../../shell/router.tsx';
import { agreementsStrings } from './agreements-strings.ts';

const useStyles = makeStyles({
  line: { display: 'block', marginBlockEnd: tokens.spacingVerticalS },
  icon: { verticalAlign: 'text-bottom' },
});

export const CheckAgreementLink = () => {
  const styles = useStyles();
  const strings = useStrings(agreementsStrings);
  return (
    <span className={styles.line}>
      <Link href={hrefTo('/avtal/kontroll')}>
        <DocumentSearch20Regular aria-hidden="true" className={styles.icon} /> {strings.checkLink}
      </Link>
    </span>
  );
};

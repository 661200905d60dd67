/**
 * An insats's stage as a badge, coloured by where it is in its life (in preparation, decided,
 * running, ended), so a long list can be scanned by colour and read by text. Shared by the list
 * and the insats page.
 */
import { Badge, type BadgeProps, makeStyles } from '@fluentui/react-components';
import type { Stage } from '../../../../src/domain/vocabulary.ts';
import { useTerm } from '../../i18n/use-term.ts';

const COLOURS: Readonly<Record<Stage, NonNullable<BadgeProps['color']>>> = {
  Idé: 'informative',
  Ansökan: 'informative',
  Inkommen: 'informative',
  Beredning: 'informative',
  Komplettering: 'warning',
  'Förslag till styrelsen': 'informative',
  Beviljad: 'brand',
  Avtal: 'brand',
  Uppstart: 'brand',
  Pågående: 'success',
  Avslutas: 'warning',
  Avslutad: 'subtle',
  Avslagen: 'danger',
  Avbruten: 'danger',
  Återtagen: 'subtle',
};

// a multi-word stage (Förslag till styrelsen) must not wrap inside the badge's fixed height
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', maxWidth: '100%' } });

export const StageBadge = ({
  stage,
  size = 'medium',
}: {
  readonly stage: Stage;
  readonly size?: BadgeProps['size'];
}) => {
  const term = useTerm();
  const styles = useStyles();
  return (
    // tint, not filled: the text keeps AA contrast in light, dark and high contrast themes
    <Badge className={styles.badge} appearance="tint" color={COLOURS[stage]} size={size} shape="rounded">
      {term(stage)}
    </Badge>
  );
};

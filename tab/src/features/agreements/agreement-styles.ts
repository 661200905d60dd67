/**
 * The agreements' look, on the insats page, in Beslut and in the check view: cards and fact lists
 * that reflow down to 320 px, a checksum that breaks anywhere rather than widen the page, and
 * replaced versions visibly secondary.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useAgreementStyles = makeStyles({
  // the insats page's and Beslut's section panels
  section: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    overflowWrap: 'break-word',
    '@media (max-width: 40rem)': { padding: tokens.spacingHorizontalM },
  },
  sectionTitle: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  back: { display: 'inline-block', marginBlockEnd: tokens.spacingVerticalS },
  page: { display: 'grid', gap: tokens.spacingVerticalL, marginBlockStart: tokens.spacingVerticalM, minWidth: 0 },
  focusTarget: { ':focus': { outlineStyle: 'none' } },
  stack: { display: 'grid', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  // the signing under way: set apart from the list of files beneath it
  signing: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    minWidth: 0,
  },
  // a replaced version: kept and readable, but plainly not the one in force
  replaced: {
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  cardTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  subTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  inline: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hash: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    wordBreak: 'break-all',
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '@media (max-width: 30rem)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: 0 },
  },
  factRow: { display: 'contents' },
  factTitle: { color: tokens.colorNeutralForeground3, margin: 0 },
  factValue: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  bullets: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  quote: {
    marginBlock: tokens.spacingVerticalXXS,
    marginInline: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-line',
  },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '36rem', minWidth: 0 },
  fileField: { display: 'grid', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  chosen: { minWidth: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  plain: { margin: 0 },
  fieldError: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  progress: { display: 'grid', gap: tokens.spacingVerticalXXS, maxWidth: '24rem' },
});

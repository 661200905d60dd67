/**
 * The look of the two inboxes (Beslut, Rekvisitioner) and their detail pages: panels, item cards,
 * fact lists and tables that reflow down to 320 px (Teams mobile) without sideways scrolling of
 * the page; wide tables scroll inside their own focusable region.
 */
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** a phone in Teams (320–480 px) */
const NARROW = '@media (max-width: 30rem)';

export const useInboxStyles = makeStyles({
  // a heading that takes focus after navigation (Title1 does not forward a ref)
  title: {
    ...typographyStyles.title1,
    display: 'block',
    margin: 0,
    // a long word ('Samverkansutbildning') must break rather than widen a phone's page
    overflowWrap: 'anywhere',
    ':focus': { outlineStyle: 'none' },
    // a long matter's title must not fill a phone's screen
    [NARROW]: { ...typographyStyles.title3 },
  },
  lead: { display: 'block', marginBlockEnd: tokens.spacingVerticalL, color: tokens.colorNeutralForeground2 },
  back: { display: 'inline-block', marginBlockEnd: tokens.spacingVerticalS },
  stack: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  section: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    overflowWrap: 'break-word',
    [NARROW]: { padding: tokens.spacingHorizontalM },
  },
  sectionTitle: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, marginBlock: '0 0.5rem' },
  subTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginBlock: '1rem 0.5rem' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  itemTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    // on a phone each fact's name goes above its value
    [NARROW]: { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: 0 },
  },
  factRow: { display: 'contents' },
  factTitle: {
    color: tokens.colorNeutralForeground3,
    margin: 0,
    [NARROW]: { fontSize: tokens.fontSizeBase200, marginBlockStart: tokens.spacingVerticalXS },
  },
  factValue: { margin: 0, minWidth: 0 },
  paragraph: { marginBlock: tokens.spacingVerticalS, whiteSpace: 'pre-line' },
  quote: {
    marginBlock: tokens.spacingVerticalXXS,
    marginInline: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-line',
  },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', width: '100%', fontVariantNumeric: 'tabular-nums' },
  th: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: { textAlign: 'start', fontWeight: tokens.fontWeightRegular },
  num: { textAlign: 'end', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', minWidth: 0 },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBlockEnd: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  twoColumns: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    alignItems: 'start',
  },
});

import { makeStyles, tokens } from '@fluentui/react-components';

/** below this width the table becomes one card per insats (Teams mobile, a narrow side panel) */
export const NARROW = '@media (max-width: 640px)';
const WIDE = '@media (min-width: 641px)';

export const useListStyles = makeStyles({
  title: { margin: 0 },
  lead: {
    display: 'block',
    marginBlock: `${tokens.spacingVerticalXS} ${tokens.spacingVerticalL}`,
    color: tokens.colorNeutralForeground2,
  },
  filters: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    // four fields side by side on a desktop, stacked on a phone
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    alignItems: 'end',
    padding: tokens.spacingHorizontalL,
    marginBlockEnd: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    border: 'none',
    minWidth: 0,
    marginInline: 0,
  },
  legend: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  dropdown: { minWidth: 0, width: '100%' },
  countRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    marginBlockEnd: tokens.spacingVerticalS,
  },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  // the table is for wide windows, the cards for narrow ones; the other is display: none, so a
  // screen reader meets exactly one of them
  tableWrap: { overflowX: 'auto', maxWidth: '100%', [NARROW]: { display: 'none' } },
  cards: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    [WIDE]: { display: 'none' },
  },
  table: { borderCollapse: 'collapse', width: '100%', fontVariantNumeric: 'tabular-nums' },
  caption: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  th: {
    textAlign: 'start',
    verticalAlign: 'bottom',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: { fontWeight: tokens.fontWeightRegular, textAlign: 'start' },
  num: { textAlign: 'end', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cardTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  cardFacts: {
    display: 'grid',
    // both columns may wrap: a long label must not squeeze an organisation's name to letters
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.4fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3, overflowWrap: 'break-word' },
    '& dd': { margin: 0, minWidth: 0, overflowWrap: 'break-word' },
  },
  empty: { padding: tokens.spacingHorizontalM },
});

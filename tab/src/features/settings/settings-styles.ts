import { makeStyles, tokens } from '@fluentui/react-components';

/** cards of one setting each; the quarters side by side where there is room, stacked at 320 px */
export const useSettingsStyles = makeStyles({
  lead: { display: 'block', marginBlockEnd: tokens.spacingVerticalL, color: tokens.colorNeutralForeground2 },
  form: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0, maxWidth: '56rem' },
  section: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    // the grid's gap spaces the paragraphs
    '& p': { margin: 0 },
  },
  sectionTitle: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  explain: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  errorText: { color: tokens.colorPaletteRedForeground1 },
  quarters: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 18rem), 1fr))',
  },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBlockEnd: tokens.spacingVerticalXS },
  pair: {
    display: 'grid',
    gap: tokens.spacingHorizontalS,
    gridTemplateColumns: 'minmax(0, 5rem) minmax(0, 1fr)',
    alignItems: 'start',
  },
  reminders: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  reminder: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, maxWidth: '24rem' },
  // level with the input, below its label, whether or not a message shows under it
  removeButton: { flexShrink: 0, marginBlockStart: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})` },
  single: { maxWidth: '16rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  problems: { margin: 0, paddingInlineStart: '1.25rem' },
});

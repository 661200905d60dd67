/**
 * Budget against invoiced per year as grouped bars. Its own chunk, loaded with React.lazy when the
 * page shows it: the chart library is the heaviest part of the tab. The budget table beside it
 * carries the same figures (its Totalt and Fakturerat rows) for screen readers and for anyone who
 * would rather read numbers.
 */
import { DataVizPalette, GroupedVerticalBarChart, getColorFromToken } from '@fluentui/react-charts';
import { useHostThemeKind } from '../../host/theme-context.ts';
import { formatKr } from '../../ui/format.ts';

export type BudgetChartProps = {
  readonly years: readonly number[];
  readonly budget: readonly number[];
  readonly invoiced: readonly number[];
  readonly labels: { readonly title: string; readonly budget: string; readonly invoiced: string };
};

/** `2 460 000` → `2,5 mn` on the axis: whole kronor do not fit beside a phone-sized chart */
function axisKr(value: number): string {
  if (Math.abs(value) >= 1_000_000) {
    return `${(value / 1_000_000).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} mn`;
  }
  if (Math.abs(value) >= 1_000) {
    return `${(value / 1_000).toLocaleString('sv-SE', { maximumFractionDigits: 0 })} tn`;
  }
  return value.toLocaleString('sv-SE');
}

export const BudgetChart = ({ years, budget, invoiced, labels }: BudgetChartProps) => {
  const dark = useHostThemeKind() === 'dark';
  const budgetColor = getColorFromToken(DataVizPalette.color1, dark);
  const invoicedColor = getColorFromToken(DataVizPalette.color2, dark);
  return (
    <GroupedVerticalBarChart
      margins={{ left: 56, right: 16, top: 24, bottom: 32 }}
      chartTitle={labels.title}
      culture="sv-SE"
      height={260}
      barWidth="auto"
      maxBarWidth={56}
      // the exact figures are in the table beside the chart; labels over grouped bars overlap
      hideLabels
      yAxisTickFormat={axisKr}
      data={years.map((year, index) => ({
        name: String(year),
        series: [
          {
            key: 'budget',
            data: budget[index] ?? 0,
            legend: labels.budget,
            color: budgetColor,
            yAxisCalloutData: formatKr(budget[index] ?? 0),
            xAxisCalloutData: `${labels.budget} ${year}`,
          },
          {
            key: 'fakturerat',
            data: invoiced[index] ?? 0,
            legend: labels.invoiced,
            color: invoicedColor,
            yAxisCalloutData: formatKr(invoiced[index] ?? 0),
            xAxisCalloutData: `${labels.invoiced} ${year}`,
          },
        ],
      }))}
    />
  );
};

/**
 * Granted against invoiced per year as grouped bars. Its own chunk (loaded when the overview
 * shows it): the chart library is the heaviest part of the tab. The table beside it carries the
 * same figures for screen readers and for anyone who would rather read numbers.
 */
import { DataVizPalette, GroupedVerticalBarChart, getColorFromToken } from '@fluentui/react-charts';
import { useHostThemeKind } from '../../host/theme-context.ts';
import { formatKr } from '../../ui/format.ts';

export type YearFigures = { readonly year: number; readonly granted: number; readonly invoiced: number };

export type GrantedInvoicedChartProps = {
  readonly years: readonly YearFigures[];
  readonly labels: { readonly title: string; readonly granted: string; readonly invoiced: string };
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

export const GrantedInvoicedChart = ({ years, labels }: GrantedInvoicedChartProps) => {
  const dark = useHostThemeKind() === 'dark';
  const grantedColor = getColorFromToken(DataVizPalette.color1, dark);
  const invoicedColor = getColorFromToken(DataVizPalette.color2, dark);
  return (
    <GroupedVerticalBarChart
      margins={{ left: 56, right: 16, top: 24, bottom: 32 }}
      chartTitle={labels.title}
      culture="sv-SE"
      height={260}
      barWidth="auto"
      yAxisTickFormat={axisKr}
      data={years.map((figures) => ({
        name: String(figures.year),
        series: [
          {
            key: 'beviljat',
            data: figures.granted,
            legend: labels.granted,
            color: grantedColor,
            yAxisCalloutData: formatKr(figures.granted),
            xAxisCalloutData: `${labels.granted} ${figures.year}`,
          },
          {
            key: 'fakturerat',
            data: figures.invoiced,
            legend: labels.invoiced,
            color: invoicedColor,
            yAxisCalloutData: formatKr(figures.invoiced),
            xAxisCalloutData: `${labels.invoiced} ${figures.year}`,
          },
        ],
      }))}
    />
  );
};

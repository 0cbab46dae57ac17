import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration, formatPercent } from '../i18n/format';
import type { CurvePoint } from '../logic/delivery-curve';

/**
 * The drawn delivery curve (Recharts). Loaded on demand: the chart library is most of the window's JavaScript and
 * only a chosen label shows it, so the first paint does not wait for it.
 */
function DeliveryCurvePlot({
  points,
  label,
  reducedMotion,
}: {
  readonly points: readonly CurvePoint[];
  readonly label: string;
  readonly reducedMotion: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // The same array while the points are the same: Recharts animates its lines again for every new one.
  const data = useMemo(() => [...points], [points]);
  return (
    <div className="curve__chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid className="curve__grid" strokeDasharray="3 3" />
          <XAxis
            dataKey="afterMs"
            type="number"
            domain={[0, 'dataMax']}
            tickFormatter={(value: number) => formatDuration(locale, value)}
            className="curve__axis"
          />
          <YAxis
            domain={[0, 1]}
            tickFormatter={(value: number) => formatPercent(locale, value)}
            width={48}
            className="curve__axis"
          />
          <Tooltip
            labelFormatter={(value) => formatDuration(locale, Number(value))}
            formatter={(value, name) => [formatPercent(locale, Number(value)), String(name)]}
          />
          <Line
            type="stepAfter"
            dataKey="finalShare"
            name={t('totals.curveFinal')}
            className="curve__final"
            stroke="var(--curve-final)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={!reducedMotion}
          />
          <Line
            type="stepAfter"
            dataKey="deliveredShare"
            name={t('totals.curveDelivered')}
            stroke="var(--curve-delivered)"
            strokeDasharray="5 3"
            strokeWidth={2}
            dot={false}
            isAnimationActive={!reducedMotion}
          />
        </LineChart>
      </ResponsiveContainer>
      <p className="curve__legend" aria-hidden="true">
        <span className="legend legend--final">{t('totals.curveFinal')}</span>
        <span className="legend legend--delivered">{t('totals.curveDelivered')}</span>
        <span className="muted">
          {t('totals.curveX')} → · {t('totals.curveY')} ↑
        </span>
      </p>
    </div>
  );
}

/** The plot, drawn again only when its points, label or motion change (the window re-renders every few seconds). */
export default memo(DeliveryCurvePlot);

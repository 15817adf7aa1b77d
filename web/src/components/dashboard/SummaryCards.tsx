import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined, StarFilled } from '@ant-design/icons';
import type { Statistics, StatsGroup } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { CLASS_ORDER, periodInText, share } from '../../lib/dashboard';
import { formatRate } from '../../lib/format';
import { STATUS_SWATCH, statusLabelKey } from '../../lib/status';
import { FigureLink } from './FigureLink';

type DivProps = React.HTMLAttributes<HTMLDivElement> & { [data: `data-${string}`]: string };

/** A small figure card of the second row: label (with a help tooltip), value, a line under it. */
function MiniCard({
  label,
  help,
  children,
  sub,
  valueProps,
  subProps,
}: {
  label: string;
  help?: string;
  children: React.ReactNode;
  sub?: React.ReactNode;
  valueProps?: DivProps;
  subProps?: DivProps;
}) {
  return (
    <Col xs={12} md={6}>
      <Card size="small" className="dash-mini">
        <div className="dash-card-label">
          {label}
          {help && (
            <>
              {' '}
              <Tooltip title={help}>
                <QuestionCircleOutlined aria-label={help} />
              </Tooltip>
            </>
          )}
        </div>
        <div className="dash-mini-value" {...valueProps}>
          {children}
        </div>
        {sub !== undefined && (
          <div className="dash-card-sub" {...subProps}>
            {sub}
          </div>
        )}
      </Card>
    </Col>
  );
}

/** Total, the four classes with counts and rates, completion, overdue rate, extended, cancelled. */
export function SummaryCards({ stats, period }: { stats: Statistics; period: string }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <section aria-labelledby="dash-summary-h" className="dash-section">
      {/* Says which period the figures are of: the warning lists below them are of every period. */}
      <h2 id="dash-summary-h" className="dash-summary-title">
        {t('dash.summary', { period: periodInText(period, lang) })}
      </h2>
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={24} lg={8} xl={4}>
          <Card size="small" className="dash-card dash-card-total">
            <div className="dash-card-label">{t('dash.total')}</div>
            <div className="dash-card-value">
              <FigureLink counts={stats} figure="total" label={t('dash.total')} />
            </div>
            <div className="dash-card-sub">{t('dash.totalHelp')}</div>
          </Card>
        </Col>
        {CLASS_ORDER.map((c) => {
          const sw = STATUS_SWATCH[c];
          return (
            <Col xs={12} sm={12} lg={8} xl={5} key={c}>
              <Card
                size="small"
                className={`dash-card dash-card-${c}`}
                style={{ borderLeft: `4px solid ${sw.solid}`, background: sw.background }}
              >
                <div className="dash-card-label" style={{ color: sw.color }}>
                  {t(statusLabelKey(c))}
                </div>
                <div className="dash-card-value">
                  <FigureLink counts={stats} figure={c} label={t(statusLabelKey(c))} style={{ color: sw.color }} />
                </div>
                <div className="dash-card-sub" data-rate={c}>
                  {t('dash.rateOfTotal', { rate: formatRate(share(stats[c], stats.total), lang) })}
                </div>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <MiniCard label={t('dash.completed')} sub={formatRate(stats.completion_rate, lang)} subProps={{ 'data-rate': 'completion' }}>
          <FigureLink counts={stats} figure="completed" padded label={t('dash.completed')} />/
          <FigureLink counts={stats} figure="total" padded label={t('dash.total')} />
        </MiniCard>
        <MiniCard
          label={t('dash.overdueRate')}
          help={t('dash.overdueRateHelp')}
          valueProps={{ 'data-rate': 'overdue_rate', style: { color: STATUS_SWATCH.overdue.color } }}
          sub={
            <>
              <FigureLink counts={stats} figure="overdue" padded label={t('status.overdue')} />/
              <FigureLink counts={stats} figure="total" padded label={t('dash.total')} />
            </>
          }
        >
          {formatRate(stats.overdue_rate, lang)}
        </MiniCard>
        <MiniCard label={t('dash.extended')} help={t('dash.extendedHelp')}>
          <FigureLink counts={stats} figure="extended" label={t('dash.extended')} />
        </MiniCard>
        <MiniCard label={t('dash.cancelled')} sub={t('dash.cancelledHelp')}>
          <FigureLink counts={stats} figure="cancelled" label={t('dash.cancelled')} />
        </MiniCard>
      </Row>
    </section>
  );
}

/** "02/02 nhiệm vụ trọng tâm hoàn thành": the key tasks (by_key "true"). */
export function KeyTasksCard({ stats }: { stats: Statistics }) {
  const t = useT();
  const [lang] = useLang();
  const key: StatsGroup | undefined = stats.by_key.find((g) => g.key === 'true');
  return (
    <Card
      size="small"
      className="dash-key"
      title={
        <span>
          <StarFilled style={{ color: '#ad6800', marginRight: 6 }} aria-hidden />
          {t('dash.keyTasks')}
        </span>
      }
    >
      {!key || key.total === 0 ? (
        <Typography.Text type="secondary">{t('dash.keyNone')}</Typography.Text>
      ) : (
        <div className="dash-key-lines">
          <p data-testid="key-completed">
            <strong>
              <FigureLink counts={key} figure="completed" padded label={t('dash.keyCompletedAria')} />/
              <FigureLink counts={key} figure="total" padded label={t('dash.keyTotalAria')} />
            </strong>{' '}
            {t('dash.keyCompleted')} ({formatRate(key.completion_rate, lang)})
          </p>
          <p>
            <strong>
              <FigureLink counts={key} figure="completed_on_time" padded label={t('dash.keyOnTimeAria')} />
            </strong>{' '}
            {t('dash.keyOnTime')};{' '}
            <strong>
              <FigureLink counts={key} figure="completed_late" padded label={t('dash.keyLateAria')} />
            </strong>{' '}
            {t('dash.keyLate')}
          </p>
          <p>
            <strong>
              <FigureLink counts={key} figure="in_progress" padded label={t('dash.keyInProgressAria')} />
            </strong>{' '}
            {t('dash.keyInProgress')};{' '}
            <strong style={{ color: STATUS_SWATCH.overdue.color }}>
              <FigureLink
                counts={key}
                figure="overdue"
                padded
                label={t('dash.keyOverdueAria')}
                style={{ color: STATUS_SWATCH.overdue.color }}
              />
            </strong>{' '}
            {t('dash.keyOverdue')}
          </p>
        </div>
      )}
    </Card>
  );
}

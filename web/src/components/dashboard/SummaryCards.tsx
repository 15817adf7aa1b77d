import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined, StarFilled } from '@ant-design/icons';
import type { Statistics, StatsGroup } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { CLASS_ORDER, share } from '../../lib/dashboard';
import { formatNumber, formatRate } from '../../lib/format';
import { STATUS_SWATCH, statusLabelKey } from '../../lib/status';
import { FigureLink } from './FigureLink';

/** Total, the four classes with counts and rates, completion, overdue rate, extended, cancelled. */
export function SummaryCards({ stats }: { stats: Statistics }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <section aria-labelledby="dash-summary-h" className="dash-section">
      <h2 id="dash-summary-h" className="sr-only">
        {t('dash.summary')}
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
        <Col xs={12} md={6}>
          <Card size="small" className="dash-mini">
            <div className="dash-card-label">{t('dash.completed')}</div>
            <div className="dash-mini-value">
              <FigureLink counts={stats} figure="completed" padded label={t('dash.completed')} />/
              <FigureLink counts={stats} figure="total" padded label={t('dash.total')} />
            </div>
            <div className="dash-card-sub" data-rate="completion">
              {formatRate(stats.completion_rate, lang)}
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" className="dash-mini">
            <div className="dash-card-label">
              {t('dash.overdueRate')}{' '}
              <Tooltip title={t('dash.overdueRateHelp')}>
                <QuestionCircleOutlined aria-label={t('dash.overdueRateHelp')} />
              </Tooltip>
            </div>
            <div className="dash-mini-value" data-rate="overdue_rate" style={{ color: STATUS_SWATCH.overdue.color }}>
              {formatRate(stats.overdue_rate, lang)}
            </div>
            <div className="dash-card-sub">
              <FigureLink counts={stats} figure="overdue" padded label={t('status.overdue')} />/
              <FigureLink counts={stats} figure="total" padded label={t('dash.total')} />
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" className="dash-mini">
            <div className="dash-card-label">
              {t('dash.extended')}{' '}
              <Tooltip title={t('dash.extendedHelp')}>
                <QuestionCircleOutlined aria-label={t('dash.extendedHelp')} />
              </Tooltip>
            </div>
            <div className="dash-mini-value" data-figure="extended">
              {formatNumber(stats.extended, lang)}
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" className="dash-mini">
            <div className="dash-card-label">{t('dash.cancelled')}</div>
            <div className="dash-mini-value">
              <FigureLink counts={stats} figure="cancelled" label={t('dash.cancelled')} />
            </div>
            <div className="dash-card-sub">{t('dash.cancelledHelp')}</div>
          </Card>
        </Col>
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

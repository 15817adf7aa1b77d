import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined, StarFilled } from '@ant-design/icons';
import type { ReportFigureCode, ReportFigures, Statistics } from '../../api/types';
import { useLang, useT, type MessageKey } from '../../i18n';
import { CLASS_ORDER, share } from '../../lib/dashboard';
import { formatRate } from '../../lib/format';
import { REPORT_COUNTS } from '../../lib/reportFigures';
import { STATUS_SWATCH, statusLabelKey } from '../../lib/status';
import { FigureLink, ReportFigureLink } from './FigureLink';

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

/**
 * Total, the four classes with counts and rates, completion, overdue rate, extended, cancelled:
 * with a report period, the report's cumulative figures (lũy kế), as of the last day it counts.
 */
export function SummaryCards({ stats, heading }: { stats: Statistics; heading: string }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <section aria-labelledby="dash-cumulative-h" className="dash-section">
      {/* Says which day the classes are counted to: the report's figures above are of the period. */}
      <h3 id="dash-cumulative-h" className="dash-summary-title">
        {heading}
      </h3>
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

type ReportGroup = { tasks_url: string; report_figures: ReportFigures };

/** The report's figures of a /stats object asked with report_period, if it has them. */
function withFigures<G extends { tasks_url: string; report_figures?: ReportFigures }>(g: G | undefined): (G & ReportGroup) | undefined {
  return g?.report_figures ? (g as G & ReportGroup) : undefined;
}

/** "x/y" of the due tasks, each number linked to its list. */
function DueCompleted({ group, doneLabel, dueLabel }: { group: ReportGroup; doneLabel: string; dueLabel: string }) {
  return (
    <strong className="nowrap">
      <ReportFigureLink group={group} figure="due_completed" padded label={doneLabel} />/
      <ReportFigureLink group={group} figure="due" padded label={dueLabel} />
    </strong>
  );
}

/** " (95,88%)": the share of the due tasks completed, when any is due. */
function dueShare(f: ReportFigures, lang: 'vi' | 'en'): string {
  return f.due > 0 ? ` (${formatRate(share(f.due_completed, f.due), lang)})` : '';
}

/**
 * The report's figures of the period, as the consolidated report states them: due tasks completed
 * "x/y" first, then every count, each a link to its tasks.
 */
export function ReportPeriodCard({ stats }: { stats: Statistics }) {
  const t = useT();
  const [lang] = useLang();
  const group = withFigures(stats);
  if (!group) return null;
  const f = group.report_figures;
  return (
    <Card size="small" className="dash-report" title={t('dash.report')}>
      <p className="dash-report-lead" data-testid="report-due-completed">
        <DueCompleted group={group} doneLabel={t('dash.reportDueCompletedAria')} dueLabel={t('dash.reportDueAria')} />{' '}
        {t('dash.reportDueCompleted')}
        {dueShare(f, lang)}
      </p>
      <dl className="dash-report-figures">
        {REPORT_COUNTS.map((c) => (
          <div key={c.figure}>
            <dt>{t(c.label)}</dt>
            <dd>
              <ReportFigureLink
                group={group}
                figure={c.figure}
                label={t(c.label)}
                style={c.figure === 'overdue' && f.overdue > 0 ? { color: STATUS_SWATCH.overdue.color } : undefined}
              />
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/**
 * "02/02 nhiệm vụ trọng tâm đã hoàn thành": the key tasks (by_key "true") as the report counts
 * them, due tasks completed over due tasks, then those overdue, ahead, ongoing and due next period.
 */
export function KeyTasksCard({ stats }: { stats: Statistics }) {
  const t = useT();
  const [lang] = useLang();
  const key = withFigures(stats.by_key.find((g) => g.key === 'true'));
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
            <DueCompleted group={key} doneLabel={t('dash.keyCompletedAria')} dueLabel={t('dash.keyDueAria')} /> {t('dash.keyCompleted')}
            {dueShare(key.report_figures, lang)}
          </p>
          <p>
            <KeyLine group={key} figure="overdue" text="dash.keyOverdue" aria="dash.keyOverdueAria" />;{' '}
            <KeyLine group={key} figure="completed_ahead" text="dash.keyAhead" aria="dash.keyAheadAria" />
          </p>
          <p>
            <KeyLine group={key} figure="ongoing" text="dash.keyOngoing" aria="dash.keyOngoingAria" />;{' '}
            <KeyLine group={key} figure="due_next_period" text="dash.keyNext" aria="dash.keyNextAria" />
          </p>
        </div>
      )}
    </Card>
  );
}

/** "03 quá hạn": a count of the key tasks' report figures, linked, and what it counts. */
function KeyLine({ group, figure, text, aria }: { group: ReportGroup; figure: ReportFigureCode; text: MessageKey; aria: MessageKey }) {
  const t = useT();
  const red = figure === 'overdue' && group.report_figures.overdue > 0 ? { color: STATUS_SWATCH.overdue.color } : undefined;
  return (
    <>
      <strong style={red}>
        <ReportFigureLink group={group} figure={figure} padded label={t(aria)} style={red} />
      </strong>{' '}
      {t(text)}
    </>
  );
}

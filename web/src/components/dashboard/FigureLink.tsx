import { Link } from 'react-router-dom';
import type { ReportFigureCode, ReportFigures, StatusCounts } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { figureLink, pad2, reportFigureLink, type Figure } from '../../lib/dashboard';
import { formatNumber } from '../../lib/format';

interface LinkProps {
  /** Write the number with two digits at least ("02"), as in report fractions. */
  padded?: boolean;
  /** What the number counts, for screen readers ("12 nhiệm vụ quá hạn"). */
  label?: string;
  className?: string;
  style?: React.CSSProperties;
}

interface Props extends LinkProps {
  counts: StatusCounts & { tasks_url: string };
  figure: Figure;
}

/** A linked number: the text as shown, and an accessible name that contains it. */
function NumberLink({ n, to, padded, label, className, style, data }: LinkProps & { n: number; to: string; data: Record<string, string> }) {
  const t = useT();
  const [lang] = useLang();
  const text = padded ? pad2(n) : formatNumber(n, lang);
  return (
    <Link
      to={to}
      className={['figure-link', className].filter(Boolean).join(' ')}
      style={style}
      // The number as shown ("02", "1.234"): the name a screen reader announces and a voice user
      // says contains the visible label (WCAG 2.5.3).
      aria-label={label ? t('dash.figureAria', { n: text, what: label }) : undefined}
      {...data}
    >
      {text}
    </Link>
  );
}

/** A figure of /stats, linked to the task list that has exactly that many tasks. */
export function FigureLink({ counts, figure, ...rest }: Props) {
  return <NumberLink n={counts[figure]} to={figureLink(counts.tasks_url, figure)} data={{ 'data-figure': figure }} {...rest} />;
}

interface ReportProps extends LinkProps {
  /** A /stats object asked with report_period: its list query and its report figures. */
  group: { tasks_url: string; report_figures: ReportFigures };
  figure: ReportFigureCode;
}

/** One of the report's figures of /stats, linked to the list of exactly its tasks (report_figure). */
export function ReportFigureLink({ group, figure, ...rest }: ReportProps) {
  return (
    <NumberLink
      n={group.report_figures[figure]}
      to={reportFigureLink(group.tasks_url, figure)}
      data={{ 'data-report-figure': figure }}
      {...rest}
    />
  );
}

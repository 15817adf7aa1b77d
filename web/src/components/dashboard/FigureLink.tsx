import { Link } from 'react-router-dom';
import type { StatusCounts } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { figureLink, pad2, type Figure } from '../../lib/dashboard';
import { formatNumber } from '../../lib/format';

interface Props {
  counts: StatusCounts & { tasks_url: string };
  figure: Figure;
  /** Write the number with two digits at least ("02"), as in report fractions. */
  padded?: boolean;
  /** What the number counts, for screen readers ("12 nhiệm vụ quá hạn"). */
  label?: string;
  className?: string;
  style?: React.CSSProperties;
}

/** A figure of /stats, linked to the task list that has exactly that many tasks. */
export function FigureLink({ counts, figure, padded, label, className, style }: Props) {
  const t = useT();
  const [lang] = useLang();
  const n = counts[figure];
  const text = padded ? pad2(n) : formatNumber(n, lang);
  return (
    <Link
      to={figureLink(counts.tasks_url, figure)}
      className={['figure-link', className].filter(Boolean).join(' ')}
      style={style}
      // The number as shown ("02", "1.234"): the name a screen reader announces and a voice user
      // says contains the visible label (WCAG 2.5.3).
      aria-label={label ? t('dash.figureAria', { n: text, what: label }) : undefined}
      data-figure={figure}
    >
      {text}
    </Link>
  );
}

// A source's imports from files, newest first: each opens its preview (a draft) or what it imported.
import { Link } from 'react-router-dom';
import { Tag, Typography } from 'antd';
import type { ImportSummary } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { formatNumber, formatTimestamp } from '../../lib/format';

export function ImportStatusTag({ status }: { status: ImportSummary['status'] }) {
  const t = useT();
  return <Tag color={status === 'confirmed' ? 'green' : 'orange'}>{t(`imp.status.${status}`)}</Tag>;
}

export function ImportList({ items }: { items: readonly ImportSummary[] }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <ul className="imp-list">
      {items.map((i) => (
        <li key={i.id} data-testid={`import-${i.id}`}>
          <Link to={`/imports/${i.id}`}>{i.file_name}</Link> <ImportStatusTag status={i.status} />
          <Typography.Text type="secondary" className="imp-list-meta">
            {i.status === 'confirmed'
              ? `${t('imp.list.tasks', { n: formatNumber(i.task_count, lang) })} · ${t('imp.list.confirmed', { time: formatTimestamp(i.confirmed_at) })}`
              : t('imp.list.uploaded', { time: formatTimestamp(i.created_at) })}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

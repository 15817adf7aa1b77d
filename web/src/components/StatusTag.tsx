import { Tag } from 'antd';
import type { TaskStatus, TaskWarning } from '../api/types';
import { useT } from '../i18n';
import { STATUS_SWATCH, WARNING_SWATCH, statusLabelKey, warningLabelKey } from '../lib/status';

export function StatusTag({ status }: { status: TaskStatus }) {
  const t = useT();
  const s = STATUS_SWATCH[status];
  return (
    <Tag className="status-tag" style={{ color: s.color, background: s.background, borderColor: s.border }}>
      {t(statusLabelKey(status))}
    </Tag>
  );
}

export function WarningTag({ warning }: { warning: TaskWarning }) {
  const t = useT();
  if (warning === 'none') return null;
  const s = WARNING_SWATCH[warning];
  return (
    <Tag className="status-tag" style={{ color: s.color, background: s.background, borderColor: s.border }}>
      {t(warningLabelKey(warning))}
    </Tag>
  );
}

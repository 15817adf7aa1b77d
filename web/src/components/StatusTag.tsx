// Status and warning labels. Plain spans styled like antd's Tag (see .status-tag in app.css): a
// list renders a hundred of them, and antd's Tag costs a style hook and a wave effect each.
import type { TaskStatus, TaskWarning } from '../api/types';
import { useT } from '../i18n';
import { STATUS_SWATCH, WARNING_SWATCH, statusLabelKey, warningLabelKey } from '../lib/status';

function Swatch({ swatch, text }: { swatch: { color: string; background: string; border: string }; text: string }) {
  return (
    <span className="status-tag" style={{ color: swatch.color, background: swatch.background, borderColor: swatch.border }}>
      {text}
    </span>
  );
}

export function StatusTag({ status }: { status: TaskStatus }) {
  const t = useT();
  return <Swatch swatch={STATUS_SWATCH[status]} text={t(statusLabelKey(status))} />;
}

export function WarningTag({ warning }: { warning: TaskWarning }) {
  const t = useT();
  if (warning === 'none') return null;
  return <Swatch swatch={WARNING_SWATCH[warning]} text={t(warningLabelKey(warning))} />;
}

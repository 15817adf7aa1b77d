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

function WarningTag({ warning }: { warning: TaskWarning }) {
  const t = useT();
  if (warning === 'none') return null;
  return <Swatch swatch={WARNING_SWATCH[warning]} text={t(warningLabelKey(warning))} />;
}

/**
 * The status, and the warning beside it unless it says the same thing (an overdue task is not
 * "Quá hạn" twice).
 */
export function StatusTags({ status, warning }: { status: TaskStatus; warning: TaskWarning }) {
  const t = useT();
  const repeats = warning !== 'none' && t(warningLabelKey(warning)) === t(statusLabelKey(status));
  return (
    <>
      <StatusTag status={status} />
      {!repeats && <WarningTag warning={warning} />}
    </>
  );
}

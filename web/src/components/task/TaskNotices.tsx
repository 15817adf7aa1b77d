// What needs attention first, each a banner of its own: the task was cancelled, an extension
// request or an explanation awaits.
import { Alert, Button } from 'antd';
import type { Explanation, Extension, Task } from '../../api/types';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { TaskAction } from '../TaskActionModal';
import { DecisionButtons } from './DecisionButtons';

export function CancelledBanner({ task }: { task: Task }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      message={t('detail.cancelledBanner', {
        kind: task.cancel_kind === 'withdrawn' ? t('detail.cancel.withdrawn').toLowerCase() : t('status.cancelled').toLowerCase(),
        date: formatDate(task.cancelled_on),
        reason: task.cancel_reason || '—',
      })}
    />
  );
}

/** `onAction` given: the user may decide on the request. */
export function PendingExtensionBanner({ extension, onAction }: { extension: Extension; onAction?: (action: TaskAction) => void }) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      message={t('detail.pendingExtension', { date: formatDate(extension.requested_deadline) })}
      description={extension.reason}
      action={onAction ? <DecisionButtons extensionId={extension.id} onAction={onAction} vertical /> : undefined}
    />
  );
}

/** `onAnswer` given: the user may answer it. */
export function OpenExplanationBanner({ explanation, onAnswer }: { explanation: Explanation; onAnswer?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      message={t('detail.openExplanation')}
      description={explanation.question}
      action={
        onAnswer ? (
          <Button size="small" className="no-print" onClick={onAnswer}>
            {t('detail.answer')}
          </Button>
        ) : undefined
      }
    />
  );
}

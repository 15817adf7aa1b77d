import { Button, Space } from 'antd';
import { useT } from '../../i18n';
import type { TaskAction } from '../TaskActionModal';

/** Approve or refuse the extension request `extensionId`. */
export function DecisionButtons({
  extensionId,
  onAction,
  vertical,
}: {
  extensionId: number;
  onAction: (action: TaskAction) => void;
  vertical?: boolean;
}) {
  const t = useT();
  const decide = (decision: 'approved' | 'refused') => onAction({ kind: 'decide', extensionId, decision });
  return (
    <Space direction={vertical ? 'vertical' : undefined} className="no-print">
      <Button size="small" type="primary" onClick={() => decide('approved')}>
        {t('detail.approve')}
      </Button>
      <Button size="small" danger onClick={() => decide('refused')}>
        {t('detail.refuse')}
      </Button>
    </Space>
  );
}

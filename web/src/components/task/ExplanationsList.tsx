import { Button, Empty, List, Tag, Typography } from 'antd';
import type { Explanation } from '../../api/types';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';

/** The explanations asked for and their answers; `onAnswer` given: an open one may be answered. */
export function ExplanationsList({ explanations, onAnswer }: { explanations: Explanation[]; onAnswer?: (id: number) => void }) {
  const t = useT();
  if (explanations.length === 0) return <Empty description={t('detail.noExplanations')} />;
  return (
    <List
      dataSource={explanations}
      renderItem={(e) => (
        <List.Item key={e.id}>
          <div style={{ width: '100%' }}>
            <Typography.Text strong>{t('detail.expl.question')}: </Typography.Text>
            <span className="pre-wrap">{e.question}</span>
            <div className="task-sub">{t('detail.expl.by', { name: e.requested_by.name, time: formatDate(e.requested_on) })}</div>
            <div style={{ marginTop: 8 }}>
              <Typography.Text strong>{t('detail.expl.answer')}: </Typography.Text>
              {e.answer !== null ? (
                <>
                  <span className="pre-wrap">{e.answer}</span>
                  <div className="task-sub">{t('detail.expl.by', { name: e.answered_by?.name ?? '', time: formatDate(e.answered_on) })}</div>
                </>
              ) : (
                <>
                  <Tag color="orange">{t('detail.expl.waiting')}</Tag>
                  {onAnswer && (
                    <Button size="small" className="no-print" onClick={() => onAnswer(e.id)}>
                      {t('detail.answer')}
                    </Button>
                  )}
                </>
              )}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}

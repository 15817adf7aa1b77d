import { useState, type ReactNode } from 'react';
import { Button, Form, Input, Popconfirm } from 'antd';
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { UnitReportActions } from '../../api/types';
import type { UnitReportStep } from '../../api/unitReports';
import { useT } from '../../i18n';
import { useSubmit, type Submission, type SubmitOptions } from '../../lib/useSubmit';
import { FormModal } from '../FormModal';

export interface StepInput {
  step: UnitReportStep;
  comment?: string;
}

interface Props {
  actions: UnitReportActions;
  /** Takes a step confirmed in a popover; its failure is shown by the page, above the report. */
  take: Submission<StepInput>;
  /** Takes a step and throws on failure: the return dialog stays open, its comment kept, and says why. */
  perform: (input: StepInput) => Promise<void>;
  /** How a failure of the return reads (a stale report, say). */
  failure: Pick<SubmitOptions, 'byStatus' | 'onError'>;
  /** The report's text has edits not saved yet: a submission saves them first, and its question says so. */
  unsaved?: boolean;
}

function ConfirmStep({ label, question, icon, onConfirm, busy, primary }: { label: string; question: string; icon: ReactNode; onConfirm: () => void; busy: boolean; primary?: boolean }) {
  const t = useT();
  return (
    <Popconfirm
      title={label}
      description={<div className="ur-confirm">{question}</div>}
      okText={label}
      cancelText={t('common.cancel')}
      onConfirm={onConfirm}
    >
      <Button type={primary ? 'primary' : 'default'} icon={icon} loading={busy}>
        {label}
      </Button>
    </Popconfirm>
  );
}

/** Asks why the report goes back; the comment is required. */
function ReturnDialog({ open, onClose, perform, failure }: { open: boolean; onClose: () => void } & Pick<Props, 'perform' | 'failure'>) {
  const t = useT();
  const [form] = Form.useForm<{ comment: string }>();
  const submission = useSubmit(
    async ({ comment }: { comment: string }) => {
      await perform({ step: 'return', comment: comment.trim() });
      onClose();
    },
    { form, ...failure },
  );
  return (
    <FormModal open={open} title={t('ur.returnTitle')} okText={t('ur.return')} danger form={form} submission={submission} onCancel={onClose}>
      <Form.Item
        name="comment"
        label={t('ur.returnCommentLabel')}
        rules={[{ required: true, whitespace: true, message: t('ur.returnCommentRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </FormModal>
  );
}

/** The steps the reader may take on the report now, and nothing else. */
export function ReportActions({ actions, take, perform, failure, unsaved = false }: Props) {
  const t = useT();
  const [returning, setReturning] = useState(false);
  return (
    <>
      {actions.submit && (
        <ConfirmStep primary label={t('ur.submit')} question={t(unsaved ? 'ur.submitConfirmUnsaved' : 'ur.submitConfirm')} icon={<SendOutlined />} busy={take.busy} onConfirm={() => void take.run({ step: 'submit' })} />
      )}
      {actions.return_report && (
        <Button danger icon={<RollbackOutlined />} disabled={take.busy} onClick={() => setReturning(true)}>
          {t('ur.return')}
        </Button>
      )}
      {actions.accept && (
        <ConfirmStep primary label={t('ur.accept')} question={t('ur.acceptConfirm')} icon={<CheckOutlined />} busy={take.busy} onConfirm={() => void take.run({ step: 'accept' })} />
      )}
      <ReturnDialog open={returning} onClose={() => setReturning(false)} perform={perform} failure={failure} />
    </>
  );
}

import type { ReactNode } from 'react';
import { Alert, Modal } from 'antd';
import { useT } from '../i18n';

export interface FormModalProps {
  open: boolean;
  title: ReactNode;
  okText: string;
  cancelText?: string;
  busy: boolean;
  /** Shown above the form (an error of the server, or "check the fields"). */
  error?: string | null;
  onCancel: () => void;
  onOk: () => unknown;
  children: ReactNode;
}

/** The dialog of the admin forms: OK/cancel, busy while saving, the error above the fields. */
export function FormModal({ open, title, okText, cancelText, busy, error, onCancel, onOk, children }: FormModalProps) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => void onOk()}
      okText={okText}
      cancelText={cancelText ?? t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      maskClosable={!busy}
    >
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      {children}
    </Modal>
  );
}

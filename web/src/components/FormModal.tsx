import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useT } from '../i18n';
import type { Submission } from '../lib/useSubmit';

/** How every dialog ends: closed with nothing done, or done with what it saved. */
export interface DialogProps<T> {
  onClose: () => void;
  onDone: (saved: T) => void;
}

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  okText: string;
  /** A red OK button: the action is hard or impossible to undo. */
  danger?: boolean;
  /** Nothing can be sent yet (what the form needs is missing). */
  okDisabled?: boolean;
  cancelText?: string;
  /** What the cancel button does when it is not closing (going back a step, say). */
  onCancelButton?: () => void;
  width?: number;
  form: FormInstance<V>;
  /** The values the form is reset to each time the dialog opens. */
  values?: Parameters<FormInstance<V>['setFieldsValue']>[0];
  /** Sent with the form's values once they pass its rules; its error is shown above the fields. */
  submission: Submission<V>;
  autoComplete?: FormProps['autoComplete'];
  /** Shown above the form, under the error. */
  intro?: ReactNode;
  onCancel: () => void;
  children: ReactNode;
}

/** The dialog of a form: OK checks and sends it, busy while saving, the error above the fields. */
export function FormModal<V>({
  open,
  title,
  okText,
  danger,
  okDisabled,
  cancelText,
  onCancelButton,
  width,
  form,
  values,
  submission,
  autoComplete,
  intro,
  onCancel,
  children,
}: FormModalProps<V>) {
  const t = useT();
  const { busy, error, setError, run } = submission;
  // Opening the dialog starts afresh: the values of the record at hand, no error of a past try.
  const startValues = useRef(values);
  startValues.current = values;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (startValues.current) form.setFieldsValue(startValues.current);
    setError(null);
  }, [open, form, setError]);

  const submit = async () => {
    let checked: V;
    try {
      checked = await form.validateFields();
    } catch {
      return; // the fields say what is wrong
    }
    await run(checked);
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => void submit()}
      okText={okText}
      okButtonProps={danger || okDisabled ? { danger, disabled: okDisabled } : undefined}
      cancelText={cancelText ?? t('common.cancel')}
      cancelButtonProps={onCancelButton ? { onClick: onCancelButton } : undefined}
      confirmLoading={busy}
      destroyOnHidden
      maskClosable={!busy}
      width={width}
    >
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      {intro}
      <Form form={form} layout="vertical" disabled={busy} autoComplete={autoComplete}>
        {children}
      </Form>
    </Modal>
  );
}

// The file of a work program, dropped or chosen, sent as it is; a file the server cannot read is
// refused with its reason and, where it has one, the place in the file (or the encoding of a text
// file not in UTF-8).
import { useState } from 'react';
import { Alert, Spin, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client';
import { IMPORT_MAX_BYTES, startImport } from '../../api/imports';
import type { Id, ImportPreview } from '../../api/types';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/formErrors';
import { failureDetail } from '../../lib/imports';

interface Failure {
  name: string;
  message: string;
  /** The server's detail, said as what it is: the place in the file, or the file's encoding. */
  detail: string;
}

// An .xls file is offered too: the server then says how to save it as .xlsx.
const ACCEPT = '.xlsx,.csv,.xls';

export function ImportUpload({ sourceId, onUploaded }: { sourceId: Id; onUploaded: (preview: ImportPreview) => void }) {
  const t = useT();
  const [sending, setSending] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const send = async (file: File) => {
    if (sending) return;
    setFailure(null);
    if (file.size > IMPORT_MAX_BYTES) {
      setFailure({ name: file.name, message: t('imp.upload.tooLarge'), detail: '' });
      return;
    }
    setSending(file.name);
    try {
      const preview = await startImport(sourceId, file);
      setSending(null);
      onUploaded(preview);
    } catch (e) {
      setSending(null);
      const detail = e instanceof ApiError ? failureDetail(t, e.code, e.detail) : '';
      setFailure({ name: file.name, message: errorMessage(e), detail });
    }
  };

  return (
    <div className="imp-upload">
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={sending !== null}
        beforeUpload={(file) => {
          void send(file);
          return Upload.LIST_IGNORE;
        }}
      >
        {sending !== null ? (
          <div role="status">
            <Spin />
            <p className="ant-upload-text">{t('imp.upload.busy', { name: sending })}</p>
          </div>
        ) : (
          <>
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('imp.upload.drop')}</p>
            <p className="ant-upload-hint">{t('imp.upload.hint')}</p>
          </>
        )}
      </Upload.Dragger>
      {failure && (
        <Alert
          className="imp-block"
          type="error"
          showIcon
          role="alert"
          message={t('imp.upload.refused', { name: failure.name })}
          description={
            <>
              <div>{failure.message}</div>
              {failure.detail && <div>{failure.detail}</div>}
            </>
          }
        />
      )}
    </div>
  );
}

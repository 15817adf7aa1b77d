import { Alert, Button } from 'antd';
import { useT } from '../i18n';
import { errorMessage } from '../lib/formErrors';
import type { Load } from '../lib/useLoad';

/** A server refusal or failure as a readable message, with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={t('common.errorTitle')}
      description={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** The failure of a load, above what it would have filled (a table, say), with a retry. */
export function LoadErrorAlert({ load }: { load: Pick<Load<unknown>, 'error' | 'reload'> }) {
  if (!load.error) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      <ErrorAlert error={load.error} onRetry={load.reload} />
    </div>
  );
}

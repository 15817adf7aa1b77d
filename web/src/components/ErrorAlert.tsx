import { Alert, Button } from 'antd';
import { useT } from '../i18n';
import { errorMessage } from '../lib/formErrors';

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

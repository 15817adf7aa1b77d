import { Spin } from 'antd';
import { useT } from '../i18n';

/** The progress indicator shown while a page or its data loads. */
export function PageSpinner({ tip }: { tip?: string }) {
  const t = useT();
  return (
    <div className="page-spinner" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="page-spinner-text">{tip ?? t('app.loading')}</span>
    </div>
  );
}

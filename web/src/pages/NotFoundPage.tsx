import { NotFoundResult } from '../components/NotFoundResult';
import { useT } from '../i18n';

export default function NotFoundPage() {
  const t = useT();
  return <NotFoundResult title="404" subTitle={t('app.notFound')} backTo="/" backText={t('app.backHome')} />;
}

import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useT } from '../i18n';

/** Prints the page (the print style sheets leave out menus and buttons). */
export function PrintButton() {
  const t = useT();
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
      {t('detail.print')}
    </Button>
  );
}

import { Drawer } from 'antd';
import { useT } from '../i18n';
import { SideMenu } from './SideMenu';

/** The side menu as a drawer on narrow screens (its own chunk: desktops never load it). */
export default function MobileNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer placement="left" open={open} onClose={onClose} width={260} title={t('app.title')} styles={{ body: { padding: 0 } }}>
      <SideMenu onNavigate={onClose} />
    </Drawer>
  );
}

import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { I18nProvider } from '../i18n';

export function Providers({ children, route = '/' }: { children: ReactNode; route?: string }) {
  return (
    <I18nProvider lang="vi">
      <ConfigProvider locale={viVN}>
        <AntApp>
          <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>
  );
}

export function renderWithProviders(ui: ReactElement, route = '/') {
  return render(<Providers route={route}>{ui}</Providers>);
}

import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { StyleProvider } from '@ant-design/cssinjs';
import { App as AntApp, ConfigProvider } from 'antd';
import { antdViDays, I18nProvider } from '../i18n';

/**
 * antd's providers as the app sets them up, made cheap for jsdom.
 *
 * antd's CSS-in-JS inserts about 2,000 rules into the document. jsdom's getComputedStyle matches
 * every rule against the element and each of its ancestors, and Testing Library's role queries,
 * antd's form items and auto-sized text areas call it all the time: one call took 0.1 to 1 s, which
 * made a form test take 5 to 10 s. The styles are still generated (a broken style function still
 * fails a test) but, as on a server, not inserted. The click wave is off: it reads computed styles
 * on every click. (Animations need no switch: jsdom has no transition events, so antd skips them.)
 */
export function AntdTestProviders({ children }: { children: ReactNode }) {
  return (
    <StyleProvider mock="server">
      <ConfigProvider locale={antdViDays} wave={{ disabled: true }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </StyleProvider>
  );
}

export function Providers({ children, route = '/' }: { children: ReactNode; route?: string }) {
  return (
    <I18nProvider lang="vi">
      <AntdTestProviders>
        <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
      </AntdTestProviders>
    </I18nProvider>
  );
}

export function renderWithProviders(ui: ReactElement, route = '/') {
  return render(<Providers route={route}>{ui}</Providers>);
}

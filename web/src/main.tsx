import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Grid } from 'antd';
import App from './App';
import { AuthProvider } from './auth/AuthProvider';
import { setApiLanguage } from './api/client';
import { I18nProvider, initialLang, loadLanguage, useAntdLocale } from './i18n';
import { keepAriaRequiredOnCombobox } from './lib/selectAria';
import { startEarlyRequests } from './lib/startup';
import { theme } from './theme';
import './styles/app.css';
import './styles/print.css';

// Toasts open below the header (60 px), and on phones below the user's line under it, so that
// the name of the signed-in user stays readable (see AppLayout).
const MESSAGE_TOP = 72;
const MESSAGE_TOP_COMPACT = 120;

function Localized({ children }: { children: ReactNode }) {
  const locale = useAntdLocale();
  const compact = Grid.useBreakpoint().md === false;
  const message = useMemo(() => ({ top: compact ? MESSAGE_TOP_COMPACT : MESSAGE_TOP }), [compact]);
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp message={message}>{children}</AntApp>
    </ConfigProvider>
  );
}

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <Localized>
          <BrowserRouter>
            <AuthProvider>
              <App />
            </AuthProvider>
          </BrowserRouter>
        </Localized>
      </I18nProvider>
    </StrictMode>,
  );
}

// The session, and on "/" the dashboard's chunk and figures, are asked for now, in parallel with
// the first render (lib/startup).
setApiLanguage(initialLang());
keepAriaRequiredOnCombobox();
startEarlyRequests(() => import('./pages/DashboardPage'));

// An English user waits for the English catalogue (its own chunk) before the first paint.
loadLanguage(initialLang()).finally(render);

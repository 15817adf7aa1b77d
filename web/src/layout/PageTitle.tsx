import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n';

interface PageTitleValue {
  title: string | null;
  setTitle: (t: string | null) => void;
}

const Ctx = createContext<PageTitleValue>({ title: null, setTitle: () => {} });

export function PageTitleProvider({ children }: { children: ReactNode }) {
  const [title, setTitle] = useState<string | null>(null);
  return <Ctx.Provider value={{ title, setTitle }}>{children}</Ctx.Provider>;
}

/** Sets the document title and the last breadcrumb for the current page. */
export function usePageTitle(title: string | null | undefined) {
  const { setTitle } = useContext(Ctx);
  const t = useT();
  useEffect(() => {
    setTitle(title ?? null);
    document.title = title ? `${title} – ${t('app.name')}` : `${t('app.name')} – ${t('app.title')}`;
    return () => setTitle(null);
  }, [title, setTitle, t]);
}

export function useCurrentPageTitle(): string | null {
  return useContext(Ctx).title;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { Locale as AntdLocale } from 'antd/es/locale';
// The ES module build: `antd/locale/*` is CommonJS, whose default import under "type": "module"
// is the module object, not the locale (antd then silently falls back to English).
import antdVi from 'antd/es/locale/vi_VN';
import { setApiLanguage, type Lang } from '../api/client';
import vi, { type MessageKey } from './vi';

export type { MessageKey, Lang };
export type Params = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: Params) => string;

// Vietnamese is in the first-page bundle; English (messages and antd locale) is its own chunk,
// loaded when the user picks it.
const catalogues: Partial<Record<Lang, Record<MessageKey, string>>> = { vi };
// antd's Vietnamese date picker asks for a "thời điểm" (a point in time); the app's pick a day.
export const antdViDays: AntdLocale = {
  ...antdVi,
  DatePicker: antdVi.DatePicker && {
    ...antdVi.DatePicker,
    lang: { ...antdVi.DatePicker.lang, placeholder: vi['common.pickDate'] },
  },
};
const antdLocales: Partial<Record<Lang, AntdLocale>> = { vi: antdViDays };
const STORAGE_KEY = 'giaoban.lang';

/** Loads a language's catalogue and antd locale (once). */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (catalogues[lang]) return;
  if (lang === 'en') {
    const [messages, antd] = await Promise.all([import('./en'), import('antd/es/locale/en_US')]);
    catalogues.en = messages.default;
    antdLocales.en = antd.default;
  }
}

export function isLoaded(lang: Lang): boolean {
  return !!catalogues[lang];
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = catalogues[lang]?.[key] ?? vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'vi') return saved;
  } catch {
    /* storage unavailable */
  }
  return 'vi';
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue>({
  lang: 'vi',
  setLang: () => {},
  t: (key, params) => translate('vi', key, params),
});

function apply(lang: Lang) {
  setApiLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'vi');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function I18nProvider({ children, lang: forced }: { children: ReactNode; lang?: Lang }) {
  // A language whose catalogue is not loaded yet shows Vietnamese until it arrives.
  const [lang, setLangState] = useState<Lang>(() => {
    const wanted = forced ?? initialLang();
    const l = isLoaded(wanted) ? wanted : 'vi';
    apply(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
    loadLanguage(l)
      .then(() => {
        apply(l);
        setLangState(l);
      })
      .catch((e: unknown) => console.warn('language not loaded', e));
  }, []);
  useEffect(() => {
    const wanted = forced ?? initialLang();
    if (wanted !== lang) setLang(wanted);
    // only on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => apply(lang), [lang]);
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): TFunction {
  return useContext(I18nContext).t;
}

export function useLang(): [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useContext(I18nContext);
  return [lang, setLang];
}

/** antd's locale for the current language. */
export function useAntdLocale(): AntdLocale {
  const { lang } = useContext(I18nContext);
  return antdLocales[lang] ?? antdViDays;
}

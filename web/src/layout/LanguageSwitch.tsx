import { Radio } from 'antd';
import { useLang, useT } from '../i18n';

/** Vietnamese or English; `short`: "VI"/"EN" where there is little room. */
export function LanguageSwitch({ short }: { short: boolean }) {
  const t = useT();
  const [lang, setLang] = useLang();
  return (
    <Radio.Group
      size="small"
      optionType="button"
      aria-label={t('app.lang')}
      value={lang}
      onChange={(e) => setLang(e.target.value as 'vi' | 'en')}
      options={[
        { label: short ? 'VI' : 'Tiếng Việt', value: 'vi', title: t('app.lang.vi') },
        { label: short ? 'EN' : 'English', value: 'en', title: t('app.lang.en') },
      ]}
    />
  );
}

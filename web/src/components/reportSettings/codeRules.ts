import type { FormRule } from 'antd';
import type { TFunction } from '../../i18n';
import { requiredText } from '../../lib/formRules';
import { capitals, CODE_MAX_BYTES, DOCUMENT_CODE } from './settingsValues';

const utf8 = new TextEncoder();

/** A code in document numbers (SGTVT, BC), judged in the capitals it is saved in. */
export function codeRules(t: TFunction, label: string): FormRule[] {
  return [
    requiredText(t, label),
    {
      validator: async (_, value: unknown) => {
        const code = capitals(String(value ?? ''));
        if (!code) return;
        if (!DOCUMENT_CODE.test(code)) throw new Error(t('rs.codeInvalid'));
        if (utf8.encode(code).length > CODE_MAX_BYTES) throw new Error(t('rs.codeTooLong'));
      },
    },
  ];
}

import type { FormRule } from 'antd';
import type { TFunction } from '../../i18n';
import { maxUtf8Bytes, requiredText } from '../../lib/formRules';
import { capitals, CODE_MAX_BYTES, DOCUMENT_CODE } from './settingsValues';

/** A code in document numbers (SGTVT, BC), judged in the capitals it is saved in. */
export function codeRules(t: TFunction, label: string): FormRule[] {
  return [
    requiredText(t, label),
    {
      validator: async (_, value: unknown) => {
        const code = capitals(String(value ?? ''));
        if (code && !DOCUMENT_CODE.test(code)) throw new Error(t('rs.codeInvalid'));
      },
    },
    maxUtf8Bytes(CODE_MAX_BYTES, t('rs.codeTooLong')),
  ];
}

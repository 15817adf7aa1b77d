import type { FormRule } from 'antd';
import type { TFunction } from '../../i18n';
import { maxUtf8Bytes, requiredText } from '../../lib/formRules';
import { capitals, CODE_MAX_BYTES, DOCUMENT_CODE, TYPE_CODE } from './settingsValues';

/**
 * A code in document numbers: the agency's (SGTVT), judged in the capitals it is saved in, or a
 * document type's (BC, CTr), saved as typed.
 */
export function codeRules(t: TFunction, label: string, kind: 'agency' | 'type' = 'agency'): FormRule[] {
  return [
    requiredText(t, label),
    {
      validator: async (_, value: unknown) => {
        const code = kind === 'agency' ? capitals(String(value ?? '')) : String(value ?? '').trim();
        if (code && !(kind === 'agency' ? DOCUMENT_CODE : TYPE_CODE).test(code)) throw new Error(t('rs.codeInvalid'));
      },
    },
    maxUtf8Bytes(CODE_MAX_BYTES, t('rs.codeTooLong')),
  ];
}

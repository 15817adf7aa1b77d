// The rules of required fields, worded the same way in every form.
import type { FormRule } from 'antd';
import type { TFunction } from '../i18n';

/** A text that must not be empty (nor only spaces): "Vui lòng nhập {field}". */
export function requiredText(t: TFunction, label: string): FormRule {
  return { required: true, whitespace: true, message: t('form.required', { field: label.toLowerCase() }) };
}

/** A choice that must be made: "Vui lòng chọn {field}". */
export function requiredChoice(t: TFunction, label: string): FormRule {
  return { required: true, message: t('form.requiredSelect', { field: label.toLowerCase() }) };
}

const utf8 = new TextEncoder();

/**
 * A text the server limits to `max` bytes of UTF-8, as it counts: a Vietnamese text reaches the
 * limit well before `max` letters, so `maxLength` alone would let the server refuse it.
 */
export function maxUtf8Bytes(max: number, message: string): FormRule {
  return {
    validator: async (_, value: unknown) => {
      if (typeof value === 'string' && utf8.encode(value.trim()).length > max) throw new Error(message);
    },
  };
}

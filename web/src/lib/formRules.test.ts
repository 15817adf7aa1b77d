import type { RuleObject } from 'antd/es/form';
import { describe, expect, it } from 'vitest';
import { maxUtf8Bytes } from './formRules';

const check = (value: unknown) => {
  const rule = maxUtf8Bytes(10, 'quá dài') as RuleObject;
  return rule.validator?.(rule, value, () => {});
};

describe('maxUtf8Bytes', () => {
  it('counts a text in bytes of UTF-8, as the server does, after trimming it', async () => {
    await expect(check('ABCDEFGHIJ')).resolves.toBeUndefined();
    await expect(check('  ABCDEFGHIJ  ')).resolves.toBeUndefined();
    // Four letters, but each "Ở" takes three bytes.
    await expect(check('ỞỞỞỞ')).rejects.toThrow('quá dài');
    await expect(check(undefined)).resolves.toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import vi from './vi';
import en from './en';
import { loadLanguage, translate } from './index';

describe('message catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });
  it('have no empty messages and keep the same placeholders', () => {
    for (const [k, v] of Object.entries(vi)) {
      expect(v, k).not.toBe('');
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(en[k as keyof typeof en]), k).toEqual(ph(v));
    }
  });
  it('interpolates parameters', async () => {
    await loadLanguage('en');
    expect(translate('vi', 'list.total', { total: '1.234' })).toBe('Tổng số: 1.234 nhiệm vụ');
    expect(translate('en', 'list.total', { total: '1,234' })).toBe('1,234 tasks');
  });
});

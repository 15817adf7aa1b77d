import { describe, expect, it } from 'vitest';
import { changedTexts } from './changes';

describe('changedTexts', () => {
  const org = { name: 'Phòng Kế hoạch – Tài chính', code: 'KHTC', place_name: '' };

  it('keeps only the fields whose trimmed text differs', () => {
    expect(changedTexts(org, { name: ' Phòng Kế hoạch – Tài chính ', code: 'KH-TC', place_name: '' }, ['name', 'code', 'place_name'])).toEqual({
      code: 'KH-TC',
    });
  });

  it('takes a field left empty in the form as cleared', () => {
    expect(changedTexts({ ...org, place_name: 'Hà Nội' }, { name: org.name, code: org.code }, ['name', 'code', 'place_name'])).toEqual({
      place_name: '',
    });
  });

  it('looks only at the keys it is given', () => {
    const form = { name: 'Khác', code: 'KHAC' };
    expect(changedTexts(org, form, ['code'])).toEqual({ code: 'KHAC' });
  });
});

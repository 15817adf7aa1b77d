import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { getApiLanguage } from '../api/client';
import { I18nProvider, useLang, useT } from './index';

function Probe() {
  const t = useT();
  const [lang, setLang] = useLang();
  return (
    <div>
      <span>{t('nav.tasks')}</span>
      <button onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>switch</button>
    </div>
  );
}

describe('I18nProvider', () => {
  it('switches to English after loading its catalogue, and tells the API client', async () => {
    window.localStorage.removeItem('giaoban.lang');
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('Nhiệm vụ')).toBeInTheDocument();
    expect(getApiLanguage()).toBe('vi');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'switch' }));
    });
    expect(await screen.findByText('Tasks')).toBeInTheDocument();
    expect(getApiLanguage()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('giaoban.lang')).toBe('en');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'switch' }));
    });
    expect(await screen.findByText('Nhiệm vụ')).toBeInTheDocument();
    expect(getApiLanguage()).toBe('vi');
  });
});

import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { fixedMediaQuery } from './media';

// The test files share one worker, one jsdom window and the loaded libraries (isolate: false in
// vite.config.ts): starting a process, a window and antd for each file cost more than the tests.
// This file runs again before each test file and gives it what isolation would: the app's own
// modules afresh (their caches, the CSRF token, the language), an empty document and storage.
vi.resetModules();
vi.useRealTimers();
document.body.innerHTML = '';
// Styles a file inserted (antd rendered outside the test providers) would slow every role query
// of the files after it: see src/test/render.tsx.
document.head.querySelectorAll('style').forEach((style) => style.remove());
document.title = '';
document.documentElement.removeAttribute('lang');
window.localStorage.clear();
window.sessionStorage.clear();
window.history.replaceState(null, '', '/');

// Waiting is for a condition, never for a time: this only bounds how long a failing wait takes,
// and leaves room for a busy machine.
configure({ asyncUtilTimeout: 30_000 });

afterEach(() => cleanup());

// antd relies on these browser APIs, which jsdom lacks.
if (!window.matchMedia) {
  window.matchMedia = fixedMediaQuery(false);
}
if (!('ResizeObserver' in window)) {
  class RO {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = RO;
}

// jsdom has no pseudo-element styles and reports each request for one as an error; antd asks for
// the scrollbar's. The element's own style is what such callers fall back to anyway.
const plainStyle = Symbol.for('giaoban.test.plainGetComputedStyle');
type Patched = typeof window.getComputedStyle & { [plainStyle]?: true };
if (!(window.getComputedStyle as Patched)[plainStyle]) {
  const realGetComputedStyle = window.getComputedStyle.bind(window);
  const withoutPseudo: Patched = (elt: Element) => realGetComputedStyle(elt);
  withoutPseudo[plainStyle] = true;
  window.getComputedStyle = withoutPseudo;
}

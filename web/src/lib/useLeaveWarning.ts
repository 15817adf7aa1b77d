import { useEffect } from 'react';

/**
 * While `active` (text typed and not saved, say), the browser asks before the page is closed,
 * reloaded or left for another site. The app's own links are not covered: the app's router
 * (BrowserRouter) cannot hold a navigation back.
 */
export function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when a value is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * The scrolling box of a wide table (a region the keyboard can scroll). When the table is wider
 * than the box, as on a phone, a line above it says that more columns are to the side: without
 * it nothing showed that the figures went on.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);

  useEffect(() => {
    const node = box.current;
    if (!node) return;
    const check = () => setWide(node.scrollWidth > node.clientWidth + 1);
    const ro = new ResizeObserver(check);
    ro.observe(node);
    if (node.firstElementChild) ro.observe(node.firstElementChild);
    check();
    return () => ro.disconnect();
  }, []);

  return (
    <>
      {wide && (
        <p className="gb-scroll-hint" aria-hidden="true">
          {t('common.scrollSideways')}
        </p>
      )}
      <div ref={box} className="gb-table-wrap" tabIndex={0} role="region" aria-label={label}>
        {children}
      </div>
    </>
  );
}

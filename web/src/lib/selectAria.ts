// antd 5's Select and TreeSelect (rc-select) hand their aria-* props both to the combobox <input>
// and to their outer <div>. So the aria-required="true" that Form.Item gives a required field also
// lands on a <div> without a role, where ARIA does not allow it (ant-design#46030; antd 6 puts it
// on the combobox only, and this module can go with the upgrade). The combobox keeps it and still
// announces the field as required; this takes it off the outer <div> whenever it appears there.

const OUTER_WITH_REQUIRED = '.ant-select:not([role])[aria-required]';

function strip(el: Element): void {
  el.removeAttribute('aria-required');
}

/** Watches `root` (modals render into document.body) from now on; returns the stop function. */
export function keepAriaRequiredOnCombobox(root: HTMLElement = document.body): () => void {
  root.querySelectorAll(OUTER_WITH_REQUIRED).forEach(strip);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        const el = record.target as Element;
        if (el.matches(OUTER_WITH_REQUIRED)) strip(el);
        continue;
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(OUTER_WITH_REQUIRED)) strip(node);
        node.querySelectorAll(OUTER_WITH_REQUIRED).forEach(strip);
      }
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributeFilter: ['aria-required'] });
  return () => observer.disconnect();
}

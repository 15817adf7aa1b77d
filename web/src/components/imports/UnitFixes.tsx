// Names of units the file writes that match no unit of the agency, in two groups: those some row
// names as its lead, which keep those rows from importing until a unit is picked (the likeliest
// first; every row naming it follows), and those only cooperating, most likely bodies outside the
// agency, kept with the row as written: a unit is picked for them only if one is the agency's.
// Units already chosen can be changed or cleared; clearing one the agency remembers from an earlier
// import makes it forget that pick on confirmation, which is said beside them.
import { useId, useMemo } from 'react';
import { Button, Select, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { Id, ImportChoicesUpdate, ImportPreview, ImportRef, Organization } from '../../api/types';
import type { MessageKey } from '../../i18n';
import { useLang, useT } from '../../i18n';
import { labelFilter, formatNumber } from '../../lib/format';
import { writtenName } from '../../lib/imports';
import { taskUnitTree, type OrgPickNode } from '../../lib/orgPicker';

interface Option {
  value: Id;
  label: string;
}

function flatten(nodes: OrgPickNode[], out: Option[] = []): Option[] {
  for (const n of nodes) {
    out.push({ value: n.value, label: n.title });
    if (n.children) flatten(n.children, out);
  }
  return out;
}

type Unmatched = ImportPreview['unmatched_units'][number];

interface Props {
  preview: ImportPreview;
  organizations: Organization[];
  agencyId: Id;
  editable: boolean;
  busy: boolean;
  onChoose: (choices: ImportChoicesUpdate) => void;
}

export function UnitFixes({ preview, organizations, agencyId, editable, busy, onChoose }: Props) {
  const t = useT();
  const [lang] = useLang();
  const ids = useId();
  // The units a task may name as its lead or cooperators, in the tree's order.
  const units = useMemo(() => flatten(taskUnitTree(organizations, agencyId)), [organizations, agencyId]);
  const choose = (written: string, organizationId: Id | null) =>
    onChoose({ unit_fixes: [{ written, organization_id: organizationId }] });

  /** The suggestions first, then every other unit (the one chosen among them, even if closed since). */
  const optionsFor = (suggestions: readonly ImportRef[], current?: ImportRef) => {
    const suggested = new Set(suggestions.map((s) => s.id));
    const groups = [];
    if (suggestions.length) {
      groups.push({ label: t('imp.units.suggested'), options: suggestions.map((s) => ({ value: s.id, label: s.name })) });
    }
    const others = units.filter((u) => !suggested.has(u.value));
    if (current && !others.some((u) => u.value === current.id)) others.unshift({ value: current.id, label: current.name });
    groups.push({ label: t('imp.units.all'), options: others });
    return groups;
  };

  const picker = (name: string, written: string, suggestions: readonly ImportRef[], current?: ImportRef, optional = false) => (
    <Select<Id>
      className="imp-unit-select"
      showSearch
      placeholder={t(optional ? 'imp.units.pickOptional' : 'imp.units.pick')}
      aria-label={t('imp.units.aria', { name })}
      value={current?.id}
      options={optionsFor(suggestions, current)}
      filterOption={labelFilter}
      disabled={!editable || busy}
      onChange={(id) => choose(written, id)}
    />
  );

  /** A lead name: the rows waiting for it, and those naming it only as cooperating; else its rows. */
  const rowsText = (u: Unmatched) => {
    if (u.lead_rows === 0) return t('imp.units.rows', { n: formatNumber(u.rows, lang) });
    const waiting = t('imp.units.leadRows', { n: formatNumber(u.lead_rows, lang) });
    if (u.rows === u.lead_rows) return waiting;
    return `${waiting}, ${t('imp.units.alsoCooperating', { n: formatNumber(u.rows - u.lead_rows, lang) })}`;
  };

  /** One group of names: its heading, what to do with them, and each name with its rows. */
  const group = (key: 'leads' | 'outside', names: Unmatched[], help: MessageKey) => (
    <section className="imp-unit-group" aria-labelledby={`${ids}-${key}`} data-testid={`unit-group-${key}`}>
      <h3 className="imp-subheading" id={`${ids}-${key}`}>
        {t(`imp.units.${key}`)}
      </h3>
      <Typography.Paragraph type="secondary" className="imp-help">
        {t(help)}
      </Typography.Paragraph>
      <ul className="imp-units">
        {names.map((u) => (
          <li key={u.written} className="imp-unit" data-testid="unmatched-unit">
            <div className="imp-unit-name">
              <span className={key === 'leads' ? 'imp-unknown' : 'imp-outside'}>“{u.written}”</span>{' '}
              <Typography.Text type="secondary">{rowsText(u)}</Typography.Text>
            </div>
            {editable && picker(u.written, u.written, u.suggestions, undefined, key === 'outside')}
          </li>
        ))}
      </ul>
    </section>
  );

  const leads = preview.unmatched_units.filter((u) => u.lead_rows > 0);
  // Confirmed, or not the user's to change, the names only cooperating are what the import keeps as written.
  const outside = preview.unmatched_units.filter((u) => u.lead_rows === 0);
  const fixed = preview.choices.unit_fixes;
  return (
    <>
      {leads.length > 0 && group('leads', leads, editable ? 'imp.units.leads.help' : 'imp.units.leads.waiting')}
      {outside.length > 0 && group('outside', outside, editable ? 'imp.units.outside.help' : 'imp.units.outside.kept')}
      {fixed.length > 0 && (
        <section aria-label={t('imp.units.fixed')}>
          {/* Below the names still to choose for; alone, they are what the card's title says. */}
          {preview.unmatched_units.length > 0 && <h3 className="imp-subheading">{t('imp.units.fixed')}</h3>}
          {editable && fixed.some((f) => f.remembered) && (
            <Typography.Paragraph type="secondary" className="imp-help">
              {t('imp.units.remembered.clear')}
            </Typography.Paragraph>
          )}
          <ul className="imp-units">
            {fixed.map((f) => {
              const name = writtenName(f.name, preview.rows.items);
              return (
                <li key={f.name} className="imp-unit" data-testid="fixed-unit">
                  <div className="imp-unit-name">
                    “{name}”
                    {f.remembered && (
                      <Typography.Text type="secondary" className="imp-unit-remembered">
                        {' '}
                        {t('imp.units.remembered')}
                      </Typography.Text>
                    )}
                  </div>
                  <div className="imp-unit-choice">
                    {editable ? picker(name, f.name, [], f.organization) : <span>{f.organization.name}</span>}
                    {editable && (
                      <Button
                        icon={<CloseOutlined aria-hidden />}
                        aria-label={t('imp.units.clearAria', { name })}
                        disabled={busy}
                        onClick={() => choose(f.name, null)}
                      >
                        {t('imp.units.clear')}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}

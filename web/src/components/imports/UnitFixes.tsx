// Names of units the file writes that match no unit of the agency: each is given one, the likeliest
// first, and every row that names it follows. Units already chosen can be changed or cleared.
import { useMemo } from 'react';
import { Button, Select, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { Id, ImportChoicesUpdate, ImportPreview, ImportRef, Organization } from '../../api/types';
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

  const picker = (name: string, written: string, suggestions: readonly ImportRef[], current?: ImportRef) => (
    <Select<Id>
      className="imp-unit-select"
      showSearch
      placeholder={t('imp.units.pick')}
      aria-label={t('imp.units.aria', { name })}
      value={current?.id}
      options={optionsFor(suggestions, current)}
      filterOption={labelFilter}
      disabled={!editable || busy}
      onChange={(id) => choose(written, id)}
    />
  );

  const fixed = preview.choices.unit_fixes;
  return (
    <>
      {preview.unmatched_units.length > 0 && (
        <>
          {editable && (
            <Typography.Paragraph type="secondary" className="imp-help">
              {t('imp.units.help')}
            </Typography.Paragraph>
          )}
          <ul className="imp-units">
            {preview.unmatched_units.map((u) => (
              <li key={u.written} className="imp-unit" data-testid="unmatched-unit">
                <div className="imp-unit-name">
                  <span className="imp-unknown">“{u.written}”</span>{' '}
                  <Typography.Text type="secondary">{t('imp.units.rows', { n: formatNumber(u.rows, lang) })}</Typography.Text>
                </div>
                {/* Confirmed, a name left unmatched is a body outside the agency, kept as the file wrote it. */}
                {editable && picker(u.written, u.written, u.suggestions)}
              </li>
            ))}
          </ul>
        </>
      )}
      {fixed.length > 0 && (
        <section aria-label={t('imp.units.fixed')}>
          {/* Below the names still to choose for; alone, they are what the card's title says. */}
          {preview.unmatched_units.length > 0 && <h3 className="imp-subheading">{t('imp.units.fixed')}</h3>}
          <ul className="imp-units">
            {fixed.map((f) => {
              const name = writtenName(f.name, preview.rows.items);
              return (
                <li key={f.name} className="imp-unit" data-testid="fixed-unit">
                  <div className="imp-unit-name">“{name}”</div>
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

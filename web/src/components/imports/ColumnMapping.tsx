// What each column of the table holds: found by its heading, or chosen here. A column nothing was
// found for is marked, since what it holds would be left out; the list opens by itself when there
// is one, or when no column holds the tasks' text.
import { Collapse, Select, Tag, Typography } from 'antd';
import type { ImportChoicesUpdate, ImportField, ImportPreview } from '../../api/types';
import { IMPORT_FIELDS } from '../../api/types';
import { useLang, useT, type MessageKey } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { columnLetter, columnState, type ColumnState } from '../../lib/imports';

const TAG: Record<ColumnState, { color?: string; text: MessageKey }> = {
  recognised: { color: 'green', text: 'imp.column.recognised' },
  chosen: { color: 'blue', text: 'imp.column.chosen' },
  remembered: { color: 'blue', text: 'imp.column.remembered' },
  unrecognised: { color: 'orange', text: 'imp.column.unrecognised' },
  displaced: { color: 'orange', text: 'imp.column.none' },
};

interface Props {
  preview: ImportPreview;
  editable: boolean;
  busy: boolean;
  onChoose: (choices: ImportChoicesUpdate) => void;
}

const isMarked = (state: ColumnState) => state === 'unrecognised' || state === 'displaced';

export function ColumnMapping({ preview, editable, busy, onChoose }: Props) {
  const t = useT();
  const [lang] = useLang();
  const options = [
    { value: '', label: t('imp.column.none') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`imp.field.${f}` as MessageKey) })),
  ];
  const states = preview.columns.map((c) => columnState(c, preview));
  const marked = states.filter(isMarked).length;
  const open = marked > 0 || preview.problems.includes('no_content_column');
  const summary = [t('imp.columns.count', { n: formatNumber(preview.columns.length, lang) })];
  if (marked) summary.push(t('imp.columns.marked', { n: formatNumber(marked, lang) }));

  const list = (
    <>
      <Typography.Paragraph type="secondary" className="imp-help">
        {t('imp.columns.help')}
      </Typography.Paragraph>
      <ul className="imp-columns">
        {preview.columns.map((column, i) => {
          const state = states[i];
          const letter = columnLetter(column.index);
          const header = column.header || t('imp.column.noHeader');
          return (
            <li key={column.index} className={isMarked(state) ? 'imp-column imp-column-marked' : 'imp-column'} data-testid={`column-${letter}`}>
              <div className="imp-column-head">
                <span className="imp-column-letter">{t('imp.column.label', { letter })}</span>
                <Tag color={TAG[state].color}>{t(TAG[state].text)}</Tag>
              </div>
              <div className="imp-column-header" title={header}>
                {header}
              </div>
              {editable ? (
                <Select<ImportField | ''>
                  className="imp-column-select"
                  aria-label={t('imp.column.aria', { letter, header })}
                  value={column.field ?? ''}
                  options={options}
                  disabled={busy}
                  onChange={(field) => onChoose({ columns: [{ index: column.index, field: field || null }] })}
                />
              ) : (
                <div className="imp-column-field">{t(column.field ? (`imp.field.${column.field}` as MessageKey) : 'imp.column.none')}</div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );

  return (
    <Collapse
      // Another sheet has other columns: the list opens again if one of them is not recognised.
      key={preview.choices.sheet}
      className="imp-columns-panel"
      size="small"
      defaultActiveKey={open ? ['columns'] : []}
      items={[
        {
          key: 'columns',
          label: (
            <>
              <span className="imp-columns-title">{t('imp.columns')}</span>{' '}
              <span className={marked ? 'imp-columns-summary imp-unknown' : 'imp-columns-summary'}>({summary.join(', ')})</span>
            </>
          ),
          children: list,
        },
      ]}
    />
  );
}

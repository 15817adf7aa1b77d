// The controls of a list's filter bar, each setting one filter, so that the filters of every
// list look and behave alike.
import type { CSSProperties, ReactNode } from 'react';
import { DatePicker, Select, Tooltip, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../i18n';
import { fromIsoDate, labelFilter, toIsoDate } from '../lib/format';
import { orgPickerProps, type OrgPickNode } from '../lib/orgPicker';

/** A yes / no / either choice (the API's true|false parameters). */
export function YesNoSelect({
  id,
  value,
  onChange,
  labels,
}: {
  id: string;
  value: boolean | undefined;
  onChange: (v: boolean | undefined) => void;
  labels: [any: string, yes: string, no: string];
}) {
  return (
    <Select
      id={id}
      value={value === undefined ? 'any' : String(value)}
      onChange={(v) => onChange(v === 'any' ? undefined : v === 'true')}
      options={[
        { value: 'any', label: labels[0] },
        { value: 'true', label: labels[1] },
        { value: 'false', label: labels[2] },
      ]}
      style={{ width: '100%' }}
    />
  );
}

/** A searchable choice of one option (a person, a source). */
export function OneOfSelect({
  id,
  placeholder,
  value,
  onChange,
  options,
  fitOptions,
}: {
  id: string;
  placeholder: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  options: { value: number; label: string }[];
  /** The list as wide as its longest option rather than the box. */
  fitOptions?: boolean;
}) {
  return (
    <Select
      id={id}
      allowClear
      showSearch
      placeholder={placeholder}
      value={value}
      onChange={(v?: number) => onChange(v ?? undefined)}
      options={options}
      filterOption={labelFilter}
      style={{ width: '100%' }}
      popupMatchSelectWidth={fitOptions ? false : undefined}
    />
  );
}

/** A searchable choice of one organisation in the tree, found as in every other organisation picker. */
export function OrgSelect({
  id,
  label,
  value,
  onChange,
  tree,
  style,
}: {
  id?: string;
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  tree: OrgPickNode[];
  style: CSSProperties;
}) {
  return (
    <TreeSelect
      {...orgPickerProps}
      id={id}
      allowClear
      aria-label={id ? undefined : label}
      placeholder={label}
      value={value}
      onChange={(v: number | undefined) => onChange(v ?? undefined)}
      treeData={tree}
      style={style}
    />
  );
}

/** A range of dates, either end of which may be left open. */
export function DateRangeSelect({
  id,
  from,
  to,
  onChange,
  tooltip,
}: {
  id: string;
  from: string | undefined;
  to: string | undefined;
  onChange: (from: string | undefined, to: string | undefined) => void;
  /** Why the range does not count now, say. */
  tooltip?: string;
}) {
  const t = useT();
  const value: [Dayjs | null, Dayjs | null] | null = from || to ? [fromIsoDate(from), fromIsoDate(to)] : null;
  return (
    <Tooltip title={tooltip}>
      <DatePicker.RangePicker
        id={id}
        format="DD/MM/YYYY"
        allowEmpty={[true, true]}
        placeholder={[t('list.from'), t('list.to')]}
        value={value}
        onChange={(r) => onChange(toIsoDate(r?.[0]) ?? undefined, toIsoDate(r?.[1]) ?? undefined)}
        style={{ width: '100%' }}
      />
    </Tooltip>
  );
}

/** One more filter: its label above its control. */
export function MoreFilter({ htmlFor, label, children }: { htmlFor: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}

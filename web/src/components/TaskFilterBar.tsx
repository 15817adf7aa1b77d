import { memo, useEffect, useRef, useState } from 'react';
import { Button, Card, DatePicker, Input, Select, Space, Tag, TreeSelect, Tooltip } from 'antd';
import { ClearOutlined, FilterOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { dayToPeriod, periodKind, periodToDay, type PeriodKind } from '../lib/period';
import type { Organization, Person, Source } from '../api/types';
import { FILTER_STATUSES, SOURCE_KINDS } from '../api/types';
import { useT, type MessageKey } from '../i18n';
import { foldVietnamese, fromIsoDate, toIsoDate } from '../lib/format';
import { usePickerOptions } from '../lib/refData';
import { statusLabelKey } from '../lib/status';
import type { TaskFilter } from '../lib/taskFilter';

export interface TaskFilterBarProps {
  value: TaskFilter;
  onChange: (next: TaskFilter) => void;
  organizations?: Organization[];
  people?: Person[];
  sources?: Source[];
  /** Delay before a typed search is applied (ms). */
  debounceMs?: number;
  extra?: React.ReactNode;
}

// The period helpers live in lib/period; re-exported here for older imports.
export { dayToPeriod, periodKind, periodToDay };

/** Case- and diacritic-insensitive option matching for the select boxes. */
function matchOption(input: string, label: unknown): boolean {
  return foldVietnamese(String(label ?? '')).includes(foldVietnamese(input));
}

const NONE_ORGS: Organization[] = [];
const NONE_PEOPLE: Person[] = [];
const NONE_SOURCES: Source[] = [];

/** A yes / no / either choice (the API's true|false parameters). */
function YesNoSelect({
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

/** Memoised: the list page re-renders when its rows arrive, the filter bar need not. */
export const TaskFilterBar = memo(function TaskFilterBar({
  value,
  onChange,
  organizations = NONE_ORGS,
  people = NONE_PEOPLE,
  sources = NONE_SOURCES,
  debounceMs = 350,
  extra,
}: TaskFilterBarProps) {
  const t = useT();
  const [q, setQ] = useState(value.q ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(value);
  latest.current = value;
  const advancedSet =
    value.source_kind !== undefined ||
    value.key !== undefined ||
    value.extended !== undefined ||
    value.org !== undefined ||
    value.leader !== undefined ||
    value.assignee !== undefined ||
    value.source !== undefined ||
    value.assigned_from !== undefined ||
    value.assigned_to !== undefined ||
    value.deadline_from !== undefined ||
    value.deadline_to !== undefined ||
    value.as_of !== undefined;
  const [expanded, setExpanded] = useState(advancedSet);
  const [pKind, setPKind] = useState<PeriodKind>(periodKind(value.period) ?? 'month');

  // Follow the URL when it changes from outside (back button, a link).
  useEffect(() => {
    setQ((cur) => (cur.trim() === (value.q ?? '') ? cur : value.q ?? ''));
  }, [value.q]);
  useEffect(() => {
    const k = periodKind(value.period);
    if (k) setPKind(k);
  }, [value.period]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const set = (patch: Partial<TaskFilter>) => {
    const next: TaskFilter = { ...latest.current, ...patch, page: undefined };
    if (patch.period) {
      next.assigned_from = undefined;
      next.assigned_to = undefined;
    }
    if (patch.assigned_from !== undefined || patch.assigned_to !== undefined) next.period = undefined;
    onChange(next);
  };

  const onSearch = (text: string, immediate = false) => {
    setQ(text);
    if (timer.current) clearTimeout(timer.current);
    const apply = () => {
      const trimmed = text.trim();
      if ((latest.current.q ?? '') !== trimmed) set({ q: trimmed || undefined });
    };
    if (immediate) apply();
    else timer.current = setTimeout(apply, debounceMs);
  };

  const { tree, peopleOptions, sourceOptions } = usePickerOptions(organizations, people, sources);

  const range = (from?: string, to?: string): [Dayjs | null, Dayjs | null] | null =>
    from || to ? [fromIsoDate(from), fromIsoDate(to)] : null;

  const hasAny = Object.entries(value).some(
    ([k, v]) => v !== undefined && k !== 'page' && k !== 'page_size' && k !== 'sort',
  );

  return (
    <Card className="filter-bar" size="small" role="search" aria-label={t('list.filters')}>
      <Space wrap size={[8, 8]} style={{ width: '100%' }}>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          value={q}
          onChange={(e) => onSearch(e.target.value)}
          onPressEnter={() => onSearch(q, true)}
          style={{ width: 340, maxWidth: '100%' }}
          maxLength={200}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('task.status')}
          placeholder={t('list.statusAny')}
          value={value.status ?? []}
          onChange={(v) => set({ status: v.length ? v : undefined })}
          options={FILTER_STATUSES.map((s) => ({ value: s, label: t(statusLabelKey(s)) }))}
          style={{ minWidth: 220, maxWidth: '100%' }}
          maxTagCount={2}
        />
        <TreeSelect
          allowClear
          showSearch
          aria-label={t('list.leadOrg')}
          placeholder={t('list.leadOrg')}
          value={value.lead_org}
          onChange={(v: number | undefined) => set({ lead_org: v ?? undefined })}
          treeData={tree}
          treeDefaultExpandAll
          filterTreeNode={(input, node) => matchOption(input, node.title)}
          style={{ width: 260, maxWidth: '100%' }}
          popupMatchSelectWidth={false}
        />
        <Space.Compact>
          <Select<PeriodKind>
            aria-label={t('list.period')}
            value={pKind}
            onChange={(k) => {
              setPKind(k);
              const d = periodToDay(value.period);
              if (d) set({ period: dayToPeriod(d, k) });
            }}
            options={[
              { value: 'month', label: t('list.periodMonth') },
              { value: 'quarter', label: t('list.periodQuarter') },
              { value: 'year', label: t('list.periodYear') },
            ]}
            style={{ width: 96 }}
          />
          <DatePicker
            picker={pKind}
            aria-label={t('list.period')}
            placeholder={t('list.period')}
            value={periodToDay(value.period)}
            onChange={(d) => set({ period: d ? dayToPeriod(d, pKind) : undefined })}
            format={pKind === 'month' ? 'MM/YYYY' : pKind === 'year' ? 'YYYY' : t('list.quarterFormat')}
            style={{ width: 140 }}
          />
        </Space.Compact>
        <Button
          icon={<FilterOutlined />}
          onClick={() => setExpanded((e) => !e)}
          aria-expanded={expanded}
          aria-controls="task-filter-more"
        >
          {expanded ? t('list.fewerFilters') : t('list.moreFilters')}
        </Button>
        {hasAny && (
          <Button
            icon={<ClearOutlined />}
            onClick={() => {
              setQ('');
              onChange({ sort: value.sort, page_size: value.page_size });
            }}
          >
            {t('list.clear')}
          </Button>
        )}
        {extra}
      </Space>
      {value.parent !== undefined && (
        <div style={{ marginTop: 8 }}>
          <Tag closable onClose={() => set({ parent: undefined })} color="blue">
            {t('list.parent', { id: value.parent })}
          </Tag>
        </div>
      )}
      {expanded && (
        <div className="filter-bar-grid" id="task-filter-more">
          <div>
            <label htmlFor="f-source-kind">{t('task.sourceKind')}</label>
            <Select
              id="f-source-kind"
              mode="multiple"
              allowClear
              placeholder={t('list.sourceKindAny')}
              value={value.source_kind ?? []}
              onChange={(v) => set({ source_kind: v.length ? v : undefined })}
              options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`sourceKind.${k}` as MessageKey) }))}
              style={{ width: '100%' }}
              maxTagCount={2}
            />
          </div>
          <div>
            <label htmlFor="f-key">{t('task.isKey')}</label>
            <YesNoSelect
              id="f-key"
              value={value.key}
              onChange={(key) => set({ key })}
              labels={[t('list.keyAny'), t('list.keyTrue'), t('list.keyFalse')]}
            />
          </div>
          <div>
            <label htmlFor="f-extended">{t('list.extended')}</label>
            <YesNoSelect
              id="f-extended"
              value={value.extended}
              onChange={(extended) => set({ extended })}
              labels={[t('list.extendedAny'), t('list.extendedTrue'), t('list.extendedFalse')]}
            />
          </div>
          <div>
            <label htmlFor="f-org">{t('list.org')}</label>
            <TreeSelect
              id="f-org"
              allowClear
              showSearch
              placeholder={t('list.org')}
              value={value.org}
              onChange={(v: number | undefined) => set({ org: v ?? undefined })}
              treeData={tree}
              treeDefaultExpandAll
              filterTreeNode={(input, node) => matchOption(input, node.title)}
              style={{ width: '100%' }}
              popupMatchSelectWidth={false}
            />
          </div>
          <div>
            <label htmlFor="f-leader">{t('list.leader')}</label>
            <Select
              id="f-leader"
              allowClear
              showSearch
              placeholder={t('list.leader')}
              value={value.leader}
              onChange={(v?: number) => set({ leader: v ?? undefined })}
              options={peopleOptions}
              filterOption={(input, o) => matchOption(input, o?.label)}
              style={{ width: '100%' }}
            />
          </div>
          <div>
            <label htmlFor="f-assignee">{t('list.assignee')}</label>
            <Select
              id="f-assignee"
              allowClear
              showSearch
              placeholder={t('list.assignee')}
              value={value.assignee}
              onChange={(v?: number) => set({ assignee: v ?? undefined })}
              options={peopleOptions}
              filterOption={(input, o) => matchOption(input, o?.label)}
              style={{ width: '100%' }}
            />
          </div>
          <div>
            <label htmlFor="f-source">{t('list.source')}</label>
            <Select
              id="f-source"
              allowClear
              showSearch
              placeholder={t('list.source')}
              value={value.source}
              onChange={(v?: number) => set({ source: v ?? undefined })}
              options={sourceOptions}
              filterOption={(input, o) => matchOption(input, o?.label)}
              style={{ width: '100%' }}
              popupMatchSelectWidth={false}
            />
          </div>
          <div>
            <label htmlFor="f-assigned">{t('list.assignedRange')}</label>
            <Tooltip title={value.period ? t('list.periodConflict') : undefined}>
              <DatePicker.RangePicker
                id="f-assigned"
                format="DD/MM/YYYY"
                allowEmpty={[true, true]}
                placeholder={[t('list.from'), t('list.to')]}
                value={range(value.assigned_from, value.assigned_to)}
                onChange={(r) => set({ assigned_from: toIsoDate(r?.[0]) ?? undefined, assigned_to: toIsoDate(r?.[1]) ?? undefined })}
                style={{ width: '100%' }}
              />
            </Tooltip>
          </div>
          <div>
            <label htmlFor="f-deadline">{t('list.deadlineRange')}</label>
            <DatePicker.RangePicker
              id="f-deadline"
              format="DD/MM/YYYY"
              allowEmpty={[true, true]}
              placeholder={[t('list.from'), t('list.to')]}
              value={range(value.deadline_from, value.deadline_to)}
              onChange={(r) => set({ deadline_from: toIsoDate(r?.[0]) ?? undefined, deadline_to: toIsoDate(r?.[1]) ?? undefined })}
              style={{ width: '100%' }}
            />
          </div>
          <div>
            <label htmlFor="f-asof">{t('list.asOf')}</label>
            <Tooltip title={t('list.asOfHelp')}>
              <DatePicker
                id="f-asof"
                format="DD/MM/YYYY"
                value={fromIsoDate(value.as_of)}
                onChange={(d) => set({ as_of: toIsoDate(d) ?? undefined })}
                style={{ width: '100%' }}
              />
            </Tooltip>
          </div>
        </div>
      )}
    </Card>
  );
});

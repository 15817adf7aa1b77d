import { memo, useMemo, useRef, useState } from 'react';
import { Button, Card, DatePicker, Select, Space, Tag, Tooltip } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { dayToPeriod, periodKind, periodToDay } from '../lib/period';
import type { Organization, Person, Source } from '../api/types';
import { FILTER_STATUSES, SOURCE_KINDS } from '../api/types';
import { useT, type MessageKey } from '../i18n';
import { fromIsoDate, toIsoDate } from '../lib/format';
import { filterOrgTree } from '../lib/orgPicker';
import { usePickerOptions } from '../lib/refData';
import { statusLabelKey } from '../lib/status';
import type { TaskFilter } from '../lib/taskFilter';
import { DateRangeSelect, MoreFilter, OneOfSelect, OrgSelect, YesNoSelect } from './FilterControls';
import { PeriodKindSelect, usePeriodKind } from './PeriodKindSelect';
import { DebouncedSearchInput } from './SearchInput';

export interface TaskFilterBarProps {
  value: TaskFilter;
  onChange: (next: TaskFilter) => void;
  organizations?: Organization[];
  /** The user's agency: the filters offer its organisations, not those above it. */
  agencyId: number;
  people?: Person[];
  sources?: Source[];
  /** Delay before a typed search is applied (ms). */
  debounceMs?: number;
  extra?: React.ReactNode;
}

// The period helpers live in lib/period; re-exported here for older imports.
export { dayToPeriod, periodKind, periodToDay };

/** The yes / no filters: key tasks, extended deadlines, extension requests awaiting a decision. */
const YES_NO_FILTERS = [
  { key: 'key', label: 'task.isKey', choices: ['list.keyAny', 'list.keyTrue', 'list.keyFalse'] },
  { key: 'extended', label: 'list.extended', choices: ['list.extendedAny', 'list.extendedTrue', 'list.extendedFalse'] },
  {
    key: 'extension_pending',
    label: 'list.extensionPending',
    choices: ['list.extensionPendingAny', 'list.extensionPendingTrue', 'list.extensionPendingFalse'],
  },
] as const;

/** The filters by a person: the task's leader, or one of its assignees. */
const PERSON_FILTERS = [
  { key: 'leader', label: 'list.leader' },
  { key: 'assignee', label: 'list.assignee' },
] as const;

const NONE_ORGS: Organization[] = [];
const NONE_PEOPLE: Person[] = [];
const NONE_SOURCES: Source[] = [];

/** Memoised: the list page re-renders when its rows arrive, the filter bar need not. */
export const TaskFilterBar = memo(function TaskFilterBar({
  value,
  onChange,
  organizations = NONE_ORGS,
  agencyId,
  people = NONE_PEOPLE,
  sources = NONE_SOURCES,
  debounceMs = 350,
  extra,
}: TaskFilterBarProps) {
  const t = useT();
  const latest = useRef(value);
  latest.current = value;
  const advancedSet =
    value.source_kind !== undefined ||
    value.key !== undefined ||
    value.extended !== undefined ||
    value.extension_pending !== undefined ||
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
  const [pKind, setPKind] = usePeriodKind(value.period);

  const set = (patch: Partial<TaskFilter>) => {
    const next: TaskFilter = { ...latest.current, ...patch, page: undefined };
    if (patch.period) {
      next.assigned_from = undefined;
      next.assigned_to = undefined;
    }
    if (patch.assigned_from !== undefined || patch.assigned_to !== undefined) next.period = undefined;
    // A report's figures set their own scope and date: choosing another leaves the report's.
    if (patch.period || patch.as_of || patch.assigned_from || patch.assigned_to) {
      next.report_period = undefined;
      next.report_figure = undefined;
    }
    onChange(next);
  };
  const setOne = <K extends keyof TaskFilter>(key: K, v: TaskFilter[K]) => {
    const patch: Partial<TaskFilter> = {};
    patch[key] = v;
    set(patch);
  };

  const tree = useMemo(() => filterOrgTree(organizations, agencyId), [organizations, agencyId]);
  const { peopleOptions, sourceOptions } = usePickerOptions(people, sources);

  const hasAny = Object.entries(value).some(
    ([k, v]) => v !== undefined && k !== 'page' && k !== 'page_size' && k !== 'sort',
  );

  return (
    <Card className="filter-bar" size="small" role="search" aria-label={t('list.filters')}>
      <Space wrap size={[8, 8]} style={{ width: '100%' }}>
        <DebouncedSearchInput
          label={t('list.search')}
          applied={value.q ?? ''}
          onSearch={(q) => set({ q: q || undefined })}
          width={340}
          delayMs={debounceMs}
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
        <OrgSelect label={t('list.leadOrg')} value={value.lead_org} onChange={(lead_org) => set({ lead_org })} tree={tree} style={{ width: 260, maxWidth: '100%' }} />
        <Space.Compact>
          <PeriodKindSelect
            label={t('list.period')}
            value={pKind}
            onChange={(k) => {
              setPKind(k);
              const d = periodToDay(value.period);
              if (d) set({ period: dayToPeriod(d, k) });
            }}
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
            onClick={() => onChange({ sort: value.sort, page_size: value.page_size })}
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
          <MoreFilter htmlFor="f-source-kind" label={t('task.sourceKind')}>
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
          </MoreFilter>
          {YES_NO_FILTERS.map(({ key, label, choices: [any, yes, no] }) => (
            <MoreFilter key={key} htmlFor={`f-${key}`} label={t(label)}>
              <YesNoSelect
                id={`f-${key}`}
                value={value[key]}
                onChange={(v) => setOne(key, v)}
                labels={[t(any), t(yes), t(no)]}
              />
            </MoreFilter>
          ))}
          <MoreFilter htmlFor="f-org" label={t('list.org')}>
            <OrgSelect id="f-org" label={t('list.org')} value={value.org} onChange={(org) => set({ org })} tree={tree} style={{ width: '100%' }} />
          </MoreFilter>
          {PERSON_FILTERS.map(({ key, label }) => (
            <MoreFilter key={key} htmlFor={`f-${key}`} label={t(label)}>
              <OneOfSelect
                id={`f-${key}`}
                placeholder={t(label)}
                value={value[key]}
                onChange={(person) => setOne(key, person)}
                options={peopleOptions}
              />
            </MoreFilter>
          ))}
          <MoreFilter htmlFor="f-source" label={t('list.source')}>
            <OneOfSelect
              id="f-source"
              placeholder={t('list.source')}
              value={value.source}
              onChange={(source) => set({ source })}
              options={sourceOptions}
              fitOptions
            />
          </MoreFilter>
          <MoreFilter htmlFor="f-assigned" label={t('list.assignedRange')}>
            <DateRangeSelect
              id="f-assigned"
              from={value.assigned_from}
              to={value.assigned_to}
              onChange={(assigned_from, assigned_to) => set({ assigned_from, assigned_to })}
              tooltip={value.period ? t('list.periodConflict') : undefined}
            />
          </MoreFilter>
          <MoreFilter htmlFor="f-deadline" label={t('list.deadlineRange')}>
            <DateRangeSelect
              id="f-deadline"
              from={value.deadline_from}
              to={value.deadline_to}
              onChange={(deadline_from, deadline_to) => set({ deadline_from, deadline_to })}
            />
          </MoreFilter>
          <MoreFilter htmlFor="f-asof" label={t('list.asOf')}>
            <Tooltip title={t('list.asOfHelp')}>
              <DatePicker
                id="f-asof"
                format="DD/MM/YYYY"
                value={fromIsoDate(value.as_of)}
                onChange={(d) => set({ as_of: toIsoDate(d) ?? undefined })}
                style={{ width: '100%' }}
              />
            </Tooltip>
          </MoreFilter>
        </div>
      )}
    </Card>
  );
});

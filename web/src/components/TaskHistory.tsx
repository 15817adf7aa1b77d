import { useMemo } from 'react';
import { Empty, Timeline, Typography } from 'antd';
import type { HistoryEvent, Organization, Person, Source, Task } from '../api/types';
import { useT, type MessageKey, type TFunction } from '../i18n';
import { formatDate, formatTimestamp } from '../lib/format';

interface Lookups {
  orgs: Map<number, string>;
  people: Map<number, string>;
  sources: Map<number, string>;
}

const HIDDEN = new Set(['version', 'id', 'agency_id']);
const CREATED_FIELDS = ['title', 'source_id', 'lead_org_id', 'cooperator_ids', 'leader_id', 'assignee_ids', 'product', 'assigned_on', 'deadline', 'deadline_label', 'is_key'];
const DATE_FIELDS = new Set(['assigned_on', 'deadline', 'completed_on', 'result_doc_date', 'cancelled_on', 'effective_on', 'requested_deadline']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fieldLabel(t: TFunction, field: string): string {
  const key = `field.${field}` as MessageKey;
  const text = t(key);
  return text === key ? field : text;
}

export function formatHistoryValue(field: string, value: unknown, t: TFunction, look: Lookups): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('history.empty');
  }
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  const name = (map: Map<number, string>, id: unknown) => map.get(Number(id)) ?? `#${String(id)}`;
  switch (field) {
    case 'lead_org_id':
      return name(look.orgs, value);
    case 'cooperator_ids':
      return (value as unknown[]).map((v) => name(look.orgs, v)).join(', ');
    case 'leader_id':
      return name(look.people, value);
    case 'assignee_ids':
      return (value as unknown[]).map((v) => name(look.people, v)).join(', ');
    case 'source_id':
      return name(look.sources, value);
    case 'parent_id':
      return `#${String(value)}`;
    case 'progress':
      return `${String(value)}%`;
    case 'cancel_kind':
      return value === 'withdrawn' ? t('detail.cancel.withdrawn') : t('detail.cancel.cancelled');
  }
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDate(value);
  if (typeof value === 'string') return value.length > 160 ? `${value.slice(0, 157)}…` : value;
  return JSON.stringify(value);
}

export interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

/** The fields an event changed (for "created": the main fields it set). */
export function eventChanges(e: HistoryEvent): Change[] {
  const before = e.before ?? {};
  const after = e.after ?? {};
  if (e.action === 'created' || !e.before) {
    return CREATED_FIELDS.filter((f) => f in after && after[f] !== null && after[f] !== '' && !(Array.isArray(after[f]) && (after[f] as unknown[]).length === 0)).map((f) => ({
      field: f,
      from: undefined,
      to: after[f],
    }));
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: Change[] = [];
  for (const k of keys) {
    if (HIDDEN.has(k)) continue;
    if (!same(before[k], after[k])) out.push({ field: k, from: before[k], to: after[k] });
  }
  return out;
}

function near<T>(items: T[], at: (x: T) => number | null, ms: number): T | undefined {
  let best: T | undefined;
  let gap = 1000;
  for (const x of items) {
    const v = at(x);
    if (v === null) continue;
    const d = Math.abs(v - ms);
    if (d <= gap) {
      best = x;
      gap = d;
    }
  }
  return best;
}

function clip(s: string, n = 200): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** What the task's own records say about an event (the report text, the extension, the question). */
export function eventDetails(e: HistoryEvent, task: Task | undefined, t: TFunction): string[] {
  if (!task) return [];
  const out: string[] = [];
  switch (e.action) {
    case 'progress_reported': {
      const u = near(task.updates, (x) => x.recorded_at, e.recorded_at);
      if (u) {
        out.push(t('history.progress', { date: formatDate(u.reported_on), body: clip(u.body) }));
        if (u.attachments.length) out.push(t('history.attachments', { n: u.attachments.length }));
      }
      break;
    }
    case 'extension_requested': {
      const x = near(task.extensions, (y) => y.requested_at, e.recorded_at);
      if (x) out.push(t('history.extRequested', { date: formatDate(x.requested_deadline), reason: clip(x.reason) }));
      break;
    }
    case 'extension_approved':
    case 'extension_refused': {
      const x = near(task.extensions, (y) => y.decided_at, e.recorded_at);
      if (x) {
        out.push(
          e.action === 'extension_approved'
            ? t('history.extApproved', { date: formatDate(x.requested_deadline), from: formatDate(x.effective_on) })
            : t('history.extRefused', { date: formatDate(x.requested_deadline) }),
        );
        if (x.decision_note) out.push(t('history.note', { note: clip(x.decision_note) }));
      }
      break;
    }
    case 'explanation_requested': {
      const x = near(task.explanations, (y) => y.requested_at, e.recorded_at);
      if (x) out.push(t('history.question', { text: clip(x.question) }));
      break;
    }
    case 'explanation_answered': {
      const x = near(task.explanations, (y) => y.answered_at, e.recorded_at);
      if (x?.answer) out.push(t('history.answer', { text: clip(x.answer) }));
      break;
    }
  }
  return out;
}

const ACTION_COLOR: Record<string, string> = {
  created: 'blue',
  completed: 'green',
  extension_approved: 'green',
  extension_refused: 'red',
  cancelled: 'gray',
  withdrawn: 'gray',
  explanation_requested: 'red',
};

export function TaskHistory({
  events,
  task,
  organizations = [],
  people = [],
  sources = [],
}: {
  events: HistoryEvent[];
  /** The task, to show the report text, extension and explanation behind each event. */
  task?: Task;
  organizations?: Organization[];
  people?: Person[];
  sources?: Source[];
}) {
  const t = useT();
  const look = useMemo<Lookups>(
    () => ({
      orgs: new Map(organizations.map((o) => [o.id, o.name])),
      people: new Map(people.map((p) => [p.id, p.full_name])),
      sources: new Map(sources.map((s) => [s.id, s.doc_number || s.title])),
    }),
    [organizations, people, sources],
  );
  if (!events.length) return <Empty description={t('detail.noHistory')} />;
  const sorted = [...events].sort((a, b) => b.recorded_at - a.recorded_at || b.id - a.id);
  return (
    <Timeline
      items={sorted.map((e) => {
        const key = `history.${e.action}` as MessageKey;
        const label = t(key) === key ? e.action : t(key);
        const changes = eventChanges(e);
        const details = eventDetails(e, task, t);
        return {
          key: e.id,
          color: ACTION_COLOR[e.action] ?? 'blue',
          children: (
            <div>
              <Typography.Text strong>{label}</Typography.Text>
              <div className="timeline-meta">
                {e.occurred_on && <>{t('history.occurredOn', { date: formatDate(e.occurred_on) })} · </>}
                {e.actor?.name ?? t('history.system')} · {t('history.recordedAt', { time: formatTimestamp(e.recorded_at) })}
              </div>
              {details.map((d, i) => (
                <div key={i} className="pre-wrap">
                  {d}
                </div>
              ))}
              {changes.length > 0 && (
                <ul className="timeline-changes">
                  {changes.map((c) => (
                    <li key={c.field}>
                      {c.from === undefined
                        ? t('history.set', { field: fieldLabel(t, c.field), to: formatHistoryValue(c.field, c.to, t, look) })
                        : t('history.change', {
                            field: fieldLabel(t, c.field),
                            from: formatHistoryValue(c.field, c.from, t, look),
                            to: formatHistoryValue(c.field, c.to, t, look),
                          })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

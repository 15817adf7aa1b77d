// Status and warning colours. Text colours reach WCAG AA (4.5:1) on their backgrounds.
import type { TaskStatus, TaskWarning } from '../api/types';
import type { MessageKey } from '../i18n/vi';

export interface Swatch {
  /** text colour */
  color: string;
  background: string;
  border: string;
  /** solid colour for charts and dots */
  solid: string;
}

const GREEN: Swatch = { color: '#135200', background: '#f6ffed', border: '#95de64', solid: '#389e0d' };
const GOLD: Swatch = { color: '#7c4a00', background: '#fffbe6', border: '#ffd666', solid: '#d48806' };
const BLUE: Swatch = { color: '#003eb3', background: '#e6f4ff', border: '#91caff', solid: '#1677ff' };
const RED: Swatch = { color: '#a8071a', background: '#fff1f0', border: '#ffa39e', solid: '#cf1322' };
const GREY: Swatch = { color: '#434343', background: '#f5f5f5', border: '#d9d9d9', solid: '#8c8c8c' };
const ORANGE: Swatch = { color: '#873800', background: '#fff7e6', border: '#ffc069', solid: '#d46b08' };

export const STATUS_SWATCH: Record<TaskStatus, Swatch> = {
  completed_on_time: GREEN,
  completed_late: GOLD,
  in_progress: BLUE,
  overdue: RED,
  cancelled: GREY,
  not_yet_assigned: GREY,
};

/** Requests awaiting someone's decision. */
export const PENDING_SWATCH: Swatch = BLUE;

export const WARNING_SWATCH: Record<TaskWarning, Swatch> = {
  overdue: RED,
  due_soon: ORANGE,
  on_track: GREEN,
  no_deadline: GREY,
  none: GREY,
};

export function statusLabelKey(status: TaskStatus): MessageKey {
  return `status.${status}` as MessageKey;
}

export function warningLabelKey(warning: TaskWarning): MessageKey {
  return `warning.${warning}` as MessageKey;
}

/** The order statuses are listed in filters and legends. */
export const STATUS_ORDER: TaskStatus[] = ['completed_on_time', 'completed_late', 'in_progress', 'overdue', 'cancelled'];

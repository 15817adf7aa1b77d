import { describe, expect, it } from 'vitest';
import type { ReportFigures } from '../api/types';
import issued from '../test/fixtures/issued-reports.json';
import { completedShareTrend, countTrend } from './reportFigures';

// The demo's September report as issued: its totals, whose other counts the share does not read.
const FIGURES = issued.changesReport.report.totals as ReportFigures;

/** The figures with `completed` of `due` due tasks completed ("x/y"). */
const dueCompleted = (completed: number, due: number): ReportFigures => ({ ...FIGURES, due, due_completed: completed, overdue: due - completed });

describe('which way a report’s figures moved', () => {
  it('compares the share of due tasks completed, not the counts', () => {
    expect(completedShareTrend(dueCompleted(75, 80), dueCompleted(85, 89))).toBe('up');
    // More completed, but more fell due and stayed undone: a smaller share.
    expect(completedShareTrend(dueCompleted(2, 2), dueCompleted(2, 3))).toBe('down');
    expect(completedShareTrend(dueCompleted(9, 10), dueCompleted(10, 11))).toBe('up');
    expect(completedShareTrend(dueCompleted(1, 2), dueCompleted(2, 4))).toBe('same');
  });

  it('has no share to compare where nothing was due', () => {
    expect(completedShareTrend(dueCompleted(0, 0), dueCompleted(0, 0))).toBe('same');
    expect(completedShareTrend(dueCompleted(0, 0), dueCompleted(1, 2))).toBe('none');
    expect(completedShareTrend(dueCompleted(3, 3), dueCompleted(0, 0))).toBe('none');
  });

  it('compares counts as they are', () => {
    expect(countTrend(5, 4)).toBe('down');
    expect(countTrend(0, 2)).toBe('up');
    expect(countTrend(3, 3)).toBe('same');
  });
});

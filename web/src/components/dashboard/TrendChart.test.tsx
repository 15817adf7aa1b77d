import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Statistics } from '../../api/types';
import statsFixture from '../../test/fixtures/stats-report-2026-10.json';
import { renderWithProviders } from '../../test/render';

// ECharts draws on a canvas, which jsdom lacks: what matters here is when the chart is made,
// resized and given its options.
const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn(), on: vi.fn(), off: vi.fn() };
const init = vi.fn(() => chart);
vi.mock('echarts/core', () => ({ use: vi.fn(), init }));
vi.mock('echarts/charts', () => ({ BarChart: {}, LineChart: {} }));
vi.mock('echarts/components', () => ({ GridComponent: {}, LegendComponent: {}, TooltipComponent: {} }));
vi.mock('echarts/renderers', () => ({ CanvasRenderer: {} }));

const { default: TrendChart } = await import('./TrendChart');

/** A ResizeObserver the test triggers, as the browser does when the observed box changes. */
const observers: (() => void)[] = [];
class ManualResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe() {
    observers.push(this.callback);
  }
  unobserve() {}
  disconnect() {}
}

function resizeTo(node: HTMLElement, width: number, height: number) {
  Object.defineProperty(node, 'clientWidth', { configurable: true, value: width });
  Object.defineProperty(node, 'clientHeight', { configurable: true, value: height });
  act(() => observers.forEach((notify) => notify()));
}

const points = [{ period: '2026-10', label: '10/26', stats: statsFixture as Statistics }];

describe('TrendChart', () => {
  beforeEach(() => {
    observers.length = 0;
    vi.stubGlobal('ResizeObserver', ManualResizeObserver);
    vi.clearAllMocks();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is made once its container has a size, then drawn and resized with it', () => {
    renderWithProviders(<TrendChart points={points} ariaLabel="Diễn biến" />);
    const box = screen.getByRole('img', { name: 'Diễn biến' });
    // Not laid out yet (or hidden): a chart made now would be drawn at no size.
    expect(init).not.toHaveBeenCalled();

    resizeTo(box, 1060, 320);
    expect(init).toHaveBeenCalledTimes(1);
    expect(chart.setOption).toHaveBeenCalled();
    const desktop = chart.setOption.mock.calls.at(-1)![0];
    expect(desktop.legend).toMatchObject({ top: 0 });

    // A phone's width: the whole legend under the chart rather than a one-item pager.
    resizeTo(box, 340, 380);
    expect(chart.resize).toHaveBeenCalled();
    const phone = chart.setOption.mock.calls.at(-1)![0];
    expect(phone.legend).toMatchObject({ type: 'plain', bottom: 0 });
    // Its tooltip stays inside the chart: on a phone it ran off the left of the screen.
    expect(phone.tooltip).toMatchObject({ confine: true });
    expect(init).toHaveBeenCalledTimes(1);
  });
});

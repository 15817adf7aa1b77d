import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { HistoryEvent, Task } from '../api/types';
import { renderWithProviders } from '../test/render';
import { organizations, people, sources } from '../test/fixtures';
import fx from '../test/apiFixtures.json';
import { TaskHistory, eventChanges } from './TaskHistory';

const events = fx.history89.items as HistoryEvent[];

describe('TaskHistory', () => {
  it('lists who did what, when, and what changed from → to', () => {
    renderWithProviders(<TaskHistory events={events} organizations={organizations} people={people} sources={sources} />);
    expect(screen.getByText('Giao nhiệm vụ')).toBeInTheDocument();
    expect(screen.getByText('Đồng ý gia hạn')).toBeInTheDocument();
    expect(screen.getByText('Trả lời giải trình')).toBeInTheDocument();
    expect(screen.getByText('Tiến độ: 45% → 55%')).toBeInTheDocument();
    expect(screen.getAllByText(/Nguyễn Văn Bình · ghi nhận lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/).length).toBeGreaterThan(0);
    expect(screen.getByText('Hạn xử lý: 16/04/2026')).toBeInTheDocument();
  });

  it('adds the report, the extension and the explanation behind each event', () => {
    renderWithProviders(<TaskHistory events={events} task={fx.task89 as Task} />);
    expect(screen.getByText(/^Đề nghị gia hạn đến 14\/05\/2026\. Lý do: Mưa lũ kéo dài/)).toBeInTheDocument();
    expect(screen.getByText('Hạn mới 14/05/2026, có hiệu lực từ 12/04/2026')).toBeInTheDocument();
    expect(screen.getByText(/^Nội dung: Đề nghị Thanh tra Sở giải trình/)).toBeInTheDocument();
    expect(screen.getByText(/^Giải trình: Nhiệm vụ chậm do/)).toBeInTheDocument();
    expect(screen.getByText(/^Ngày 10\/10\/2026: Nhà thầu chậm triển khai/)).toBeInTheDocument();
  });

  it('ignores the version counter in diffs', () => {
    const ext = events.find((e) => e.action === 'extension_requested')!;
    expect(eventChanges(ext)).toEqual([]);
  });
});

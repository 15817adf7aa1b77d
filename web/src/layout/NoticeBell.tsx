import { useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { getNotices, markNoticeRead } from '../api/notices';
import type { Notice } from '../api/types';
import { useT, type TFunction } from '../i18n';
import { formatDate } from '../lib/format';
import { monthOf } from '../lib/period';
import { useLoad } from '../lib/useLoad';

/** A notice in its reader's language, from the facts it holds. */
export function noticeText(t: TFunction, notice: Notice): string {
  const from = notice.from?.name ?? t('notice.someone');
  if (notice.kind === 'unit_report_returned') {
    const p = notice.params;
    return t('notice.returned', { from, unit: p.organization_name, comment: p.comment, ...monthOf(p.period) });
  }
  const p = notice.params;
  return t('notice.reminder', { from, unit: p.organization_name, due: formatDate(p.due_on), ...monthOf(p.period) });
}

/** Where a notice leads: the unit's report once it is opened, else the board of its month. */
export function noticeTarget(notice: Notice): string {
  const p = notice.params;
  return p.report_id ? `/unit-reports/${p.report_id}` : `/unit-reports?period=${p.period}`;
}

/**
 * The bell in the header: how many notices are unread, and the latest of them. They are asked for
 * again on every change of page, which is when a user would look; no timer polls the server.
 */
export function NoticeBell() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const loaded = useLoad((signal) => getNotices(signal), [pathname, search]);
  const notices = loaded.data;
  const unread = notices?.unread ?? 0;

  const follow = async (notice: Notice) => {
    if (notice.read_at === null) {
      // Going where the notice leads matters more than its mark: a failure here leaves it unread.
      await markNoticeRead(notice.id).catch(() => undefined);
      loaded.reload();
    }
    navigate(noticeTarget(notice));
  };

  const items: MenuProps['items'] =
    notices && notices.items.length > 0
      ? notices.items.map((n) => ({
          key: String(n.id),
          label: <span className={n.read_at === null ? 'notice-unread' : undefined}>{noticeText(t, n)}</span>,
          onClick: () => void follow(n),
        }))
      : [{ key: 'empty', label: t('notice.empty'), disabled: true }];

  const label = unread > 0 ? t('notice.bellUnread', { count: unread }) : t('notice.bell');
  return (
    <Dropdown menu={{ items, className: 'notice-menu' }} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={label} title={label} className="notice-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="notice-bell-icon" />
        </Badge>
      </Button>
    </Dropdown>
  );
}

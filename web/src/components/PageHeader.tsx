import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';

interface Props {
  title: ReactNode;
  /** A line of secondary text under the title. */
  subtitle?: ReactNode;
  /** The page's buttons, beside the title (not printed). */
  actions?: ReactNode;
  /** Anything else under the title. */
  children?: ReactNode;
}

/** The title of a page, what it shows under it, and the page's buttons. */
export function PageHeader({ title, subtitle, actions, children }: Props) {
  return (
    <div className="page-header">
      <Space direction="vertical" size={0}>
        <Typography.Title level={2}>{title}</Typography.Title>
        {subtitle !== undefined && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        {children}
      </Space>
      {actions && (
        <Space wrap className="no-print">
          {actions}
        </Space>
      )}
    </div>
  );
}

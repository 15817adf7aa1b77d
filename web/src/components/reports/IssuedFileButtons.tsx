import { Button, Space } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { issuedFileUrl } from '../../api/reports';
import type { ReactNode } from 'react';
import type { IssuedReportFormat, IssuedReportSummary } from '../../api/types';
import { useT } from '../../i18n';

/** The order the stored files are offered in, and each one's name and icon. */
const FILES = [
  { format: 'pdf', name: 'PDF', icon: <FilePdfOutlined /> },
  { format: 'docx', name: 'Word', icon: <FileWordOutlined /> },
  { format: 'xlsx', name: 'Excel', icon: <FileExcelOutlined /> },
] as const satisfies readonly { format: IssuedReportFormat; name: string; icon: ReactNode }[];

/**
 * The downloads of an issued report's stored files, byte for byte as issued; `small` in a table's
 * row, where each says whose file it is.
 */
export function IssuedFileButtons({ report, small = false }: { report: Pick<IssuedReportSummary, 'id' | 'number_text' | 'formats'>; small?: boolean }) {
  const t = useT();
  return (
    <Space.Compact>
      {FILES.filter((f) => report.formats.includes(f.format)).map((f) => (
        <Button
          key={f.format}
          size={small ? 'small' : undefined}
          icon={f.icon}
          href={issuedFileUrl(report.id, f.format)}
          download
          aria-label={small ? t('ir.downloadOf', { format: f.name, number: report.number_text }) : undefined}
        >
          {small ? f.name : t('ir.download', { format: f.name })}
        </Button>
      ))}
    </Space.Compact>
  );
}

import { Button, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';

interface Props {
  /** What the row is called in the buttons' names: "Nơi nhận 2". */
  item: string;
  index: number;
  count: number;
  /** Order matters for the list (printed in it): offer moving up and down. */
  ordered?: boolean;
  /** The list must keep at least one row. */
  keepOne?: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** The buttons that move a row of an edited list up or down, or remove it. */
export function ListRowActions({ item, index, count, ordered = false, keepOne = false, onMove, onRemove }: Props) {
  const t = useT();
  return (
    <Space size={4} className="rs-row-actions">
      {ordered && (
        <>
          <Button
            icon={<ArrowUpOutlined />}
            aria-label={t('rs.moveUp', { item })}
            title={t('rs.moveUp', { item })}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          />
          <Button
            icon={<ArrowDownOutlined />}
            aria-label={t('rs.moveDown', { item })}
            title={t('rs.moveDown', { item })}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          />
        </>
      )}
      <Button
        danger
        icon={<DeleteOutlined />}
        aria-label={t('rs.remove', { item })}
        title={t('rs.remove', { item })}
        disabled={keepOne && count === 1}
        onClick={() => onRemove(index)}
      />
    </Space>
  );
}

import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useDebouncedText } from '../lib/useDebouncedText';

interface Props {
  /** Says what is searched; also the placeholder. */
  label: string;
  value: string;
  onChange: (text: string) => void;
  onPressEnter?: () => void;
  width: number;
  maxLength?: number;
}

/** The search box of a list page's toolbar. */
export function SearchInput({ label, value, onChange, onPressEnter, width, maxLength }: Props) {
  return (
    <Input
      allowClear
      prefix={<SearchOutlined aria-hidden />}
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onPressEnter={onPressEnter}
      style={{ width, maxWidth: '100%' }}
      maxLength={maxLength}
    />
  );
}

/**
 * A search box whose text is applied (trimmed) after a pause in typing, or at once on Enter;
 * `applied` is the search in force, which the box follows when it changes from outside.
 */
export function DebouncedSearchInput({
  label,
  applied,
  onSearch,
  width,
  delayMs = 350,
}: {
  label: string;
  applied: string;
  onSearch: (text: string) => void;
  width: number;
  delayMs?: number;
}) {
  const search = useDebouncedText(applied, onSearch, delayMs);
  return (
    <SearchInput
      label={label}
      value={search.text}
      onChange={search.change}
      onPressEnter={search.applyNow}
      width={width}
      maxLength={200}
    />
  );
}

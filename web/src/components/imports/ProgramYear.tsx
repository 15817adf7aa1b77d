// The year a program's deadlines are read in when they leave it out ("Tháng 12", "Quý IV",
// "15/12"): taken from the source's title or date, and changed here when that is not the
// program's year, as with next year's program issued late in this one.
import { Button, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import type { ImportPreview } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

interface Props {
  preview: ImportPreview;
  editable: boolean;
  busy: boolean;
  onChoose: (year: number | null) => void;
}

export function ProgramYear({ preview, editable, busy, onChoose }: Props) {
  const t = useT();
  const [typed, setTyped] = useState<number | null>(preview.year);
  // A new year read (chosen, or back to the source's) replaces what was typed in the render that
  // brings it, not in one after it: the field never shows the year before beside the new source.
  const [read, setRead] = useState(preview.year);
  if (read !== preview.year) {
    setRead(preview.year);
    setTyped(preview.year);
  }
  // A choice the server refused leaves the year as it was, and the field shows that year again.
  const [wasBusy, setWasBusy] = useState(busy);
  if (wasBusy !== busy) {
    setWasBusy(busy);
    if (!busy) setTyped(preview.year);
  }
  const from = t(`imp.year.from.${preview.year_from}` as MessageKey);

  if (!editable) {
    return (
      <span>
        {t('imp.year')}: <strong>{preview.year}</strong> <Typography.Text type="secondary">({from})</Typography.Text>
      </span>
    );
  }
  const commit = () => {
    if (typed === null || typed === preview.year || typed < MIN_YEAR || typed > MAX_YEAR) {
      setTyped(preview.year);
      return;
    }
    onChoose(typed);
  };
  return (
    <div className="imp-inline-field">
      <label htmlFor="imp-year">{t('imp.year')}</label>
      <InputNumber<number>
        id="imp-year"
        className="imp-year"
        min={MIN_YEAR}
        max={MAX_YEAR}
        precision={0}
        controls={false}
        value={typed}
        disabled={busy}
        onChange={setTyped}
        onBlur={commit}
        onPressEnter={commit}
      />
      <Typography.Text type="secondary">{from}</Typography.Text>
      {preview.year_from === 'choice' && (
        <Button type="link" size="small" className="imp-year-reset" disabled={busy} onClick={() => onChoose(null)}>
          {t('imp.year.reset')}
        </Button>
      )}
    </div>
  );
}

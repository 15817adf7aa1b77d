import { DatePicker, Form, Input, Radio } from 'antd';
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarDay } from '../../api/types';
import { useT, type TFunction } from '../../i18n';
import { fromIsoDate, toIsoDate } from '../../lib/format';
import { requiredChoice, requiredText } from '../../lib/formRules';
import { useSubmit } from '../../lib/useSubmit';
import { FormModal, type DialogProps } from '../FormModal';

interface Values {
  date: Dayjs | null;
  working: boolean;
  name: string;
}

interface Props extends DialogProps<CalendarDay> {
  open: boolean;
  year: number;
  /** The day to edit; none: a new one. */
  day?: CalendarDay | null;
  /** The dates of the year's other days: a date may appear only once. */
  takenDates: ReadonlySet<string>;
}

// The server counts a name's length in UTF-8 bytes, so a Vietnamese name reaches the limit well
// before 200 letters; saying so here spares a refusal of the whole list.
const NAME_MAX_BYTES = 200;
const utf8 = new TextEncoder();

/** 0 Sunday … 6 Saturday, of a "YYYY-MM-DD" date (the same whatever the browser's time zone). */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export const isWeekend = (iso: string) => {
  const d = weekdayOf(iso);
  return d === 0 || d === 6;
};

function dateRules(t: TFunction, year: number, taken: ReadonlySet<string>): FormRule[] {
  return [
    requiredChoice(t, t('cal.date')),
    {
      validator: async (_, value: Dayjs | null) => {
        const iso = toIsoDate(value);
        if (!iso) return;
        if (value?.year() !== year) throw new Error(t('cal.dateOutsideYear', { year }));
        if (taken.has(iso)) throw new Error(t('cal.dateTaken'));
      },
    },
  ];
}

/** Adds a day off or a weekend day worked to the year's list being edited, or changes one. */
export function CalendarDayModal({ open, year, day, takenDates, onClose, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  // Nothing is sent from here: the list is saved as a whole from the page.
  const save = useSubmit(async (v: Values) => {
    onDone({ date: toIsoDate(v.date) as string, working: v.working, name: v.name.trim() });
  });

  const workedOnWeekday: FormRule = ({ getFieldValue }) => ({
    validator: async (_, working: boolean) => {
      const iso = toIsoDate(getFieldValue('date') as Dayjs | null);
      if (working && iso && !isWeekend(iso)) throw new Error(t('cal.workedNotWeekend'));
    },
  });

  return (
    <FormModal
      open={open}
      title={day ? t('cal.editDayTitle') : t('cal.newDayTitle')}
      okText={day ? t('common.save') : t('cal.addDay')}
      width={520}
      form={form}
      values={day ? { date: fromIsoDate(day.date), working: day.working, name: day.name } : { date: null, working: false, name: '' }}
      submission={save}
      onCancel={onClose}
    >
      <Form.Item name="date" label={t('cal.date')} rules={dateRules(t, year, takenDates)}>
        <DatePicker
          format="DD/MM/YYYY"
          style={{ width: '100%' }}
          defaultPickerValue={dayjs(`${year}-01-01`)}
          disabledDate={(d) => d.year() !== year}
        />
      </Form.Item>
      <Form.Item name="working" label={t('cal.kind')} dependencies={['date']} rules={[workedOnWeekday]}>
        <Radio.Group
          options={[
            { value: false, label: t('cal.dayOff') },
            { value: true, label: t('cal.dayWorked') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('cal.name')}
        rules={[
          requiredText(t, t('cal.name')),
          {
            validator: async (_, name: string | undefined) => {
              if (name && utf8.encode(name.trim()).length > NAME_MAX_BYTES) throw new Error(t('cal.nameTooLong'));
            },
          },
        ]}
      >
        <Input maxLength={NAME_MAX_BYTES} placeholder={t('cal.namePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

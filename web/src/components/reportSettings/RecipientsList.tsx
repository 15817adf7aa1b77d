import { Button, Form, Input, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { maxUtf8Bytes, requiredText } from '../../lib/formRules';
import { ListRowActions } from './ListRowActions';
import { LINE_MAX_BYTES, RECIPIENTS_MAX } from './settingsValues';

/** "Nơi nhận": one line each, in the order printed. */
export function RecipientsList({ editable }: { editable: boolean }) {
  const t = useT();
  return (
    <Form.List
      name="recipients"
      rules={[
        {
          validator: async (_, lines: string[] | undefined) => {
            if ((lines?.length ?? 0) > RECIPIENTS_MAX) throw new Error(t('rs.tooMany', { max: RECIPIENTS_MAX }));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <>
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('rs.recipientsNone')}</Typography.Paragraph>}
          {fields.map((field, index) => {
            const item = t('rs.recipient', { n: index + 1 });
            return (
              <div key={field.key} className="rs-list-row">
                <Form.Item
                  name={field.name}
                  className="rs-grow"
                  rules={[requiredText(t, item), maxUtf8Bytes(LINE_MAX_BYTES, t('rs.textTooLong'))]}
                >
                  <Input aria-label={item} addonBefore="-" />
                </Form.Item>
                {editable && (
                  <ListRowActions item={item} index={index} count={fields.length} ordered onMove={move} onRemove={remove} />
                )}
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          {editable && (
            <Button icon={<PlusOutlined />} disabled={fields.length >= RECIPIENTS_MAX} onClick={() => add('')}>
              {t('rs.addRecipient')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

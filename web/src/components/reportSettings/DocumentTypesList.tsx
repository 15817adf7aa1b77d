import { Button, Form, Input } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { DocumentType } from '../../api/types';
import { useT } from '../../i18n';
import { maxUtf8Bytes, requiredText } from '../../lib/formRules';
import { codeRules } from './codeRules';
import { ListRowActions } from './ListRowActions';
import { DOCUMENT_TYPES_MAX, NAME_MAX_BYTES } from './settingsValues';

/** The kinds of document the agency numbers, each with its code; at least one. */
export function DocumentTypesList({ editable }: { editable: boolean }) {
  const t = useT();
  return (
    <Form.List
      name="document_types"
      rules={[
        {
          validator: async (_, types: Partial<DocumentType>[] | undefined) => {
            const list = types ?? [];
            if (list.length > DOCUMENT_TYPES_MAX) throw new Error(t('rs.tooMany', { max: DOCUMENT_TYPES_MAX }));
            const codes = list.map((d) => (d?.code ?? '').trim()).filter(Boolean);
            if (new Set(codes).size < codes.length) throw new Error(t('rs.typeCodeTaken'));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <>
          {fields.map((field, index) => {
            const item = t('rs.typeLabel', { n: index + 1 });
            return (
              <div key={field.key} className="rs-list-row rs-labelled" role="group" aria-label={item}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={t('rs.typeName')}
                  className="rs-grow"
                  rules={[requiredText(t, t('rs.typeName')), maxUtf8Bytes(NAME_MAX_BYTES, t('rs.textTooLong'))]}
                >
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, 'code']} label={t('rs.typeCode')} className="rs-code" rules={codeRules(t, t('rs.typeCode'), 'type')}>
                  <Input />
                </Form.Item>
                {editable && (
                  <ListRowActions item={item} index={index} count={fields.length} keepOne onMove={move} onRemove={remove} />
                )}
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          {editable && (
            <Button icon={<PlusOutlined />} disabled={fields.length >= DOCUMENT_TYPES_MAX} onClick={() => add({ name: '', code: '' })}>
              {t('rs.addType')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

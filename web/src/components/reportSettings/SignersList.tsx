import { Button, Form, Input, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Id } from '../../api/types';
import { useT } from '../../i18n';
import { labelFilter } from '../../lib/format';
import { maxUtf8Bytes, requiredChoice, requiredText } from '../../lib/formRules';
import { ListRowActions } from './ListRowActions';
import { NAME_MAX_BYTES, SIGNERS_MAX, type SignerValues } from './settingsValues';

interface Props {
  editable: boolean;
  /** The people who may sign: "Name – position" options. */
  options: { value: Id; label: string }[];
}

/** Who signs the agency's documents, in order, with the lines above each signature. */
export function SignersList({ editable, options }: Props) {
  const t = useT();
  return (
    <Form.List
      name="signers"
      rules={[
        {
          validator: async (_, signers: SignerValues[] | undefined) => {
            const list = signers ?? [];
            if (list.length > SIGNERS_MAX) throw new Error(t('rs.tooMany', { max: SIGNERS_MAX }));
            const people = list.map((s) => s?.person_id).filter((id) => id !== undefined);
            if (new Set(people).size < people.length) throw new Error(t('rs.signerTaken'));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <>
          {fields.map((field, index) => {
            const item = t('rs.signer', { n: index + 1 });
            return (
              <fieldset key={field.key} className="rs-signer">
                <legend>{item}</legend>
                <Form.Item name={[field.name, 'person_id']} label={t('rs.signerPerson')} rules={[requiredChoice(t, t('rs.signerPerson'))]}>
                  <Select showSearch options={options} filterOption={labelFilter} popupMatchSelectWidth={false} />
                </Form.Item>
                <div className="rs-list-row">
                  <Form.Item
                    name={[field.name, 'authority']}
                    label={t('rs.signerAuthority')}
                    extra={t('rs.signerAuthorityHelp')}
                    className="rs-grow"
                    rules={[maxUtf8Bytes(NAME_MAX_BYTES, t('rs.textTooLong'))]}
                  >
                    <Input className="rs-capitals" placeholder={t('rs.signerAuthorityPlaceholder')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('rs.signerTitle')}
                    className="rs-grow"
                    rules={[requiredText(t, t('rs.signerTitle')), maxUtf8Bytes(NAME_MAX_BYTES, t('rs.textTooLong'))]}
                  >
                    <Input className="rs-capitals" placeholder={t('rs.signerTitlePlaceholder')} />
                  </Form.Item>
                </div>
                {editable && (
                  <div className="rs-signer-actions">
                    <ListRowActions item={item} index={index} count={fields.length} ordered onMove={move} onRemove={remove} />
                  </div>
                )}
              </fieldset>
            );
          })}
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('rs.signersNone')}</Typography.Paragraph>}
          <Form.ErrorList errors={errors} />
          {editable && (
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= SIGNERS_MAX}
              onClick={() => add({ person_id: undefined, authority: '', title: '' } satisfies SignerValues)}
            >
              {t('rs.addSigner')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

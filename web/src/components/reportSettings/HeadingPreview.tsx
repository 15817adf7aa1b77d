import { Form } from 'antd';
import { useT } from '../../i18n';
import { capitals } from './settingsValues';

/** The heading's two lines as a document prints them: capitals, the agency's bold over a short rule. */
export function HeadingPreview() {
  const t = useT();
  const form = Form.useFormInstance();
  const parentLine: string = Form.useWatch('parent_line', form) ?? '';
  const agencyLine: string = Form.useWatch('agency_line', form) ?? '';
  return (
    <figure className="rs-heading-preview">
      <figcaption>{t('rs.headingPreview')}</figcaption>
      <div className="rs-heading-lines">
        {parentLine.trim() && <div>{capitals(parentLine)}</div>}
        <div className="rs-heading-agency">{capitals(agencyLine)}</div>
        <hr />
      </div>
    </figure>
  );
}

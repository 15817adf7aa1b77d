import { useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import { Button, Form, Select, TreeSelect } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AntdTestProviders } from '../test/render';
import { keepAriaRequiredOnCombobox } from './selectAria';

const OPTIONS = [{ value: 1, label: 'Phòng Quản lý kết cấu hạ tầng' }];

/** A source (required, shown at once) and a lead unit that becomes required on demand. */
function TaskFields() {
  const [leadRequired, setLeadRequired] = useState(false);
  return (
    <Form>
      <Form.Item name="source_id" label="Nguồn nhiệm vụ" rules={[{ required: true }]}>
        <Select options={OPTIONS} />
      </Form.Item>
      <Form.Item name="lead_org_id" label="Đơn vị chủ trì" rules={[{ required: leadRequired }]}>
        <TreeSelect treeData={[{ value: 1, title: 'Phòng QLKCHT' }]} />
      </Form.Item>
      <Button onClick={() => setLeadRequired(true)}>Bắt buộc</Button>
    </Form>
  );
}

describe('keepAriaRequiredOnCombobox', () => {
  let stop: () => void;
  beforeEach(() => {
    stop = keepAriaRequiredOnCombobox();
  });
  afterEach(() => stop());

  const outers = () => [...document.querySelectorAll('.ant-select')];

  it('leaves aria-required on the combobox only, also when a field becomes required later', async () => {
    render(<TaskFields />, { wrapper: AntdTestProviders });
    const [source, lead] = screen.getAllByRole('combobox');
    await act(async () => {});
    expect(source).toHaveAttribute('aria-required', 'true');
    expect(lead).not.toHaveAttribute('aria-required');
    expect(outers().filter((el) => el.hasAttribute('aria-required'))).toEqual([]);

    await act(async () => screen.getByRole('button', { name: 'Bắt buộc' }).click());
    expect(lead).toHaveAttribute('aria-required', 'true');
    expect(outers().filter((el) => el.hasAttribute('aria-required'))).toEqual([]);
  });

  it('cleans what was there before it started', () => {
    stop();
    render(<TaskFields />, { wrapper: AntdTestProviders });
    expect(outers()[0]).toHaveAttribute('aria-required', 'true');
    stop = keepAriaRequiredOnCombobox();
    expect(outers()[0]).not.toHaveAttribute('aria-required');
    expect(screen.getAllByRole('combobox')[0]).toHaveAttribute('aria-required', 'true');
  });
});

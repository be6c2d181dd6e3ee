import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Guide, GuideSaveInput, MaterialForm, MaterialMedium } from '../../api/types.ts';
import { caseLabel, SERVICE_CODES } from '../../i18n/labels.ts';
import { cellStyle, RowsEditor } from './RowsEditor.tsx';

export interface MaterialValues {
  name: string;
  form: MaterialForm;
  copies: number | null;
  medium: MaterialMedium;
  required: boolean;
  sample: string;
}

export interface GuideValues {
  conditions: string;
  materials: MaterialValues[];
  process: string;
  legalBasis: string;
  place: string;
  hours: string;
  contactPhone: string;
  complaintPhone: string;
  onlineUrl: string;
}

const TEXT_FIELDS = [
  'conditions',
  'materials',
  'process',
  'legalBasis',
  'place',
  'hours',
  'contactPhone',
  'complaintPhone',
  'onlineUrl',
];
const MATERIAL_FIELDS = ['name', 'form', 'copies', 'medium', 'required', 'sample'];

export function guideFieldKnown(path: (string | number)[]): boolean {
  const [top, index, sub] = path;
  if (path.length === 1) return typeof top === 'string' && TEXT_FIELDS.includes(top);
  return (
    path.length === 3 &&
    top === 'materials' &&
    typeof index === 'number' &&
    typeof sub === 'string' &&
    MATERIAL_FIELDS.includes(sub)
  );
}

export function guideValues(g: Guide | null): GuideValues {
  return {
    conditions: g?.conditions ?? '',
    materials: (g?.materials ?? []).map((m) => ({ ...m, sample: m.sample ?? '' })),
    process: g?.process ?? '',
    legalBasis: g?.legalBasis ?? '',
    place: g?.place ?? '',
    hours: g?.hours ?? '',
    contactPhone: g?.contactPhone ?? '',
    complaintPhone: g?.complaintPhone ?? '',
    onlineUrl: g?.onlineUrl ?? '',
  };
}

/** The save body; `updatedAt` is the guide as read, so that a guide changed since is not overwritten. */
export function toGuideInput(v: GuideValues, updatedAt: string | undefined): GuideSaveInput {
  const s = (x: string | undefined | null) => (x ?? '').trim();
  return {
    conditions: s(v.conditions),
    materials: (v.materials ?? []).map((m) => ({
      name: s(m.name),
      form: m.form,
      copies: m.copies ?? 0,
      medium: m.medium,
      required: Boolean(m.required),
      sample: s(m.sample) || null,
    })),
    process: s(v.process),
    legalBasis: s(v.legalBasis),
    place: s(v.place),
    hours: s(v.hours),
    contactPhone: s(v.contactPhone),
    complaintPhone: s(v.complaintPhone),
    onlineUrl: s(v.onlineUrl) || null,
    ...(updatedAt ? { updatedAt } : {}),
  };
}

const PHONE = /^[0-9+\-()（） ,，、转]*$/;

/** The guide's standard elements (办事指南要素), with the materials as an editable table. */
export function GuideFields() {
  const { t } = useTranslation();
  const area = (name: keyof GuideValues, label: string, rows = 3, placeholder?: string) => (
    <Form.Item name={name} label={label}>
      <Input.TextArea
        autoSize={{ minRows: rows, maxRows: 12 }}
        maxLength={5000}
        placeholder={placeholder}
        data-testid={`guide-${name}`}
      />
    </Form.Item>
  );
  const phoneRule = { pattern: PHONE, message: t('services.edit.phoneFormat') };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('services.edit.guideHint')}</Typography.Paragraph>
      {area('conditions', t('services.guide.conditions'), 3)}
      <Typography.Title level={5}>{t('services.guide.materials')}</Typography.Title>
      <RowsEditor
        name="materials"
        testId="material"
        movable
        max={100}
        addLabel={t('services.edit.addMaterial')}
        emptyText={t('services.guide.noMaterials')}
        newRow={() => ({
          name: '',
          form: 'original',
          copies: 1,
          medium: 'paper',
          required: true,
          sample: '',
        })}
        columns={[
          {
            key: 'name',
            title: t('services.guide.materialName'),
            width: 180,
            render: (name, i) => (
              <Form.Item
                name={[name, 'name']}
                style={cellStyle}
                rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              >
                <Input
                  maxLength={200}
                  aria-label={`${t('services.guide.materialName')} ${i + 1}`}
                  data-testid={`material-${i}-name`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'form',
            title: t('services.guide.materialForm'),
            width: 120,
            render: (name, i) => (
              <Form.Item name={[name, 'form']} style={cellStyle}>
                <Select<MaterialForm>
                  aria-label={`${t('services.guide.materialForm')} ${i + 1}`}
                  options={SERVICE_CODES.materialForm.map((v) => ({
                    value: v,
                    label: caseLabel('materialForm', v),
                  }))}
                  popupMatchSelectWidth={false}
                  data-testid={`material-${i}-form`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'copies',
            title: t('services.guide.materialCopies'),
            width: 70,
            render: (name, i) => (
              <Form.Item name={[name, 'copies']} style={cellStyle}>
                <InputNumber
                  min={1}
                  max={99}
                  precision={0}
                  aria-label={`${t('services.guide.materialCopies')} ${i + 1}`}
                  style={{ width: '100%' }}
                  data-testid={`material-${i}-copies`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'medium',
            title: t('services.guide.materialMedium'),
            width: 120,
            render: (name, i) => (
              <Form.Item name={[name, 'medium']} style={cellStyle}>
                <Select<MaterialMedium>
                  aria-label={`${t('services.guide.materialMedium')} ${i + 1}`}
                  options={SERVICE_CODES.materialMedium.map((v) => ({
                    value: v,
                    label: caseLabel('materialMedium', v),
                  }))}
                  popupMatchSelectWidth={false}
                  data-testid={`material-${i}-medium`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'required',
            title: t('services.guide.materialRequired'),
            width: 70,
            render: (name, i) => (
              <Form.Item name={[name, 'required']} valuePropName="checked" style={cellStyle}>
                <Checkbox
                  aria-label={`${t('services.guide.materialRequired')} ${i + 1}`}
                  data-testid={`material-${i}-required`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'sample',
            title: t('services.guide.materialSample'),
            width: 160,
            render: (name, i) => (
              <Form.Item name={[name, 'sample']} style={cellStyle}>
                <Input
                  maxLength={1000}
                  placeholder={t('services.edit.samplePlaceholder')}
                  aria-label={`${t('services.guide.materialSample')} ${i + 1}`}
                  data-testid={`material-${i}-sample`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      <div style={{ height: 16 }} />
      {area('process', t('services.guide.process'), 3)}
      {area('legalBasis', t('services.guide.legalBasis'), 2)}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={t('services.guide.place')}>
            <Input maxLength={500} data-testid="guide-place" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="hours" label={t('services.guide.hours')}>
            <Input
              maxLength={500}
              placeholder={t('services.edit.hoursPlaceholder')}
              data-testid="guide-hours"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contactPhone" label={t('services.guide.contactPhone')} rules={[phoneRule]}>
            <Input maxLength={100} inputMode="tel" data-testid="guide-contactPhone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="complaintPhone" label={t('services.guide.complaintPhone')} rules={[phoneRule]}>
            <Input maxLength={100} inputMode="tel" data-testid="guide-complaintPhone" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="onlineUrl"
        label={t('services.guide.onlineUrl')}
        rules={[{ pattern: /^https?:\/\/\S+$/i, message: t('services.edit.urlFormat') }]}
      >
        <Input maxLength={500} inputMode="url" placeholder="https://" data-testid="guide-onlineUrl" />
      </Form.Item>
    </>
  );
}

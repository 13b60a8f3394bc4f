import type { FieldSpecs } from '../input-fields.js';
import { PHRASE_STEPS } from './phrases.js';

/** Inputs of the intake desk's editors and actions (validated by parseFields; labels for the UI). */
export const PHRASE_CREATE_FIELDS: FieldSpecs = {
  step: { kind: 'enum', label: '环节', required: true, options: PHRASE_STEPS },
  title: { kind: 'text', label: '标题', required: true, maxLength: 50 },
  text: { kind: 'text', label: '话术内容', required: true, maxLength: 500, multiline: true },
};

export const PHRASE_UPDATE_FIELDS: FieldSpecs = {
  title: { kind: 'text', label: '标题', required: true, maxLength: 50 },
  text: { kind: 'text', label: '话术内容', required: true, maxLength: 500, multiline: true },
  active: { kind: 'boolean', label: '启用', required: false },
};

export const LINK_FIELDS: FieldSpecs = {
  relatedOrderId: { kind: 'order', label: '关联工单', required: true },
  comment: { kind: 'text', label: '备注', required: false, maxLength: 500 },
};

export const CALLER_FLAG_FIELDS: FieldSpecs = {
  harassment: { kind: 'boolean', label: '骚扰来电', required: true },
  note: { kind: 'text', label: '说明', required: false, maxLength: 500, multiline: true },
};

export const CATEGORY_UPDATE_FIELDS: FieldSpecs = {
  name: { kind: 'text', label: '分类名称', required: false, maxLength: 50 },
  emergencyHint: { kind: 'text', label: '紧急提示', required: false, maxLength: 200, multiline: true },
  active: { kind: 'boolean', label: '启用', required: false },
};

import { PHRASE_PLACEHOLDERS, phrasePlaceholders, renderPhrase, TRANSFER_TARGETS } from '@huawu/domain';
import { HOTLINE_NAME } from '../workbench/phrase-text';

/** The placeholders the workbench fills in, in the order editors see them. */
export const PLACEHOLDER_NAMES = Object.keys(PHRASE_PLACEHOLDERS);

/** What the preview fills the placeholders with: a typical call, as the workbench would. */
export function sampleValues(agentNo: string): Record<string, string> {
  return {
    热线名称: HOTLINE_NAME,
    工号: agentNo,
    称呼: '张先生',
    诉求摘要: '和平路128号路灯不亮',
    联系电话: '13900001111',
    建议渠道: '向人民法院提起诉讼',
    转接对象: TRANSFER_TARGETS.labels['119'],
  };
}

export interface PhrasePreview {
  /** The text with the sample values filled in (renderPhrase of the domain). */
  text: string;
  /** Placeholders the workbench does not know: they stay in braces when an agent reads the phrase. */
  unknown: string[];
}

export function previewPhrase(text: string, agentNo: string): PhrasePreview {
  const rendered = renderPhrase(text, sampleValues(agentNo));
  return {
    text: rendered.text,
    unknown: phrasePlaceholders(text).filter((name) => !PLACEHOLDER_NAMES.includes(name)),
  };
}

/**
 * Service language (服务用语, domain.md §8): the phrase library an agent reads from, per call step.
 * Texts carry placeholders in braces (`{热线名称}`) that `renderPhrase` fills in.
 */
export const PHRASE_STEPS = {
  values: ['opening', 'readback', 'hold', 'not_our_remit', 'emergency', 'closing', 'silent'] as const,
  labels: {
    opening: '开场',
    readback: '复述确认',
    hold: '等待',
    not_our_remit: '非受理范围',
    emergency: '紧急转接',
    closing: '结束',
    silent: '无声电话',
  },
};
export type PhraseStep = (typeof PHRASE_STEPS.values)[number];

export function isPhraseStep(value: unknown): value is PhraseStep {
  return typeof value === 'string' && (PHRASE_STEPS.values as readonly string[]).includes(value);
}

/** Placeholders the workbench knows how to fill. */
export const PHRASE_PLACEHOLDERS = {
  热线名称: 'the hotline name, e.g. 金城12345',
  工号: "the agent's number",
  称呼: 'how to address the caller, e.g. 张先生',
  诉求摘要: "the appeal's summary (title)",
  联系电话: "the caller's contact number",
  建议渠道: 'the proper channel for a matter not accepted',
  转接对象: 'the emergency service transferred to, e.g. 110',
} as const;

export interface DefaultPhrase {
  id: string;
  step: PhraseStep;
  title: string;
  text: string;
  sortOrder: number;
}

const p = (id: string, step: PhraseStep, sortOrder: number, title: string, text: string): DefaultPhrase => ({
  id,
  step,
  title,
  text,
  sortOrder,
});

export const DEFAULT_PHRASES: readonly DefaultPhrase[] = [
  p('ph-opening-1', 'opening', 1, '标准开场', '您好，{热线名称}{工号}号为您服务，请讲。'),
  p('ph-opening-2', 'opening', 2, '称呼来电人', '{称呼}您好，请问有什么可以帮您？'),
  p('ph-readback-1', 'readback', 1, '复述诉求', '{称呼}，跟您确认一下：您反映的是{诉求摘要}，对吗？'),
  p(
    'ph-readback-2',
    'readback',
    2,
    '核对电话',
    '请问您的联系电话是{联系电话}吗？我们会通过这个号码与您联系。',
  ),
  p('ph-readback-3', 'readback', 3, '询问缺失要素', '为了准确记录您的诉求，请问事情发生的具体时间和地点是？'),
  p('ph-hold-1', 'hold', 1, '请求等待', '很抱歉，请您稍等，我为您查询相关政策。'),
  p('ph-hold-2', 'hold', 2, '等待后回来', '感谢您的耐心等待。'),
  p('ph-hold-3', 'hold', 3, '查询时间较长', '很抱歉让您久等了，查询还需要一点时间，请您再稍等一下。'),
  p(
    'ph-remit-1',
    'not_our_remit',
    1,
    '非受理范围',
    '抱歉，这个问题不属于12345热线受理范围，建议您{建议渠道}。',
  ),
  p(
    'ph-remit-2',
    'not_our_remit',
    2,
    '已告知渠道后',
    '给您带来不便，敬请谅解。如您还有其他政务服务方面的问题，欢迎再次来电。',
  ),
  p(
    'ph-emergency-1',
    'emergency',
    1,
    '一键转接',
    '您反映的情况比较紧急，我现在为您转接{转接对象}，请不要挂机。',
  ),
  p(
    'ph-emergency-2',
    'emergency',
    2,
    '三方通话',
    '{转接对象}您好，这里是{热线名称}，现有来电人反映紧急情况，请您接听，我们三方通话。',
  ),
  p('ph-closing-1', 'closing', 1, '询问其他需求', '请问您还有其他需要帮助的吗？'),
  p('ph-closing-2', 'closing', 2, '结束语', '感谢您的来电，再见。'),
  p('ph-silent-1', 'silent', 1, '第一次问候', '您好，{热线名称}，请讲。'),
  p('ph-silent-2', 'silent', 2, '5秒后再次问候', '您好，请问能听到我说话吗？'),
  p(
    'ph-silent-3',
    'silent',
    3,
    '再等5秒后结束（5秒后挂机）',
    '对不起，您的电话没有声音，请您换一部电话再次打来，再见！',
  ),
];

const PLACEHOLDER = /\{([^{}\s]{1,20})\}/gu;

/** The placeholder names a text uses, in order of first appearance. */
export function phrasePlaceholders(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (m[1] && !names.includes(m[1])) names.push(m[1]);
  return names;
}

/**
 * Fills `{name}` placeholders from `values`. Placeholders without a (non-blank) value stay in the text,
 * braces and all, and are listed in `missing` so the agent sees what to fill in by voice.
 */
export function renderPhrase(
  text: string,
  values: Readonly<Record<string, string | number | null | undefined>>,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const rendered = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || String(value).trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return String(value);
  });
  return { text: rendered, missing };
}

import { PHRASE_STEPS, renderPhrase, TRANSFER_TARGETS } from '@huawu/domain';
import type { IntakeCheck } from '../../api/intake';
import { cleanPhone, type IntakeValues } from './intake-values';

/** How the phrases name this hotline (domain.md §8). */
export const HOTLINE_NAME = '12345政务服务便民热线';

/** Steps in the order of a call, with their labels (from the domain). */
export const STEPS: { step: string; label: string }[] = PHRASE_STEPS.values.map((step) => ({
  step,
  label: PHRASE_STEPS.labels[step],
}));

/** What the placeholders of the phrases are filled with. */
export type PhraseValues = Record<string, string | undefined>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The appeal in a few words for 「您反映的是{诉求摘要}，对吗？」: the title (else the content), and where. */
export function appealSummary(values: IntakeValues): string | undefined {
  const content = text(values.content);
  const about = text(values.title) || (content.length > 40 ? `${content.slice(0, 40)}…` : content);
  const address = text(values.address);
  if (!about) return undefined;
  return address && !about.includes(address) ? `${address}${about}` : about;
}

/** The placeholder values for this agent and this call (domain PHRASE_PLACEHOLDERS). */
export function phraseValues(
  agentNo: string,
  values: IntakeValues,
  check: IntakeCheck | undefined,
): PhraseValues {
  const refusal = check?.scope.matches.find((match) => match.kind === 'not_accept');
  const emergency = check?.scope.matches.find((match) => match.kind === 'emergency' && match.target);
  const advice = refusal?.script.match(/建议您(.+?)。?$/u)?.[1];
  return {
    热线名称: HOTLINE_NAME,
    工号: agentNo,
    称呼: values.anonymous === true ? undefined : text(values.callerName) || undefined,
    诉求摘要: appealSummary(values),
    联系电话: values.anonymous === true ? undefined : cleanPhone(values.callerPhone) || undefined,
    建议渠道: advice,
    转接对象: emergency?.target ? TRANSFER_TARGETS.labels[emergency.target] : undefined,
  };
}

export function fillPhrase(template: string, values: PhraseValues): { text: string; missing: string[] } {
  return renderPhrase(template, values);
}

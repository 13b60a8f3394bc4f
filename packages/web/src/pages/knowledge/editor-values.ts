import type { FieldSpecs } from '@huawu/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { ArticleContent, ArticleDetail, ArticleKind, VersionDetail } from '../../api/knowledge';

/** The editor form's values (dates as Dayjs for the pickers). */
export interface EditorValues {
  kind: ArticleKind;
  /** New guides only: the official item code. */
  itemCode?: string;
  title?: string;
  keywords?: string;
  ownerUnitId?: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  nextReviewOn?: Dayjs | null;
  changeNote?: string;
  fields: Record<string, string | undefined>;
}

const DATE = 'YYYY-MM-DD';
const toDay = (value: string | null | undefined) => (value ? dayjs(value, DATE) : null);
const fromDay = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : undefined);
const trimmed = (value: string | undefined) => value?.trim() || undefined;

/** An FAQ's question is also its title: the editor asks once. */
export const titleIsQuestion = (kind: ArticleKind) => kind === 'faq';

/** Starting values for a change of `article`: its pending proposal when there is one, else what is published. */
export function valuesFrom(article: ArticleDetail, pending: VersionDetail | null): EditorValues {
  const source = pending ?? article;
  return {
    kind: article.kind,
    title: source.title,
    keywords: source.keywords,
    ownerUnitId: source.ownerUnitId ?? undefined,
    validFrom: toDay(source.validFrom),
    validTo: toDay(source.validTo),
    nextReviewOn: toDay(source.nextReviewOn),
    changeNote: undefined,
    fields: { ...source.fields },
  };
}

/** Form values → request body: blanks left out, dates as local dates, only the kind's fields. */
export function toContent(values: EditorValues, specs: FieldSpecs): ArticleContent {
  const fields: Record<string, string> = {};
  for (const key of Object.keys(specs)) {
    const value = trimmed(values.fields?.[key]);
    if (value) fields[key] = value;
  }
  const title = titleIsQuestion(values.kind) ? (fields.question ?? '') : (trimmed(values.title) ?? '');
  return {
    title,
    keywords: trimmed(values.keywords),
    fields,
    ownerUnitId: values.ownerUnitId,
    validFrom: fromDay(values.validFrom),
    validTo: fromDay(values.validTo),
    nextReviewOn: fromDay(values.nextReviewOn),
    changeNote: trimmed(values.changeNote),
  };
}

/** A server issue's field (`fields.materials`, `title`, `body.validTo`…) as a form name path. */
export function formPath(field: string, kind: ArticleKind): (string | number)[] | null {
  const name = field.replace(/^(body|input)\./, '');
  if (name === 'title' && titleIsQuestion(kind)) return ['fields', 'question'];
  if (name.startsWith('fields.')) return ['fields', name.slice('fields.'.length)];
  if (
    [
      'title',
      'itemCode',
      'keywords',
      'ownerUnitId',
      'validFrom',
      'validTo',
      'nextReviewOn',
      'changeNote',
    ].includes(name)
  )
    return [name];
  return null;
}

import { type FieldSpecs, KB_FIELD_SPECS, isKbArticleKind } from '@huawu/domain';

/** The fields of an article kind, as the domain defines them (the server validates with the same specs). */
export function specsOf(kind: string, fromServer?: FieldSpecs): FieldSpecs {
  if (fromServer && Object.keys(fromServer).length > 0) return fromServer;
  return isKbArticleKind(kind) ? KB_FIELD_SPECS[kind] : {};
}

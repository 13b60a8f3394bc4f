/** 姓名 · 单位 of a version's author (names often carry their own bracketed role already). */
export const authorText = (version: { authorName: string; authorUnitName: string }) =>
  version.authorUnitName ? `${version.authorName} · ${version.authorUnitName}` : version.authorName;

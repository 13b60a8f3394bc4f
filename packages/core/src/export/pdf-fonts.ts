import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Fonts for printed forms. The primary font is Noto Sans Hans (Simplified Chinese, OFL-1.1) from the
 * npm package `@embedpdf/fonts-sc`; it covers GB2312 and more. For text with characters it lacks (rare
 * names, 生僻字) Debian's Noto Sans CJK collection is used when installed (`fonts-noto-cjk`); without it
 * the missing glyphs print as blanks, the rest of the text unaffected. pdfkit embeds only the glyphs used.
 */
export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
  /** A font collection file and the face to take from it, when present on this machine. */
  fallback: { path: string; face: string } | null;
}

const FALLBACK_CANDIDATES = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
];

let cached: PdfFonts | undefined;

/** The package's `exports` map hides package.json: resolve its entry (dist/index.cjs) and go to ../fonts. */
function fontDir(): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  return join(dirname(entry), '..', 'fonts');
}

/** Read once per process (8 MB each); every document then parses and subsets its own copy. */
export function pdfFonts(): PdfFonts {
  if (!cached) {
    const dir = fontDir();
    cached = {
      regular: readFileSync(join(dir, 'NotoSansHans-Regular.otf')),
      bold: readFileSync(join(dir, 'NotoSansHans-Bold.otf')),
      fallback: FALLBACK_CANDIDATES.find((c) => existsSync(c.path)) ?? null,
    };
  }
  return cached;
}

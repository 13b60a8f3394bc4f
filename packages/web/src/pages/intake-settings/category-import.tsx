import { importCategories } from '../../api/intake';
import { CsvImportPanel } from '../../components/csv-import-panel';

const HELP =
  'CSV 文件（UTF-8 或 GBK），每行 code,name,parent_code[,emergency_hint]，首行列名可选。新编码新建，已有编码更新' +
  '（名称、上级、紧急提示，并重新启用）；下级编码须以上级编码开头（如 01 → 0101）。先检查，确认无误后再导入；' +
  '有错误的行不会导入，其余行照常导入。';

/** 导入诉求分类: a CSV read in the browser, checked with a dry run, then imported (valid rows kept). */
export function CategoryImport({ onImported }: { onImported: () => void }) {
  return (
    <CsvImportPanel
      title="导入诉求分类"
      size="small"
      help={HELP}
      testIdPrefix="category-import"
      cardTestId="category-import"
      unit="个"
      importCsv={importCategories}
      onImported={onImported}
    />
  );
}

import { importArticles } from '../../api/knowledge';
import { CsvImportPanel } from '../../components/csv-import-panel';
import { ExportButton } from './export-button';

const HELP =
  '导入办事指南：CSV 文件（UTF-8 或 GBK，首行为列名；必需列 item_code、item_name，其余列与“导出 CSV”相同，' +
  '也接受政务服务事项目录的导出格式），按事项编码新增或更新，导入即发布。' +
  '先检查，确认无误后再导入；有错误的行不会导入，其余行照常导入。';

const importGuides = (csv: string, dryRun: boolean) => importArticles('guide', csv, dryRun);

/** 导入导出: a guide CSV checked with a dry run first, then imported; valid rows go in, bad rows are listed. */
export function ImportPage() {
  return (
    <CsvImportPanel
      title="导入导出"
      extra={<ExportButton kind="guide" />}
      help={HELP}
      testIdPrefix="kb-import"
      unit="条"
      headerRow
      importCsv={importGuides}
    />
  );
}

import type { ExportFormat } from '../../state/export-store';

export const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel' };

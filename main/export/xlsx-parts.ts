import { EventEmitter } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** XML is handed to the zip in 256 KiB chunks: each chunk costs deflate a thread-pool round trip. */
const BLOCK_BYTES = 1 << 18;

/** exceljs writes text, Buffers, or its own StringBuf, which it reuses right after the call returns. */
type ExcelChunk = string | Buffer | { toBuffer(): Buffer };

/**
 * What exceljs holds as a part's stream (a sheet's XML). exceljs writes one small string per row; they are
 * encoded straight into a block here and handed to the zip a block at a time through a real stream, `part`,
 * whose buffer fills when the zip falls behind — the backpressure exceljs's own part stream never applies.
 * Signals 'zipped' when the part is complete, as exceljs's stream does.
 */
class PartSink extends EventEmitter {
  private block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;

  constructor(readonly part: PassThrough) {
    super();
    part.on('finish', () => this.emit('zipped'));
  }
  write(chunk: ExcelChunk): boolean {
    if (typeof chunk === 'string') {
      // UTF-8 takes at most 3 bytes per UTF-16 unit, so this is a safe bound without measuring.
      if (chunk.length * 3 > BLOCK_BYTES - this.used) this.flush();
      if (chunk.length * 3 > BLOCK_BYTES) this.part.write(Buffer.from(chunk, 'utf8'));
      else this.used += this.block.write(chunk, this.used, 'utf8');
    } else {
      // Copied at once: exceljs reuses its StringBuf right after this call.
      const bytes = Buffer.isBuffer(chunk) ? chunk : chunk.toBuffer();
      if (bytes.length > BLOCK_BYTES - this.used) this.flush();
      if (bytes.length > BLOCK_BYTES) this.part.write(Buffer.from(bytes));
      else this.used += bytes.copy(this.block, this.used);
    }
    return true;
  }
  end(): void {
    this.flush();
    this.part.end();
  }
  pause(): void {}
  private flush(): void {
    if (this.used === 0) return;
    this.part.write(this.block.subarray(0, this.used));
    this.block = Buffer.allocUnsafe(BLOCK_BYTES);
    this.used = 0;
  }
}

interface WorkbookInternals {
  zip: {
    append(source: PassThrough, options: { name: string }): void;
    abort(): void;
    on(e: 'error', l: () => void): void;
  };
  _openStream(path: string): PartSink;
}

/**
 * exceljs's streaming workbook, with each part written through a `PartSink` so the writer can wait for the zip
 * to catch up. exceljs 4.4's own part stream takes data without limit, so a fast exporter would hold the whole
 * sheet in memory before the zip compresses it. This replaces that one internal method; exceljs is pinned.
 */
export class StreamingWorkbook {
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private lastPart: PassThrough | undefined;

  constructor(out: Writable, compressionLevel: number) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      // Shared strings would keep every distinct text of the export in memory until the end.
      useSharedStrings: false,
      zip: { zlib: { level: compressionLevel } },
    });
    const internals = this.workbook as unknown as WorkbookInternals;
    internals._openStream = (path: string) => {
      const part = new PassThrough({ highWaterMark: 1 << 20 });
      internals.zip.append(part, { name: path });
      this.lastPart = part;
      return new PartSink(part);
    };
  }

  /** Adds a sheet and returns it with its part stream, to wait on when it is full. */
  addSheet(
    name: string,
    options: Partial<ExcelJS.AddWorksheetOptions>,
  ): { sheet: ExcelJS.Worksheet; part: PassThrough } {
    this.lastPart = undefined;
    const sheet = this.workbook.addWorksheet(name, options);
    const part = this.lastPart as PassThrough | undefined;
    if (!part) throw new Error('exceljs did not open a stream for the new sheet');
    return { sheet, part };
  }

  /** Stops the zip after a failure or cancel so it writes nothing more. */
  abandon(): void {
    const zip = (this.workbook as unknown as WorkbookInternals).zip;
    zip.on('error', () => undefined);
    zip.abort();
  }
}

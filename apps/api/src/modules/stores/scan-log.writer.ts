import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ScanResult } from './entities/scan-log.entity';

export interface ScanLogEntry {
  code: string;
  userId: string | null;
  result: ScanResult;
  scanCodeId: string | null;
  storeId: string | null;
  shelfId: string | null;
}

/** How often the buffered scans are written, and how many make a write at once. */
const FLUSH_MS = 500;
const BATCH = 500;

/**
 * Scan log rows are written in batches (one multi-row INSERT per FLUSH_MS or BATCH rows)
 * instead of one autocommit INSERT per scan. Each entry keeps the time of its scan. A clean
 * stop (app.close() on SIGTERM/SIGINT) writes what is buffered before the database closes;
 * readers of the log on this replica flush first, so they see their own scans.
 */
@Injectable()
export class ScanLogWriter implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('ScanLog');
  private buffer: (ScanLogEntry & { at: Date })[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  add(entry: ScanLogEntry): void {
    this.buffer.push({ ...entry, at: new Date() });
    if (this.buffer.length >= BATCH) void this.flush();
  }

  /** Writes everything buffered so far (after any write already under way). */
  flush(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    this.writing = this.writing.then(() => (rows.length ? this.write(rows) : undefined));
    return this.writing;
  }

  private async write(rows: (ScanLogEntry & { at: Date })[]): Promise<void> {
    try {
      await this.dataSource.query(
        `INSERT INTO scan_log (code, user_id, result, scan_code_id, store_id, shelf_id, created_at)
         SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[])`,
        [
          rows.map((r) => r.code),
          rows.map((r) => r.userId),
          rows.map((r) => r.result),
          rows.map((r) => r.scanCodeId),
          rows.map((r) => r.storeId),
          rows.map((r) => r.shelfId),
          rows.map((r) => r.at),
        ],
      );
    } catch (err) {
      // The scan log is analytics: a failed batch is reported, and kept for the next flush once.
      this.logger.error({ err, rows: rows.length }, 'scan log batch could not be written');
      if (!rows.some((r) => (r as { retried?: boolean }).retried))
        this.buffer.unshift(...rows.map((r) => ({ ...r, retried: true })));
    }
  }
}

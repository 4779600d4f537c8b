/**
 * Append-only JSONL persistence: each change is one line, `<header JSON>` or `<header JSON>\t<payload JSON>`.
 * JSON.stringify never emits a raw tab, so the first tab splits header from payload and replay never parses payloads
 * (values stay JSON strings end to end). The file is rewritten from live state when it holds over twice what is live,
 * which keeps a write O(1) amortised however large the store grows.
 */
import fs from 'node:fs';
import readline from 'node:readline';

export interface JournalOptions {
  /** Don't compact below this file size: small files are cheap to replay. */
  minCompactBytes?: number;
  fileMode?: number;
}

export type SnapshotLine = readonly [header: unknown, payload: string | undefined];

export class Journal {
  private fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private flushScheduled: NodeJS.Immediate | null = null;
  private bytes: number;
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly options: JournalOptions,
  ) {
    this.fd = fs.openSync(file, 'a', options.fileMode ?? 0o644);
    this.bytes = fs.fstatSync(this.fd).size;
  }

  /** Replays every complete line in order; a torn last line (a crash mid-write) is skipped. */
  static async open(
    file: string,
    replay: (header: unknown, payload: string | undefined) => void,
    options: JournalOptions = {},
  ): Promise<Journal> {
    if (fs.existsSync(file)) {
      const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        const tab = line.indexOf('\t');
        try {
          const header: unknown = JSON.parse(tab < 0 ? line : line.slice(0, tab));
          replay(header, tab < 0 ? undefined : line.slice(tab + 1));
        } catch {
          // A torn line can only be the last one; everything before it is intact.
        }
      }
    }
    return new Journal(file, options);
  }

  get fileBytes(): number {
    return this.bytes + this.pendingBytes;
  }

  append(header: unknown, payload?: string): void {
    if (this.closed) throw new Error(`Journal ${this.file} is closed`);
    const line = payload === undefined ? `${JSON.stringify(header)}\n` : `${JSON.stringify(header)}\t${payload}\n`;
    this.pending.push(line);
    this.pendingBytes += Buffer.byteLength(line);
    this.flushScheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = null;
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    fs.writeSync(this.fd, chunk);
    this.bytes += Buffer.byteLength(chunk);
  }

  /** Rewrites the file from live state if most of it is superseded lines. */
  compactIfWasteful(liveBytes: number, snapshot: () => Iterable<SnapshotLine>): boolean {
    const minimum = this.options.minCompactBytes ?? 8 * 1024 * 1024;
    if (this.fileBytes < minimum || this.fileBytes <= 2 * liveBytes) return false;
    this.compact(snapshot());
    return true;
  }

  compact(lines: Iterable<SnapshotLine>): void {
    this.flush();
    const temp = `${this.file}.compacting`;
    const out = fs.openSync(temp, 'w', this.options.fileMode ?? 0o644);
    let buffer: string[] = [];
    let bufferLength = 0;
    let written = 0;
    const drain = (): void => {
      const chunk = buffer.join('');
      fs.writeSync(out, chunk);
      written += Buffer.byteLength(chunk);
      buffer = [];
      bufferLength = 0;
    };
    for (const [header, payload] of lines) {
      const line = payload === undefined ? `${JSON.stringify(header)}\n` : `${JSON.stringify(header)}\t${payload}\n`;
      buffer.push(line);
      bufferLength += line.length;
      if (bufferLength > 1 << 20) drain();
    }
    drain();
    fs.fsyncSync(out);
    fs.closeSync(out);
    fs.closeSync(this.fd);
    fs.renameSync(temp, this.file);
    this.fd = fs.openSync(this.file, 'a', this.options.fileMode ?? 0o644);
    this.bytes = written;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    fs.closeSync(this.fd);
    this.closed = true;
  }
}

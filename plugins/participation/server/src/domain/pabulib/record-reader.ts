/**
 * Splits `.pb` text into semicolon-separated records, chunk by chunk, so files are never held
 * whole. Handles a UTF-8 byte-order mark, Windows line ends, and quoted fields (with "" for a
 * quote, and line breaks inside quotes). Each record carries the line it starts on.
 */
export interface PabulibRecord {
  line: number;
  fields: string[];
}

export class RecordReader {
  private pending = '';
  private pendingStartLine = 1;
  private nextLine = 1;
  private atStart = true;
  /** True while a quoted field spans lines. */
  private continuing = false;

  constructor(private readonly onRecord: (record: PabulibRecord) => void) {}

  push(chunk: string): void {
    let text = chunk;
    if (this.atStart) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      this.acceptLine(text.slice(start, newline));
      start = newline + 1;
    }
    this.pending += text.slice(start);
  }

  end(): void {
    if (this.pending !== '') this.acceptLine('');
  }

  private acceptLine(rest: string): void {
    const line = this.pending + rest;
    this.pending = '';
    const lineNumber = this.nextLine;
    this.nextLine += 1;
    if (hasOpenQuote(line)) {
      // The record continues on the next line: keep the break, it belongs to a quoted field.
      this.pending = `${line}\n`;
      if (!this.continuing) this.pendingStartLine = lineNumber;
      this.continuing = true;
      return;
    }
    const startLine = this.continuing ? this.pendingStartLine : lineNumber;
    this.continuing = false;
    const record = line.endsWith('\r') ? line.slice(0, -1) : line;
    this.onRecord({ line: startLine, fields: record.includes('"') ? splitQuoted(record) : record.split(';') });
  }
}

function hasOpenQuote(line: string): boolean {
  let quotes = 0;
  for (let index = line.indexOf('"'); index !== -1; index = line.indexOf('"', index + 1)) quotes += 1;
  return quotes % 2 === 1;
}

function splitQuoted(record: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < record.length; index += 1) {
    const char = record[index];
    if (quoted) {
      if (char !== '"') field += char;
      else if (record[index + 1] === '"') {
        field += '"';
        index += 1;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

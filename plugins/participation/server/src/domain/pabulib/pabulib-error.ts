/** A `.pb` file that cannot be read, with the line (1-based) and the field at fault. */
export class PabulibError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    detail: string,
  ) {
    super(`line ${line}, field ${field}: ${detail}`);
    this.name = 'PabulibError';
  }
}

/** Something a file's own rules forbid but that is still counted, e.g. a ballot over max_length. */
export interface PabulibWarning {
  line: number;
  field: string;
  message: string;
}

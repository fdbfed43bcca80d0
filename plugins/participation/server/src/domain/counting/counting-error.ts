/** An election that cannot be counted, e.g. a ballot naming a project that does not exist. */
export class CountingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CountingError';
  }
}

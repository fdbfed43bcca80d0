import type { ApiError } from '../../../shared/contracts';

/** What a refused request said, read from useFetchClient's FetchError: the message and each named field's problem. */
export interface Refusal {
  status: number | null;
  message: string;
  fields: Record<string, string>;
  details: unknown;
}

export const refusalOf = (failure: unknown): Refusal => {
  const response = (failure as { response?: { status?: number; data?: ApiError<{ errors?: Array<{ path: string[]; message: string }> }> } } | null)?.response;
  const error = response?.data?.error;
  const fields: Record<string, string> = {};
  for (const { path, message } of error?.details?.errors ?? []) fields[path.join('.')] ??= message;
  return { status: response?.status ?? null, message: error?.message ?? String(failure), fields, details: error?.details };
};

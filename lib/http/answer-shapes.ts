/**
 * What a route's 2xx answer must look like to count as success:
 * - `any`: anything (the health check only asks whether something answers);
 * - `json`: an empty body or parsed JSON that is not bare text (answers Ethora does not document);
 * - `object`: a JSON object;
 * - `list`: a JSON array, or an object holding an array (Ethora's list key varies, ethora-api.md §4);
 * - `job`: a JSON object with a string `state`.
 */
export type AnswerShape = 'any' | 'json' | 'object' | 'list' | 'job';

/** Why `data` does not fit `shape` (words for an error message), or `undefined` when it fits. */
export function answerProblem(shape: AnswerShape, data: unknown): string | undefined {
  if (shape === 'any') return undefined;
  // Axios hands non-JSON text back as a string: an HTML login page, a gateway's notice.
  if (typeof data === 'string') return data === '' && shape === 'json' ? undefined : data === '' ? 'an empty body' : 'text, not JSON';
  if (shape === 'json') return undefined;
  if (data === null || data === undefined) return 'no JSON value (null)';
  if (shape === 'list') {
    if (Array.isArray(data)) return undefined;
    return typeof data === 'object' && Object.values(data).some(Array.isArray) ? undefined : 'no list in it';
  }
  if (typeof data !== 'object' || Array.isArray(data)) return Array.isArray(data) ? 'a list, not an object' : 'no JSON object';
  if (shape === 'job' && typeof (data as { state?: unknown }).state !== 'string') return 'a job without a state';
  return undefined;
}

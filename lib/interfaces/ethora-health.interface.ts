/** The result of `ping()`: Ethora answered `GET /v1/ping`. */
export interface EthoraPingResult {
  /** Round trip in ms, retries included. */
  latencyMs: number;
  /** Ethora's answer, as sent. */
  raw: unknown;
}

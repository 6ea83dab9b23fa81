import type { VerifiedToken } from './emulator-auth.js';
import type { EmulatorBehaviour } from './emulator-options.interface.js';
import type { AppRecord } from './emulator-records.js';
import type { EmulatorStore } from './emulator-store.js';
import type { JobRunner } from './job-runner.js';

/** What routes share. @internal */
export interface EmulatorServices {
  store: EmulatorStore;
  jobs: JobRunner;
  behaviour: EmulatorBehaviour;
}

/** One request as a route sees it. @internal */
export interface RouteContext {
  method: string;
  /** Path parameters, already percent-decoded per segment. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when none was sent. */
  body: unknown;
  /** The verified token (undefined on public routes). */
  auth: VerifiedToken | undefined;
  /** The app the request acts on: `:appId` of the path when present, else the token's app. */
  app: AppRecord;
  services: EmulatorServices;
}

/** What a route answers; `status` defaults to 200, a string `body` is sent as text. @internal */
export interface RouteResult {
  status?: number;
  body: unknown;
}

/** @internal */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Template with `:param` segments, e.g. `/v2/apps/:appId/tokens/:tokenId`. */
  path: string;
  /** Which token the route takes. */
  auth: 'server' | 'client' | 'none';
  handler: (ctx: RouteContext) => RouteResult;
}

/** Counters read through `emulator.stats()`. */
export interface EmulatorStats {
  /** Requests received (every route, unknown paths included). */
  requests: number;
  /** 429 answers given by the rate limit (injected faults not counted). */
  rateLimited: number;
  /** The most requests received within one wall-clock second. */
  maxRequestsPerSecond: number;
  /** Per app (as named by a verified token): requests and the most within one second. */
  apps: Record<string, { requests: number; maxRequestsPerSecond: number }>;
}

interface Window {
  requests: number;
  second: number;
  inSecond: number;
  max: number;
}

/** Counts requests per wall-clock second, overall and per app, in O(1) per request. @internal */
export class RequestStats {
  private total = newWindow();
  private readonly perApp = new Map<string, Window>();
  private limited = 0;

  /** One request; `appId` once its token is verified. */
  count(appId?: string): void {
    const second = Math.floor(Date.now() / 1000);
    tick(appId === undefined ? this.total : this.appWindow(appId), second);
  }

  rateLimited(): void {
    this.limited++;
  }

  snapshot(): EmulatorStats {
    const apps: EmulatorStats['apps'] = {};
    for (const [appId, w] of this.perApp) apps[appId] = { requests: w.requests, maxRequestsPerSecond: w.max };
    return { requests: this.total.requests, rateLimited: this.limited, maxRequestsPerSecond: this.total.max, apps };
  }

  clear(): void {
    this.total = newWindow();
    this.perApp.clear();
    this.limited = 0;
  }

  private appWindow(appId: string): Window {
    let w = this.perApp.get(appId);
    if (!w) this.perApp.set(appId, (w = newWindow()));
    return w;
  }
}

function newWindow(): Window {
  return { requests: 0, second: 0, inSecond: 0, max: 0 };
}

function tick(w: Window, second: number): void {
  w.requests++;
  if (w.second !== second) {
    w.second = second;
    w.inSecond = 0;
  }
  w.inSecond++;
  if (w.inSecond > w.max) w.max = w.inSecond;
}

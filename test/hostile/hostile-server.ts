import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Test, type TestingModule } from '@nestjs/testing';
import { EthoraChatModule, EthoraChatService, type EthoraChatModuleOptions } from '../../lib/index.js';

/** How the hostile server answers one request. */
export type Scenario = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A small `node:http` server that answers every request with the current scenario, and counts requests. */
export class HostileServer {
  readonly requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  private scenario: Scenario = json(200, { ok: true });
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      this.scenario(req, res, body);
    });
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** Answers every following request with `scenario`. */
  use(scenario: Scenario): void {
    this.scenario = scenario;
  }

  /** A repeating timer that ends with the server (trickles, endless bodies). */
  every(ms: number, tick: () => void): NodeJS.Timeout {
    const timer = setInterval(tick, ms);
    this.timers.add(timer);
    return timer;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Scenario {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/** A text (or HTML) answer. */
export function text(status: number, body: string, contentType = 'text/html'): Scenario {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  };
}

/** Streams spaces as fast as the client reads, for ever; declares `declared` bytes when given. */
export function hugeBody(declared?: number): Scenario {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...(declared !== undefined && { 'content-length': String(declared) }) });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    pump();
  };
}

/**
 * A gzip bomb of about `compressedBytes`: gzip members of 64 MB of spaces (~64 KB each) sent back to back,
 * which a gunzip inflates to about 1,000 times the size (2 MB inflates to about 2 GB).
 */
export function gzipBomb(compressedBytes: number): Scenario {
  const member = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
  const count = Math.max(1, Math.round(compressedBytes / member.length));
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(member.length * count) });
    let sent = 0;
    const pump = () => {
      while (!res.destroyed && sent < count) {
        sent++;
        if (!res.write(member)) return;
      }
      if (sent >= count) res.end();
    };
    res.on('drain', pump);
    pump();
  };
}

/** Sends headers at once, then one byte every `ms`: `total` bytes in all, or for ever. */
export function trickle(server: HostileServer, ms: number, total = Infinity): Scenario {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{');
    let sent = 1;
    const timer = server.every(ms, () => {
      if (res.destroyed) return clearInterval(timer);
      if (sent++ >= total - 1) {
        clearInterval(timer);
        res.end('}');
      } else res.write(' ');
    });
  };
}

/** Sends headers and half a JSON body, then drops the connection. */
export function dropMidBody(): Scenario {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"result":{"name":');
    setTimeout(() => res.socket?.destroy(), 20);
  };
}

/** Answers with `status` and a body that echoes the request's Authorization header (a chatty gateway). */
export function echoAuthorization(status: number): Scenario {
  return (req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', 'x-echo': String(req.headers.authorization) });
    res.end(`Bad gateway. Your request had Authorization: ${req.headers.authorization} and x-custom-token ${String(req.headers['x-custom-token'])}`);
  };
}

/** Never answers (until the server stops). */
export function hang(): Scenario {
  return () => undefined;
}

export const APP_ID = '65a1b2c3d4e5f60718293a4b';
export const APP_SECRET = 'a-hostile-test-secret-that-is-long';

/** The real module pointed at `server`; `close()` closes the module (the server is the test's). */
export async function moduleAgainst(
  server: HostileServer,
  options: Partial<EthoraChatModuleOptions> = {},
): Promise<{ moduleRef: TestingModule; service: EthoraChatService; close(): Promise<void> }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      EthoraChatModule.forRoot({
        apiUrl: server.url,
        appId: APP_ID,
        appSecret: APP_SECRET,
        logging: false,
        retryBaseDelayMs: 5,
        retryMaxDelayMs: 50,
        timeoutMs: 2_000,
        ...options,
      }),
    ],
  }).compile();
  await moduleRef.init();
  return { moduleRef, service: moduleRef.get(EthoraChatService), close: () => moduleRef.close() };
}

/** Runs `test` against a fresh server and module, and stops both whatever happens. */
export async function withHostile(
  options: Partial<EthoraChatModuleOptions>,
  test: (server: HostileServer, ctx: Awaited<ReturnType<typeof moduleAgainst>>) => Promise<void>,
): Promise<void> {
  const server = await new HostileServer().start();
  const ctx = await moduleAgainst(server, options);
  try {
    await test(server, ctx);
  } finally {
    await ctx.close();
    await server.stop();
  }
}

import { EmulatorHttpError } from './http-error.js';
import type { RouteDefinition } from './route-types.js';

interface CompiledRoute {
  def: RouteDefinition;
  segments: string[];
  literals: number;
}

/** A matched route with its decoded parameters. @internal */
export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

/**
 * A tiny router. Each path segment is percent-decoded on its own, so an id holding `%2F` stays one
 * segment instead of changing the route (the bug ethora-api.md §4 warns about). Among the templates
 * that match, the one with the most literal segments wins, so a parameterised route never swallows a
 * fixed one (`PATCH /v2/apps/{appId}/chats/users` is the users update, not a room update).
 * @internal
 */
export class Router {
  private readonly table = new Map<string, CompiledRoute[]>();

  add(routes: readonly RouteDefinition[]): this {
    for (const def of routes) {
      const segments = def.path.slice(1).split('/');
      const key = `${def.method} ${segments.length}`;
      const list = this.table.get(key) ?? [];
      list.push({ def, segments, literals: segments.filter((s) => !s.startsWith(':')).length });
      // Most literal segments first, so the first match is the most specific one.
      list.sort((a, b) => b.literals - a.literals);
      this.table.set(key, list);
    }
    return this;
  }

  /** Matches a raw (still encoded) path; throws 400 on a malformed percent-encoding. */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const trimmed = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
    const raw = trimmed.slice(1).split('/');
    const candidates = this.table.get(`${method} ${raw.length}`);
    if (!candidates) return undefined;
    const decoded = raw.map(decodeSegment);
    for (const { def, segments } of candidates) {
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length && ok; i++) {
        const seg = segments[i] as string;
        const value = decoded[i] as string;
        if (seg.startsWith(':')) {
          if (value === '') ok = false;
          else params[seg.slice(1)] = value;
        } else if (seg !== value) ok = false;
      }
      if (ok) return { route: def, params };
    }
    return undefined;
  }
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new EmulatorHttpError(400, 'BAD_REQUEST', `malformed percent-encoding in path segment ${JSON.stringify(segment)}`);
  }
}

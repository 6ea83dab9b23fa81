import { randomBytes } from 'node:crypto';
import type { AppRecord } from '../emulator-records.js';
import type { EmulatorStore, NewUser } from '../emulator-store.js';
import { EmulatorHttpError, notFound, unprocessableNotFound, validationError } from '../http-error.js';
import { assertPlainId, idKey, resolveLocalName } from '../naming.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { publicUser } from '../serializers.js';
import { asObject, optionalBoolean, optionalString, requireArray, requireName, requireString } from '../validation.js';

/** Fields the server knows; anything else in a user is kept as sent. */
const KNOWN_USER_FIELDS = new Set(['uuid', 'email', 'firstName', 'lastName', 'password', 'username', 'profileImage']);

/** Validates a whole `usersList` first: one bad user rejects the request (422 naming field and index). */
function parseUsersList(appId: string, body: unknown): NewUser[] {
  const b = asObject(body);
  const list = requireArray(b.usersList, 'usersList', 1, 100);
  const emailConfirmed = optionalBoolean(b.bypassEmailConfirmation, 'bypassEmailConfirmation') ?? false;
  return list.map((raw, i) => {
    const f = `usersList[${i}]`;
    const u = asObject(raw, f);
    const firstName = requireName(u.firstName, `${f}.firstName`);
    const lastName = requireName(u.lastName, `${f}.lastName`);
    const userId = assertPlainId(appId, u.uuid, `${f}.uuid`);
    const email = requireString(u.email, `${f}.email`);
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw validationError(`${f}.email is not an email address`, { [`${f}.email`]: 'email' });
    const password = optionalString(u.password, `${f}.password`);
    const extra: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(u)) if (!KNOWN_USER_FIELDS.has(key)) extra[key] = value;
    return {
      userId,
      email,
      firstName,
      lastName,
      username: optionalString(u.username, `${f}.username`),
      profileImage: optionalString(u.profileImage, `${f}.profileImage`),
      hasPassword: Boolean(password),
      emailConfirmed,
      extra,
    };
  });
}

/**
 * Creates the users. An existing uuid reports `exists` with the stored user (creates are keyed by
 * uuid, so a retry is safe); a uuid repeated inside the same batch reports `uuid_exists`.
 */
function applyUserBatch(store: EmulatorStore, app: AppRecord, users: NewUser[]): Array<Record<string, unknown>> {
  const inBatch = new Set<string>();
  return users.map((input) => {
    const existing = app.users.get(input.userId);
    let status: string;
    if (inBatch.has(idKey(input.userId))) status = 'uuid_exists';
    else if (existing) status = 'exists';
    else status = 'created';
    inBatch.add(idKey(input.userId));
    const user = existing ?? store.createUser(app, input);
    return { uuid: user.userId, status, xmppUsername: user.xmppUsername, user: publicUser(app.appId, user) };
  });
}

/** v2 (both scopes): always `202 { jobId, statusUrl }`; the job completes on the server's clock (§7.6). */
function createUsersJob(ctx: RouteContext, statusPath: string): RouteResult {
  const { app, services } = ctx;
  const users = parseUsersList(app.appId, ctx.body);
  const settled = services.store.queueUsers(app, users.map((u) => u.userId));
  const job = services.jobs.create(app, 'users', () => ({ results: applyUserBatch(services.store, app, users) }), settled);
  return { status: 202, body: { jobId: job.jobId, statusUrl: `${statusPath}/${encodeURIComponent(job.jobId)}` } };
}

/**
 * v1: synchronous `200 { ok, results }` (§7.1). A uuid that exists (or repeats in the batch) fails the
 * whole request with `422 { error }` saying "already exist", and nothing is created.
 */
function createUsersNow(ctx: RouteContext): RouteResult {
  const { app, services } = ctx;
  const users = parseUsersList(app.appId, ctx.body);
  const seen = new Set<string>();
  const taken: string[] = [];
  for (const u of users) {
    const key = idKey(u.userId);
    if (app.users.has(key) || seen.has(key)) taken.push(u.userId);
    seen.add(key);
  }
  if (taken.length > 0) {
    throw new EmulatorHttpError(422, 'ALREADY_EXISTS', `User already exists: ${taken.join(', ')}`, { existing: taken });
  }
  const results = applyUserBatch(services.store, app, users).map((r) => ({
    ...(r.user as Record<string, unknown>),
    xmppPassword: randomBytes(12).toString('base64url'),
  }));
  return { body: { ok: true, results } };
}

function pollUsers(ctx: RouteContext): RouteResult {
  return { body: ctx.services.jobs.poll(ctx.app, 'users', ctx.params.jobId as string) };
}

function deleteUsers(ctx: RouteContext): RouteResult {
  const { app, services } = ctx;
  const ids = requireArray(asObject(ctx.body).usersIdList, 'usersIdList', 1, Number.MAX_SAFE_INTEGER);
  let deleted = 0;
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || !id) throw validationError(`usersIdList[${i}] must be a non-empty string`, { [`usersIdList[${i}]`]: 'non-empty string' });
  });
  for (const id of ids as string[]) if (services.store.deleteUser(app, resolveLocalName(app.appId, id, 'usersIdList') ?? id)) deleted++;
  if (deleted === 0) throw unprocessableNotFound('Users not found', services.behaviour.notFoundBody);
  return { body: { ok: true, deleted } };
}

/** `GET /v1/apps/users/{xmppUsername}`: the prefixed or plain name; 404 when unknown. */
function userByXmppUsername(ctx: RouteContext): RouteResult {
  const { app } = ctx;
  const userId = resolveLocalName(app.appId, ctx.params.xmppUsername, 'xmppUsername');
  const user = userId === undefined ? undefined : app.users.get(userId);
  if (!user) throw notFound('USER_NOT_FOUND', 'User not found');
  return { body: { user: publicUser(app.appId, user) } };
}

/** User batch routes, their app-scoped twins and the v1 routes. @internal */
export const userRoutes: RouteDefinition[] = [
  { method: 'POST', path: '/v2/users/batch', auth: 'server', handler: (ctx) => createUsersJob(ctx, '/v2/users/batch') },
  { method: 'GET', path: '/v2/users/batch/:jobId', auth: 'server', handler: pollUsers },
  { method: 'POST', path: '/v2/apps/:appId/users/batch', auth: 'server', handler: (ctx) => createUsersJob(ctx, `/v2/apps/${ctx.app.appId}/users/batch`) },
  { method: 'GET', path: '/v2/apps/:appId/users/batch/:jobId', auth: 'server', handler: pollUsers },
  { method: 'POST', path: '/v1/users/batch', auth: 'server', handler: createUsersNow },
  { method: 'DELETE', path: '/v1/users/batch', auth: 'server', handler: deleteUsers },
  { method: 'DELETE', path: '/v2/apps/:appId/users/batch', auth: 'server', handler: deleteUsers },
  { method: 'GET', path: '/v1/apps/users/:xmppUsername', auth: 'server', handler: userByXmppUsername },
];

import type { AppRecord } from '../emulator-records.js';
import type { EmulatorStore, NewUser } from '../emulator-store.js';
import { unprocessableNotFound, validationError } from '../http-error.js';
import { assertPlainId } from '../naming.js';
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
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw validationError(`${f}.email is not an email address`);
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
    if (inBatch.has(input.userId)) status = 'uuid_exists';
    else if (existing) status = 'exists';
    else status = 'created';
    inBatch.add(input.userId);
    const user = existing ?? store.createUser(app, input);
    return { uuid: input.userId, status, xmppUsername: user.xmppUsername, user: publicUser(app.appId, user) };
  });
}

function createUsers(ctx: RouteContext): RouteResult {
  const { app, services } = ctx;
  const users = parseUsersList(app.appId, ctx.body);
  if (services.behaviour.userBatchMode === 'sync') {
    return { body: { ok: true, results: applyUserBatch(services.store, app, users) } };
  }
  const job = services.jobs.create(app, 'users', () => ({ results: applyUserBatch(services.store, app, users) }));
  return { status: 202, body: { jobId: job.jobId, statusUrl: `/v2/apps/${app.appId}/users/batch/${encodeURIComponent(job.jobId)}` } };
}

function pollUsers(ctx: RouteContext): RouteResult {
  return { body: ctx.services.jobs.poll(ctx.app, 'users', ctx.params.jobId as string) };
}

function deleteUsers(ctx: RouteContext): RouteResult {
  const { app, services } = ctx;
  const ids = requireArray(asObject(ctx.body).usersIdList, 'usersIdList', 1, Number.MAX_SAFE_INTEGER);
  let deleted = 0;
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || !id) throw validationError(`usersIdList[${i}] must be a non-empty string`);
  });
  for (const id of ids as string[]) if (services.store.deleteUser(app, id)) deleted++;
  if (deleted === 0) throw unprocessableNotFound('Users not found', services.behaviour.notFoundBody);
  return { body: { ok: true, deleted } };
}

/** User batch routes and their app-scoped twins. @internal */
export const userRoutes: RouteDefinition[] = [
  { method: 'POST', path: '/v2/users/batch', auth: 'server', handler: createUsers },
  { method: 'POST', path: '/v2/apps/:appId/users/batch', auth: 'server', handler: createUsers },
  { method: 'GET', path: '/v2/apps/:appId/users/batch/:jobId', auth: 'server', handler: pollUsers },
  { method: 'DELETE', path: '/v1/users/batch', auth: 'server', handler: deleteUsers },
  { method: 'DELETE', path: '/v2/apps/:appId/users/batch', auth: 'server', handler: deleteUsers },
];

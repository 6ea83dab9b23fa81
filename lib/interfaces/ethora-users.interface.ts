/** What `createUser` may set. Fields beyond these are sent to Ethora as they are. */
export interface CreateUserData {
  /** 2+ characters; shorter names are padded with "." (see the README). Default "Chat". */
  firstName?: string;
  /** 2+ characters; shorter names are padded with ".". Default "User". */
  lastName?: string;
  /** Split on the first space into first and last name, where those are not given. */
  displayName?: string;
  /** Default `<userId>@<appId>.example.com`: the same on every retry, so a retried create stays idempotent. */
  email?: string;
  /** Default: 24 random bytes (base64url). Never logged. */
  password?: string;
  [extra: string]: unknown;
}

/** One user as `POST /v2/users/batch` takes it. */
export interface EthoraNewUser {
  uuid: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  [extra: string]: unknown;
}

/** Per-user status Ethora reports for a batch; other strings pass through as sent. */
export type EthoraUserStatus = 'created' | 'exists' | 'uuid_exists' | 'missing' | (string & {});

/**
 * The outcome of creating one user, as the batch job reported it. `status` is `missing` only when the
 * job's results did not mention the user at all.
 */
export interface CreateUserResult {
  uuid?: string;
  status: EthoraUserStatus;
  xmppUsername?: string;
  user?: Record<string, unknown>;
  [field: string]: unknown;
}

/** The result of `deleteUsers`. `ok: false` with a reason when Ethora says the users do not exist. */
export type DeleteUsersResult = { ok: true } | { ok: false; reason: 'Users not found' };

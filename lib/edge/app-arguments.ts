import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { CreateAppData, CreateAppTokenData, EthoraAppOrder, UpdateAppData } from '../interfaces/ethora-apps.interface.js';
import { assertOptionalObject } from './arguments.js';
import { assertPlainJsonFields } from './plain-json.js';
import { assertObject, assertOptionalOneOf, assertOptionalText, assertText } from './request-arguments.js';

const ORDERS = ['asc', 'desc'] as const;

/** Checks `createApp`'s data: `displayName` (2+ characters), `domainName`, other fields plain JSON. */
export function readCreateAppData(data: unknown): CreateAppData {
  assertObject(data, 'data');
  const { displayName, domainName, ...extra } = data;
  assertText(displayName, 'data.displayName', ETHORA_LIMITS.nameMinLength);
  assertOptionalText(domainName, 'data.domainName');
  assertPlainJsonFields(extra, 'data');
  return data as CreateAppData;
}

/** Checks `updateApp`'s data: at least one field; `displayName` (when given) 2+ characters; all plain JSON. */
export function readUpdateAppData(data: unknown): UpdateAppData {
  assertObject(data, 'data');
  if (Object.keys(data).length === 0) throw new EthoraArgumentError('data', 'must set at least one field');
  const { displayName, ...extra } = data;
  if (displayName !== undefined) assertText(displayName, 'data.displayName', ETHORA_LIMITS.nameMinLength);
  assertPlainJsonFields(extra, 'data');
  return data as UpdateAppData;
}

/** Checks `createAppToken`'s data (`label`, optional) and builds the body. */
export function readAppTokenData(data: unknown): CreateAppTokenData {
  assertOptionalObject(data, 'data');
  assertOptionalText(data?.label, 'data.label');
  return data?.label === undefined ? {} : { label: data.label };
}

/** Checks `order` (`asc` | `desc`) and `orderBy` (a non-blank field name) of `listApps` / `iterateApps`. */
export function readAppOrder(options: unknown): EthoraAppOrder {
  if (options === undefined) return {};
  assertObject(options, 'options');
  const { order, orderBy } = options as EthoraAppOrder;
  assertOptionalOneOf(order, ORDERS, 'options.order');
  assertOptionalText(orderBy, 'options.orderBy');
  return { ...(order !== undefined && { order }), ...(orderBy !== undefined && { orderBy }) };
}

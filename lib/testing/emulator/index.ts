export { EthoraEmulator } from './ethora-emulator.js';
export type { EmulatorSeedRoom, EmulatorSeedUser, EmulatorTokenOptions } from './ethora-emulator.js';
export {
  DEFAULT_EMULATOR_APP_ID,
  DEFAULT_EMULATOR_APP_SECRET,
  DEFAULT_EMULATOR_XMPP_HOST,
} from './emulator-options.interface.js';
export type { EmulatorBehaviour, EthoraEmulatorOptions, NotFoundBodyShape } from './emulator-options.interface.js';
export { EmulatorState } from './emulator-state.js';
export type {
  EmulatorAppView,
  EmulatorBotView,
  EmulatorBroadcastView,
  EmulatorJobView,
  EmulatorRoomView,
  EmulatorTokenView,
  EmulatorUserView,
} from './emulator-state.js';
export { FaultInjector } from './fault-injector.js';
export type { FaultHandle, FaultRule } from './fault-injector.js';
export { JobRunner } from './job-runner.js';
export type { RecordedAuth, RecordedRequest } from './request-log.js';
export { SeededRandom } from './seeded-random.js';
export { parseEmulatorArgs } from './cli-args.js';
export type { EmulatorCliArgs } from './cli-args.js';
export type { JobSettings } from './job-runner.js';
export type { RateLimitSettings } from './rate-limiter.js';
export type { EmulatorStats } from './request-stats.js';

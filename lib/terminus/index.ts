export { EthoraHealthIndicator, type EthoraHealthCheckOptions } from './ethora-health.indicator.js';
export { EthoraTerminusModule } from './ethora-terminus.module.js';

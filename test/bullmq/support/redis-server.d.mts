export interface TestRedis {
  port: number;
  connection: { host: string; port: number };
  stop(): Promise<void>;
}
export function startRedis(): Promise<TestRedis>;

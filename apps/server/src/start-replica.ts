import { ExchangeReplica, type Follower, RedisBus, type RpcMessage } from "@cryptotrade/exchange";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Streams } from "./streams";

/** A replica follows the leader's books over the bus and forwards commands to it. */
export async function startReplica(options: {
  db: Parameters<typeof ExchangeReplica.start>[0]["db"];
  streams: Streams;
  redis: Redis;
  prefix: string;
  log: Logger;
  /** How long a forwarded command waits for the leader before its outcome is unknown. */
  forwardTimeoutMs?: number;
}): Promise<Follower & { exchange: ExchangeReplica }> {
  const rpc = new RedisBus<RpcMessage>(options.redis, `${options.prefix}:rpc`);
  const exchange = await ExchangeReplica.start({
    db: options.db,
    streams: options.streams.bus,
    rpc,
    log: options.log,
    ...(options.forwardTimeoutMs ? { forwardTimeoutMs: options.forwardTimeoutMs } : {}),
  });
  return {
    exchange,
    async close() {
      await exchange.stop();
      await rpc.close();
    },
  };
}

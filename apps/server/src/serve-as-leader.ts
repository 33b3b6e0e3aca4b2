import {
  channels,
  type Exchange,
  type LeaderServing,
  publishExchangeEvents,
  RedisBus,
  type RpcMessage,
  serveCommands,
} from "@cryptotrade/exchange";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Streams } from "./streams";

/**
 * The leader publishes every committed batch and, with Redis, runs commands replicas forward.
 * It starts with a reset notice: after a takeover, every replica's books and every subscriber
 * start again from what this leader rebuilt; with an `epoch`, replicas hear that it leads now.
 */
export function serveAsLeader(options: {
  exchange: Exchange;
  streams: Streams;
  redis: Redis | undefined;
  prefix: string;
  log: Logger;
  /** The leadership epoch (PostgreSQL); undefined when embedded. */
  epoch?: number | undefined;
}): LeaderServing {
  const stopPublishing = publishExchangeEvents(options.exchange, options.streams.bus);
  options.streams.bus.publish(channels.system, {
    kind: "reset",
    id: `${Date.now().toString(36)}.0`,
  });
  const rpc = options.redis
    ? new RedisBus<RpcMessage>(options.redis, `${options.prefix}:rpc`)
    : undefined;
  let stopServing = rpc
    ? serveCommands(options.exchange, rpc, { log: options.log, epoch: options.epoch })
    : undefined;
  const stopTakingCommands = () => {
    stopServing?.();
    stopServing = undefined;
  };
  return {
    stopTakingCommands,
    async stop() {
      stopTakingCommands();
      stopPublishing();
      await rpc?.close();
    },
  };
}

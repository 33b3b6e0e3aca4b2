import { createPushSender, watchPriceAlerts } from "@cryptotrade/api/server";
import type { Config } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import {
  channels,
  createMessageIds,
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
 * It also fires the price alerts its trades cross (ADR 040).
 */
export function serveAsLeader(options: {
  exchange: Exchange;
  db: Database;
  config: Config;
  streams: Streams;
  redis: Redis | undefined;
  prefix: string;
  log: Logger;
  /** The leadership epoch (PostgreSQL); undefined when embedded. */
  epoch?: number | undefined;
}): LeaderServing {
  const nextId = createMessageIds();
  const stopPublishing = publishExchangeEvents(options.exchange, options.streams.bus, nextId);
  // Alerts fire where the trades are committed, once per trade print (ADR 040).
  const priceAlerts = watchPriceAlerts({
    exchange: options.exchange,
    db: options.db,
    bus: options.streams.bus,
    push: createPushSender({ webPush: options.config.webPush, db: options.db, log: options.log }),
    log: options.log,
    nextId,
  });
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
      // Not waited for: an evaluation in flight has claimed its alerts atomically, and a
      // handover must not wait on a database that may be the reason for it (ADR 040).
      priceAlerts.stop();
      await rpc?.close();
    },
  };
}

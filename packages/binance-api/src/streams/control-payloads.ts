import { z } from "zod";

/** Binance's accepted request ids: an integer, an alphanumeric string up to 36, or null. */
const RequestId = z.union([z.number().int(), z.string().regex(/^[A-Za-z0-9]{1,36}$/), z.null()]);

/** A SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY / GET_PROPERTY frame. */
export const ControlRequest = z
  .object({
    method: z.enum([
      "SUBSCRIBE",
      "UNSUBSCRIBE",
      "LIST_SUBSCRIPTIONS",
      "SET_PROPERTY",
      "GET_PROPERTY",
    ]),
    params: z.array(z.union([z.string(), z.boolean()])).optional(),
    id: RequestId,
  })
  .meta({ title: "controlRequest" });

export const ControlResult = z
  .object({
    result: z.union([z.null(), z.array(z.string()), z.boolean()]),
    id: RequestId,
  })
  .meta({ title: "controlResult" });

export const ControlError = z
  .object({
    error: z.object({ code: z.number().int(), msg: z.string() }),
    id: RequestId.optional(),
  })
  .meta({ title: "controlError" });

export type ControlRequest = z.infer<typeof ControlRequest>;
export type ControlResult = z.infer<typeof ControlResult>;
export type ControlError = z.infer<typeof ControlError>;

import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Stack traces never leave the server, in any environment.
  isDev: false,
  errorFormatter({ shape, error }) {
    const fieldErrors = error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : undefined;
    return {
      ...shape,
      message: publicMessage(error, fieldErrors),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...(fieldErrors ? { fieldErrors } : {}),
      },
    };
  },
});

function fieldErrorsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "input";
    fields[field] ??= issue.message;
  }
  return fields;
}

function publicMessage(error: TRPCError, fieldErrors: Record<string, string> | undefined): string {
  // Unexpected failures may carry SQL or internals in their message; clients get a generic one.
  if (error.code === "INTERNAL_SERVER_ERROR") return "Internal server error";
  if (fieldErrors) {
    return Object.entries(fieldErrors)
      .map(([field, message]) => `${field}: ${message}`)
      .join("; ");
  }
  return error.message;
}

/** Logs unexpected failures with the request id; expected ones (bad input, auth) are not noise. */
const logFailures = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ err: result.error.cause ?? result.error, path, type }, "procedure failed");
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone may call it. */
export const publicProcedure = t.procedure.use(logFailures);

export { TRPCError };

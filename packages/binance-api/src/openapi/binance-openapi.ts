import { BINANCE_API_PREFIX, BINANCE_ENDPOINTS } from "../binance-api";
import { type OpenApiDocument, openApiDocument } from "./openapi-document";

let document: OpenApiDocument | undefined;

/**
 * The OpenAPI 3.1 document of the Binance-compatible REST surface, generated once from the
 * same endpoint descriptions `binanceApi` mounts, so it cannot describe other parameters or
 * answers than the handlers validate and return. apps/server serves it at
 * `/api/docs/openapi.json`.
 *
 * @example
 * const document = binanceOpenApi();
 * Object.keys(document.paths); // ["/api/v3/ping", "/api/v3/time", …]
 */
export function binanceOpenApi(): OpenApiDocument {
  document ??= openApiDocument(BINANCE_ENDPOINTS, BINANCE_API_PREFIX);
  return document;
}

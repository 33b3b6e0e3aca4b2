export { ERROR_REASONS, type ErrorDetails, type ErrorReason, isErrorReason } from "./errors";

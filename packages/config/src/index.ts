export { ConfigError, type Config, parseConfig } from "./config";

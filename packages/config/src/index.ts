export {
  type Config,
  ConfigError,
  parseConfig,
  parseSecretsKeys,
  type ProxyTrust,
  type SecretsKey,
} from "./config";

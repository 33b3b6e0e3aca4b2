export {
  type Config,
  ConfigError,
  type ProxyTrust,
  parseConfig,
  parseSecretsKeys,
  type SecretsKey,
} from "./config";

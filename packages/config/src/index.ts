export {
  type Config,
  ConfigError,
  parseConfig,
  parseSecretsKeys,
  type SecretsKey,
} from "./config";

import { defineProject } from "vitest/config";

export default defineProject({ test: { name: "binance-api" } });

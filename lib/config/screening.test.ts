import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./index";

// Explicit secrets keep parseConfig from touching .data/.
const base: NodeJS.ProcessEnv = { NODE_ENV: "test", AUTH_SECRET: "x".repeat(32), ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}` };

describe("screening engine configuration", () => {
  it("without SCREENING_LLM_* the local engine screens", () => {
    expect(parseConfig(base).screeningLlm).toBeNull();
  });

  it("a base URL and a model select the LLM engine; concurrency defaults to 4", () => {
    expect(parseConfig({ ...base, SCREENING_LLM_BASE_URL: "https://llm.example.com/v1", SCREENING_LLM_MODEL: "m1", SCREENING_LLM_API_KEY: "sk" }).screeningLlm).toEqual({
      baseUrl: "https://llm.example.com/v1",
      apiKey: "sk",
      model: "m1",
      maxConcurrency: 4,
    });
  });

  it("half a configuration, a bad URL or a bad concurrency stops start-up with the variable named", () => {
    expect(() => parseConfig({ ...base, SCREENING_LLM_BASE_URL: "https://llm.example.com/v1" })).toThrow(/SCREENING_LLM_BASE_URL and SCREENING_LLM_MODEL/);
    expect(() => parseConfig({ ...base, SCREENING_LLM_BASE_URL: "not a url", SCREENING_LLM_MODEL: "m" })).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, SCREENING_LLM_CONCURRENCY: "0" })).toThrow(/SCREENING_LLM_CONCURRENCY/);
  });
});

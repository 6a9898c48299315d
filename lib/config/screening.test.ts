import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, screeningLlmFromEnv } from "./index";

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

  it("the endpoint must be https: plain http stops start-up with the variable named, except on this machine", () => {
    const withUrl = (url: string) => ({ ...base, SCREENING_LLM_BASE_URL: url, SCREENING_LLM_MODEL: "m" });
    for (const url of ["http://llm.example.com/v1", "http://10.0.0.5:8000/v1", "http://localhost.example.com/v1", "ftp://llm.example.com/v1"]) {
      expect(() => parseConfig(withUrl(url)), url).toThrow(/SCREENING_LLM_BASE_URL: must be an https:\/\/ URL/);
    }
    for (const url of ["https://llm.example.com/v1", "http://localhost:11434/v1", "http://127.0.0.1:8080/v1", "http://[::1]:8080/v1"]) {
      expect(parseConfig(withUrl(url)).screeningLlm?.baseUrl, url).toBe(url);
    }
  });

  it("tools read the same SCREENING_LLM_* rules without the app's other variables", () => {
    expect(screeningLlmFromEnv({})).toBeNull();
    expect(screeningLlmFromEnv({ SCREENING_LLM_BASE_URL: "http://127.0.0.1:9/v1", SCREENING_LLM_MODEL: "m" })).toEqual({ baseUrl: "http://127.0.0.1:9/v1", apiKey: "", model: "m", maxConcurrency: 4 });
    expect(() => screeningLlmFromEnv({ SCREENING_LLM_BASE_URL: "http://llm.example.com/v1", SCREENING_LLM_MODEL: "m" })).toThrow(/SCREENING_LLM_BASE_URL: must be an https/);
    expect(() => screeningLlmFromEnv({ SCREENING_LLM_MODEL: "m" })).toThrow(/set both/);
  });
});

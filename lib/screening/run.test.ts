import { afterEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { LOCAL_ENGINE_VERSION } from "./local";
import { candidateInput, engineVersion, inputHash } from "./run";

const row = {
  resumeText: "Senior engineer\n8 years of Python",
  parsedPositions: [{ org: "Northwind", title: "Engineer", start: { year: 2016, month: 1 } }],
  parsedSchools: [{ org: "Leeds", degree: "BSc" }],
  applicationAnswers: [
    { text: "Work authorization", fields: [{ text: "Are you authorized to work in the UK?", value: "Yes" }, { text: "Notes", value: "null" }] },
    { text: "Portfolio", fields: [{ text: "", value: "https://ada.dev" }] },
  ],
};

describe("candidate input for the engine", () => {
  it("reads stored Lever data: answers as question/answer pairs (empty ones dropped), blank résumé text as none", () => {
    const input = candidateInput(row);
    expect(input.answers).toEqual([
      { question: "Are you authorized to work in the UK?", answer: "Yes" },
      { question: "Portfolio", answer: "https://ada.dev" },
    ]);
    expect(input.positions).toHaveLength(1);
    expect(candidateInput({ ...row, resumeText: "  \n " }).resumeText).toBeNull();
    expect(candidateInput({ resumeText: null, parsedPositions: null, parsedSchools: {}, applicationAnswers: "x" })).toEqual({ resumeText: null, positions: [], schools: [], answers: [] });
  });

  it("the input hash changes with the résumé, the parsed data and the engine version, and only with them", () => {
    const base = inputHash(candidateInput(row), "local-1");
    expect(inputHash(candidateInput({ ...row }), "local-1")).toBe(base);
    expect(inputHash(candidateInput({ ...row, resumeText: `${row.resumeText}\nKubernetes` }), "local-1")).not.toBe(base);
    expect(inputHash(candidateInput({ ...row, parsedSchools: [] }), "local-1")).not.toBe(base);
    expect(inputHash(candidateInput(row), "llm:gpt-4o-mini")).not.toBe(base);
  });

  describe("engine version", () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
      resetConfigForTests();
    });

    it("with an LLM it names the model, the LLM engine's own version and the local rules it falls back to per criterion", () => {
      process.env = { ...saved, AUTH_SECRET: "x".repeat(32), ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`, SCREENING_LLM_BASE_URL: "https://llm.example.com/v1", SCREENING_LLM_MODEL: "m1" };
      resetConfigForTests();
      expect(engineVersion()).toBe(`llm-2:m1:${LOCAL_ENGINE_VERSION}`);
    });
  });
});

import { describe, expect, it } from "vitest";
import { createLocalEngine } from "./local";
import { createRecordedEngine, parseRecordings, recordingKey } from "./recorded";
import type { CandidateInput, CriterionInput } from "./types";

const NOW = new Date("2026-06-01T00:00:00Z");
const candidate: CandidateInput = { resumeText: "Registered Nurse, ICU, 2019 – Present.\nBLS and ACLS certified.", positions: [], schools: [], answers: [] };
const criteria: CriterionInput[] = [
  { id: "acls", text: "ACLS certification", kind: "REQUIRED", weight: "HIGH" },
  { id: "icu", text: "ICU experience", kind: "PREFERRED", weight: "MEDIUM" },
];
const answer = {
  verdicts: [
    { criterionId: "acls", verdict: "MET", evidence: ["BLS and ACLS certified."], reason: "ACLS certified." },
    { criterionId: "icu", verdict: "MET", evidence: ["Five years in a cardiac ICU."], reason: "ICU nurse." },
  ],
};

describe("recorded engine", () => {
  it("replays an answer found by the input's key through the live engine's checks", async () => {
    const file = parseRecordings({ recordings: [{ key: recordingKey(candidate, criteria), answer }] });
    const engine = createRecordedEngine(file, { fallback: null });
    expect(engine.has(candidate, criteria)).toBe(true);
    const out = await engine.screen(candidate, criteria);
    expect(out.engine).toBe("llm");
    expect(out.verdicts.map((v) => v.verdict)).toEqual(["MET", "UNKNOWN"]);
    expect(out.score).toBe(60);
  });

  it("the key is of what the model was asked: other criteria text or another résumé miss, weights do not matter", () => {
    const key = recordingKey(candidate, criteria);
    expect(recordingKey(candidate, criteria.map((c) => ({ ...c, weight: "LOW" as const, text: ` ${c.text}  ` })))).toBe(key);
    expect(recordingKey(candidate, [{ ...criteria[0]!, text: "PALS certification" }, criteria[1]!])).not.toBe(key);
    expect(recordingKey({ ...candidate, resumeText: `${candidate.resumeText} ` }, criteria)).not.toBe(key);
  });

  it("found by case id when the caller names the case; without a recording the local engine screens, or an error without a fallback", async () => {
    const file = parseRecordings({ recordings: [{ caseId: "nurse-1", answer }] });
    const byCase = createRecordedEngine(file, { fallback: null, caseIdOf: () => "nurse-1" });
    expect((await byCase.screen(candidate, criteria)).verdicts[0]!.verdict).toBe("MET");

    const none = createRecordedEngine(file, { fallback: createLocalEngine({ now: () => NOW }), caseIdOf: () => "other" });
    expect(none.has(candidate, criteria)).toBe(false);
    const out = await none.screen(candidate, criteria);
    expect(out).toMatchObject({ engine: "local", fallback: { from: "llm", reason: "LlmEngineError: no recorded answer for this candidate and these criteria" } });
    await expect(createRecordedEngine(file, { fallback: null }).screen(candidate, criteria)).rejects.toMatchObject({ code: "no_recording" });
  });

  it("a malformed recordings file is refused with the place named", () => {
    expect(() => parseRecordings({ recordings: [{ answer }] }, "rec.json")).toThrow(/rec\.json is not a recordings file:\n {2}recordings\.0: a recording needs a caseId or a key/);
    expect(() => parseRecordings({ recordings: [{ key: "abc", answer }] }, "rec.json")).toThrow(/recordings\.0\.key: expected the sha256 hex of the input/);
  });
});

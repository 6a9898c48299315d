import { describe, expect, it } from "vitest";
import { htmlToText, listItems } from "@/lib/html";
import { draftCriteriaFromJob } from "./draft";

/** A posting as an ATS gives it (HTML lists), in the job shape drafting reads. */
type PostingLike = { content?: { description?: string; lists?: Array<{ text: string; content: string }> } };
const draftCriteriaFromPosting = (posting: PostingLike) =>
  draftCriteriaFromJob({
    description: posting.content?.description ?? null,
    requirementLists: (posting.content?.lists ?? []).map((l) => ({ text: htmlToText(l.text), items: listItems(l.content) })),
  });

const posting = {
  text: "Senior Backend Engineer",
  content: {
    description: "We move money.",
    lists: [
      { text: "What you'll do", content: "<li>Design APIs</li><li>Be on call</li>" },
      {
        text: "Requirements",
        content:
          "<li>5+ years of backend experience</li><li>Experience with <b>Kubernetes</b> &amp; Docker</li><li>You <em>must</em> be fluent in Go</li>" +
          "<li>Bachelor&#39;s degree in CS &ndash; or equivalent</li><li>GraphQL is a plus</li><li>  </li>",
      },
      { text: "Nice to have", content: "<ul><li>Kafka</li><li>Terraform&nbsp;experience.</li></ul>" },
      { text: "Benefits", content: "<li>Equity</li>" },
    ],
  },
};

describe("draftCriteriaFromJob", () => {
  it("drafts one criterion per requirement <li>, in plain text", () => {
    const drafts = draftCriteriaFromPosting(posting);
    expect(drafts.map((d) => d.text)).toEqual([
      "5+ years of backend experience",
      "Experience with Kubernetes & Docker",
      "You must be fluent in Go",
      "Bachelor's degree in CS – or equivalent",
      "GraphQL is a plus",
      "Kafka",
      "Terraform experience",
    ]);
  });

  it("sets kind and weight from the list title and the item's wording", () => {
    const byText = new Map(draftCriteriaFromPosting(posting).map((d) => [d.text, d]));
    expect(byText.get("5+ years of backend experience")).toMatchObject({ kind: "REQUIRED", weight: "MEDIUM", source: "Requirements" });
    expect(byText.get("You must be fluent in Go")).toMatchObject({ kind: "REQUIRED", weight: "HIGH" });
    expect(byText.get("GraphQL is a plus")).toMatchObject({ kind: "PREFERRED", weight: "LOW" });
    expect(byText.get("Kafka")).toMatchObject({ kind: "PREFERRED", weight: "LOW", source: "Nice to have" });
  });

  it("skips responsibilities and benefits lists", () => {
    const texts = draftCriteriaFromPosting(posting).map((d) => d.text);
    expect(texts).not.toContain("Design APIs");
    expect(texts).not.toContain("Equity");
  });

  it("recognises other requirement titles and bonus lists", () => {
    const drafts = draftCriteriaFromPosting({
      content: {
        lists: [
          { text: "What you need", content: "<li>Required: SQL</li>" },
          { text: "Qualifications", content: "<li>CPA</li>" },
          { text: "Bonus points", content: "<li>Python</li>" },
          { text: "Preferred qualifications", content: "<li>MBA</li>" },
        ],
      },
    });
    expect(drafts.map((d) => [d.text, d.kind, d.weight])).toEqual([
      ["Required: SQL", "REQUIRED", "HIGH"],
      ["CPA", "REQUIRED", "MEDIUM"],
      ["Python", "PREFERRED", "LOW"],
      ["MBA", "PREFERRED", "LOW"],
    ]);
  });

  it("falls back to bullet lines under a requirements heading in the description", () => {
    const drafts = draftCriteriaFromPosting({
      content: { description: "About us\nWe are great.\nRequirements:\n- 3+ years of sales\n- Salesforce\nPerks\n- Free lunch", lists: [] },
    });
    expect(drafts.map((d) => d.text)).toEqual(["3+ years of sales", "Salesforce"]);
  });

  it("reads lists without closing tags and de-duplicates items", () => {
    expect(listItems("<ul><li>A one<li>B two</ul>")).toEqual(["A one", "B two"]);
    const drafts = draftCriteriaFromPosting({ content: { lists: [{ text: "Requirements", content: "<li>SQL</li><li>sql</li>" }] } });
    expect(drafts).toHaveLength(1);
  });
});

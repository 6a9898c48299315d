/**
 * Deterministic seed: two accounts (Acme Robotics on Enterprise, Globex Health not), their users, jobs with
 * per-job stages and post content, rejection reasons with types, and applications with candidates, résumé
 * attachments and answers. Postings and résumés come from lever-sim's realistic generators so both
 * simulators screen alike.
 */
import { generateCandidate } from "../lever-sim/seed";
import { ACCOUNTS, SOURCES, type PostingSpec } from "../lever-sim/seed-data";
import { createRng, deriveSeed, type Rng } from "../lever-sim/prng";
import type { AccountRec, ApplicationRec, AttachmentRec, CandidateRec, JobRec, RejectionReasonRec, StageRec, UserRec } from "./types";

const DAY = 24 * 3600 * 1000;

/** Integer ids per kind, in separate ranges like Greenhouse's, so an id never names two kinds of record. */
export class IdSequence {
  private next: Record<string, number> = {};
  private static readonly BASE: Record<string, number> = {
    account: 1000, user: 4_100_000, job: 4_200_000, stage: 5_300_000, reason: 6_400_000, field: 7_500_000,
    candidate: 20_000_000, application: 30_000_000, attachment: 40_000_000, note: 50_000_000, webhook: 60_000,
  };
  take(kind: keyof typeof IdSequence.BASE | string): number {
    const n = this.next[kind] ?? IdSequence.BASE[kind] ?? 1;
    this.next[kind] = n + 1;
    return n;
  }
}

const REJECTION_REASONS: Array<[string, RejectionReasonRec["type"]["name"]]> = [
  ["Lacking skill(s)/qualification(s)", "We rejected them"],
  ["Not enough relevant experience", "We rejected them"],
  ["Another candidate was a better fit", "We rejected them"],
  ["Culture add", "We rejected them"],
  ["Location", "We rejected them"],
  ["Took another job", "They rejected us"],
  ["Compensation", "They rejected us"],
  ["Not interested in the role", "They rejected us"],
  ["Other (add notes below)", "None specified"],
];
const TYPE_IDS = { "We rejected them": 1, "They rejected us": 2, "None specified": 3 } as const;

const STAGES_BY_FAMILY: Record<string, string[]> = {
  software: ["Application Review", "Recruiter Phone Screen", "Technical Phone Interview", "Onsite Interview", "Reference Check", "Offer"],
  embedded: ["Application Review", "Recruiter Phone Screen", "Technical Phone Interview", "Onsite Interview", "Offer"],
  mechanical: ["Application Review", "Recruiter Phone Screen", "Portfolio Review", "Onsite Interview", "Offer"],
  default: ["Application Review", "Recruiter Phone Screen", "Hiring Manager Interview", "Face to Face", "Reference Check", "Offer"],
};

const QUESTIONS = [
  "Are you legally authorized to work in the country where this job is located?",
  "Will you now or in the future require sponsorship for employment visa status?",
  "What are your salary expectations?",
  "How did you hear about this job?",
  "LinkedIn Profile",
];

function jobContent(account: string, blurb: string, p: PostingSpec): string {
  const li = (items: string[]) => `<ul>${items.map((s) => `<li>${s.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</li>`).join("")}</ul>`;
  return [
    `<p><strong>About ${account}</strong></p><p>${blurb}</p>`,
    `<p><strong>What you'll do</strong></p>${li(p.responsibilities)}`,
    `<p><strong>What you'll bring</strong></p>${li([`${p.minYears}+ years of experience`, ...p.requiredSkills.map((s) => `Hands-on experience with ${s}`), p.degree])}`,
    `<p><strong>Nice to have</strong></p>${li(p.niceSkills)}`,
    `<p>${p.commitment} · ${p.workplaceType} · ${p.location}</p>`,
  ].join("\n");
}

function makeJob(ids: IdSequence, rng: Rng, accountName: string, blurb: string, p: PostingSpec, startTime: number, index: number): JobRec {
  const id = ids.take("job");
  const created = startTime - rng.int(60, 200) * DAY;
  const names = STAGES_BY_FAMILY[p.family] ?? STAGES_BY_FAMILY.default!;
  const stages: StageRec[] = names.map((name, priority) => ({ id: ids.take("stage"), job_id: id, name, priority, active: true }));
  return {
    id,
    name: p.text,
    requisition_id: `REQ-${String(1000 + index * 7 + rng.int(0, 6))}`,
    status: p.state === "closed" ? "closed" : p.state === "draft" ? "draft" : "open",
    confidential: Boolean(p.confidential),
    department: p.department,
    office: p.location,
    employment_type: p.commitment,
    content: jobContent(accountName, blurb, p),
    created_at: created,
    updated_at: created + rng.int(1, 20) * DAY,
    opened_at: created + DAY,
    stages,
    family: p.family,
    requiredSkills: p.requiredSkills,
    niceSkills: p.niceSkills,
    minYears: p.minYears,
    location: p.location,
  };
}

export interface NewApplication {
  candidate: CandidateRec;
  application: ApplicationRec;
  attachments: AttachmentRec[];
}

/** A candidate with one application (first stage, active) and a résumé; shared by the seed and /_sim/applications. */
export function makeApplication(
  ids: IdSequence,
  rng: Rng,
  account: AccountRec,
  job: JobRec,
  at: number,
  override: { name?: string; email?: string; resumeText?: string; format?: "pdf" | "docx" } = {},
): NewApplication {
  const draft = generateCandidate(rng, { family: job.family, requiredSkills: job.requiredSkills, niceSkills: job.niceSkills, minYears: job.minYears, categories: { location: job.location } } as Parameters<typeof generateCandidate>[1], at, { name: override.name, email: override.email });
  const existing = account.candidates.find((c) => c.email_addresses.some((e) => e.value.toLowerCase() === draft.email.toLowerCase()));
  const candidate: CandidateRec = existing ?? {
    id: ids.take("candidate"),
    first_name: draft.firstName,
    last_name: draft.lastName,
    email_addresses: [{ value: draft.email, type: "personal" }],
    phone_numbers: [{ value: draft.phone, type: "mobile" }],
    company: null,
    title: draft.headline || null,
    tags: [],
    created_at: at,
    updated_at: at,
    last_activity_at: at,
  };
  candidate.updated_at = at;
  candidate.last_activity_at = at;
  const appId = ids.take("application");
  const first = job.stages[0]!;
  const application: ApplicationRec = {
    id: appId,
    candidate_id: candidate.id,
    job_id: job.id,
    stage_id: first.id,
    status: "active",
    source: rng.pick(SOURCES),
    applied_at: at,
    created_at: at,
    updated_at: at,
    last_activity_at: at,
    rejected_at: null,
    rejection_reason_id: null,
    answers: [
      { question: QUESTIONS[0]!, answer: rng.chance(0.9) ? "Yes" : "No" },
      { question: QUESTIONS[1]!, answer: rng.chance(0.8) ? "No" : "Yes" },
      { question: QUESTIONS[2]!, answer: `$${rng.int(70, 220)},000` },
      { question: QUESTIONS[3]!, answer: rng.pick(SOURCES) },
      { question: QUESTIONS[4]!, answer: `https://www.linkedin.com/in/${draft.firstName.toLowerCase()}-${draft.lastName.toLowerCase().replace(/[^a-z]/g, "")}` },
    ],
    custom_fields: {},
  };
  const format = override.format ?? (rng.chance(0.65) ? "pdf" : "docx");
  const base = `${candidate.first_name}_${candidate.last_name}`.replace(/[^A-Za-z0-9_]/g, "");
  const attachments: AttachmentRec[] = [
    { id: ids.take("attachment"), candidate_id: candidate.id, application_id: appId, filename: `${base}_Resume.${format}`, type: "resume", format, text: override.resumeText ?? draft.resumeText, created_at: at },
  ];
  if (!override.resumeText && rng.chance(0.15)) {
    const letter = `Dear Hiring Team,\n\nI am applying for the ${job.name} role. ${draft.headline}.\n\nBest regards,\n${candidate.first_name} ${candidate.last_name}`;
    attachments.push({ id: ids.take("attachment"), candidate_id: candidate.id, application_id: appId, filename: `${base}_Cover_Letter.pdf`, type: "cover_letter", format: "pdf", text: letter, created_at: at });
  }
  return { candidate, application, attachments };
}

export function addToAccount(account: AccountRec, made: NewApplication): void {
  if (!account.candidates.includes(made.candidate)) account.candidates.push(made.candidate);
  account.applications.push(made.application);
  account.attachments.push(...made.attachments);
}

export function buildAccounts(seed: number, startTime: number, applicationsPerAccount: number, ids: IdSequence): AccountRec[] {
  return ACCOUNTS.slice(0, 2).map((spec, accountIndex) => {
    const rng = createRng(deriveSeed(seed, `greenhouse:${spec.name}`));
    const account: AccountRec = {
      id: ids.take("account"),
      name: spec.name,
      enterprise: accountIndex === 0,
      users: [],
      jobs: [],
      rejectionReasons: REJECTION_REASONS.map(([name, type]) => ({ id: ids.take("reason"), name, type: { id: TYPE_IDS[type], name: type } })),
      customFields: [
        { id: ids.take("field"), name: "Match Score", name_key: "match_score", field_type: "number" },
        { id: ids.take("field"), name: "Screening Reasons", name_key: "screening_reasons", field_type: "long_text" },
      ],
      candidates: [],
      applications: [],
      attachments: [],
      notes: [],
    };
    const userSpecs = [...spec.users.map((u) => ({ name: u.name, siteAdmin: u.role === "super admin", disabled: false })), { name: "Former Recruiter", siteAdmin: false, disabled: true }];
    account.users = userSpecs.map((u): UserRec => {
      const [first = u.name, ...rest] = u.name.split(" ");
      const last = rest.join(" ");
      return {
        id: ids.take("user"),
        first_name: first,
        last_name: last,
        name: u.name,
        primary_email_address: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, "")}@${spec.domain}`,
        site_admin: u.siteAdmin,
        disabled: u.disabled,
        service_account: false,
        created_at: startTime - 400 * DAY,
        updated_at: startTime - 30 * DAY,
      };
    });
    account.jobs = spec.postings.map((p, i) => makeJob(ids, rng, spec.name, spec.blurb, p, startTime, i));

    const weighted = spec.postings.flatMap((p, i) => Array.from({ length: p.weight }, () => account.jobs[i]!)).filter((j) => j.status !== "draft");
    const active = account.users.filter((u) => !u.disabled);
    for (let i = 0; i < applicationsPerAccount; i++) {
      const job = rng.pick(weighted);
      const at = startTime - rng.int(1, 90 * 24) * 3600 * 1000;
      const made = makeApplication(ids, rng, account, job, at);
      const app = made.application;
      const roll = rng.next();
      if (roll < 0.45) {
        const stage = job.stages[rng.int(1, Math.max(1, job.stages.length - 2))]!;
        app.stage_id = stage.id;
        app.last_activity_at = app.updated_at = at + rng.int(1, 72) * 3600 * 1000;
      } else if (roll < 0.7) {
        const reason = rng.pick(account.rejectionReasons);
        app.status = "rejected";
        app.rejection_reason_id = reason.id;
        app.rejected_at = app.last_activity_at = app.updated_at = at + rng.int(1, 96) * 3600 * 1000;
      } else if (roll < 0.73) {
        app.status = "hired";
        app.stage_id = job.stages[job.stages.length - 1]!.id;
        app.last_activity_at = app.updated_at = at + rng.int(10, 30) * DAY;
      }
      app.last_activity_at = Math.min(app.last_activity_at, startTime);
      app.updated_at = Math.min(app.updated_at, startTime);
      if (app.rejected_at) app.rejected_at = Math.min(app.rejected_at, startTime);
      addToAccount(account, made);
      if (rng.chance(0.2)) {
        account.notes.push({
          id: ids.take("note"), candidate_id: made.candidate.id, application_id: app.id, user_id: rng.pick(active).id,
          body: rng.pick(["Strong phone screen; moving forward.", "Salary expectations above the band.", "Great portfolio, schedule onsite.", "Left a voicemail, waiting to hear back."]),
          visibility: "public", created_at: app.last_activity_at, client_id: null,
        });
      }
    }
    return account;
  });
}

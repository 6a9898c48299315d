/**
 * Deterministic seed of the simulated Lever world. Same seed (and start time) → same accounts, ids,
 * candidates and résumés, so tests can rely on what they find and the demo looks the same every run.
 */
import { ACCOUNTS, CITIES, COMPANIES, FAMILIES, FIRST_NAMES, LAST_NAMES, SOURCES, UNIVERSITIES } from "./seed-data";
import type { PostingSpec, RoleFamily } from "./seed-data";
import { createRng, deriveSeed, type Rng } from "./prng";
import type {
  AccountRec,
  ApplicationRec,
  ArchiveReasonRec,
  FileRec,
  NoteRec,
  OpportunityRec,
  ParsedPosition,
  ParsedSchool,
  PostingRec,
  ResumeRec,
  StageRec,
  UserRec,
} from "./types";

const DAY = 24 * 3600 * 1000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface World {
  accounts: AccountRec[];
  /** Human notes made in Lever's UI (not through the API): the API may not replace or delete them. */
  notes: NoteRec[];
}

export function buildWorld(seed: number, startTime: number, opportunitiesPerAccount: number): World {
  const world: World = { accounts: [], notes: [] };
  ACCOUNTS.forEach((spec, index) => {
    const rng = createRng(deriveSeed(seed, `account:${index}`));
    const accountId = rng.uuid();
    const users: UserRec[] = spec.users.map((u) => {
      const [first = "", last = ""] = u.name.toLowerCase().split(" ");
      return {
        id: rng.uuid(),
        name: u.name,
        username: `${first}.${last}`,
        email: `${first}.${last}@${spec.domain}`,
        accessRole: u.role,
        jobTitle: u.title,
        createdAt: startTime - rng.int(400, 1500) * DAY,
        deactivatedAt: null,
      };
    });
    // A deactivated user, so clients learn to filter on deactivatedAt when offering "perform as".
    users.push({
      id: rng.uuid(),
      name: "Former Recruiter",
      username: "former.recruiter",
      email: `former.recruiter@${spec.domain}`,
      accessRole: "team member",
      jobTitle: "Recruiter",
      createdAt: startTime - 900 * DAY,
      deactivatedAt: startTime - 120 * DAY,
    });
    // Lever's built-in stages have readable ids; custom stages get UUIDs.
    const stages: StageRec[] = [
      { id: "lead-new", text: "New lead" },
      { id: "lead-reached-out", text: "Reached out" },
      { id: "lead-responded", text: "Responded" },
      { id: "applicant-new", text: "New applicant" },
      { id: rng.uuid(), text: "Recruiter screen" },
      { id: rng.uuid(), text: "Phone interview" },
      { id: rng.uuid(), text: "On-site interview" },
      { id: "offer", text: "Offer" },
    ];
    const reason = (text: string, type: ArchiveReasonRec["type"], status: ArchiveReasonRec["status"] = "active"): ArchiveReasonRec => ({
      id: rng.uuid(),
      text,
      type,
      status,
    });
    const archiveReasons: ArchiveReasonRec[] = [
      reason("Underqualified", "non-hired"),
      reason("Overqualified", "non-hired"),
      reason("Withdrew", "non-hired"),
      reason("Position filled", "non-hired"),
      reason("Timing", "non-hired"),
      reason("Location or work authorization", "non-hired"),
      reason("Unresponsive", "non-hired"),
      reason("Offer declined", "non-hired"),
      reason("Compensation mismatch", "non-hired"),
      reason("Duplicate (legacy)", "non-hired", "inactive"),
      reason("Other – see notes (legacy)", "non-hired", "inactive"),
      reason("Hired", "hired"),
      reason("Hired – internal transfer (legacy)", "hired", "inactive"),
    ];
    const recruiters = users.filter((u) => u.accessRole !== "interviewer" && !u.deactivatedAt);
    const postings: PostingRec[] = spec.postings.map((p) => makePosting(rng, p, spec.blurb, users, startTime));
    const account: AccountRec = { id: accountId, name: spec.name, users, stages, archiveReasons, postings, opportunities: [] };

    const oppRng = createRng(deriveSeed(seed, `opportunities:${index}`));
    const weighted = postings.flatMap((p, i) => Array.from({ length: spec.postings[i]?.weight ?? 1 }, () => p));
    for (let n = 0; n < opportunitiesPerAccount; n++) {
      const posting = oppRng.pick(weighted);
      const createdAt = startTime - oppRng.int(1, 180 * DAY);
      const opp = makeSeedOpportunity(oppRng, account, posting, createdAt, startTime, recruiters);
      account.opportunities.push(opp);
      if (oppRng.chance(0.15)) {
        const author = oppRng.pick(recruiters);
        world.notes.push({
          id: oppRng.uuid(),
          accountId,
          opportunityId: opp.id,
          value: oppRng.pick([
            "Spoke on the phone: strong communicator, wants to start in about a month.",
            "Salary expectations are above the band; flagged to the hiring manager.",
            "Portfolio reviewed: good depth, light on recent work.",
            "Referred by a former colleague; please prioritise.",
          ]),
          secret: false,
          score: null,
          notifyFollowers: false,
          createdAt: opp.createdAt + DAY,
          updatedAt: opp.createdAt + DAY,
          userId: author.id,
          viaApi: false,
          clientId: null,
          deletedAt: null,
        });
      }
    }
    sortOpportunities(account);
    world.accounts.push(account);
  });
  return world;
}

export function sortOpportunities(account: AccountRec): void {
  account.opportunities.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function makePosting(rng: Rng, p: PostingSpec, blurb: string, users: UserRec[], startTime: number): PostingRec {
  const createdAt = startTime - rng.int(60, 240) * DAY;
  const owner = users.find((u) => u.accessRole === "team member") ?? users[0]!;
  const manager = users.find((u) => u.accessRole === "interviewer") ?? owner;
  return {
    id: rng.uuid(),
    text: p.text,
    family: p.family,
    state: p.state,
    confidentiality: p.confidential ? "confidential" : "non-confidential",
    categories: { team: p.team, department: p.department, location: p.location, commitment: p.commitment, level: p.level },
    workplaceType: p.workplaceType,
    description: `${blurb}\n\nAs our ${p.text}, you will join the ${p.team} team and work closely with ${p.department}. This role is ${p.workplaceType === "remote" ? "fully remote within the US" : `based in ${p.location}${p.workplaceType === "hybrid" ? " (hybrid, three days in the office)" : ""}`}.`,
    lists: [
      { text: "What you'll do", items: p.responsibilities },
      {
        text: "What you bring",
        items: [
          `${p.minYears}+ years of relevant experience`,
          ...p.requiredSkills.map((s) => `Hands-on experience with ${s}`),
          p.degree,
        ],
      },
      { text: "Nice to have", items: p.niceSkills.map((s) => `Experience with ${s}`) },
    ],
    closing: "We are an equal opportunity employer and value diversity. We do not discriminate on the basis of race, religion, color, national origin, gender, sexual orientation, age, marital status, veteran status, or disability status.",
    tags: p.tags,
    ownerId: owner.id,
    hiringManagerId: manager.id,
    createdAt,
    updatedAt: createdAt + rng.int(0, 50) * DAY,
    requiredSkills: p.requiredSkills,
    niceSkills: p.niceSkills,
    minYears: p.minYears,
  };
}

// ---------------------------------------------------------------------------------------------------
// Candidates and résumés

export interface CandidateDraft {
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  phone: string;
  location: string;
  headline: string;
  links: string[];
  years: number;
  fit: "strong" | "partial" | "off";
  resumeText: string;
  parsedData: ResumeRec["parsedData"];
}

const ASCII: Record<string, string> = { á: "a", é: "e", í: "i", ó: "o", ú: "u", ñ: "n", ü: "u", "'": "" };
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[áéíóúñü']/g, (c) => ASCII[c] ?? "")
    .replace(/[^a-z0-9]+/g, "");

function fmtMonth(d: { year: number; month: number } | null): string {
  return d ? `${MONTHS[d.month - 1]} ${d.year}` : "Present";
}

function fill(rng: Rng, template: string, skills: string[]): string {
  const [s1, s2] = rng.sample(skills, 2);
  return template
    .replaceAll("{skill}", s1 ?? "modern tooling")
    .replaceAll("{skill2}", s2 ?? s1 ?? "automation")
    .replaceAll("{n}", String(rng.int(2, 90)))
    .replaceAll("{pct}", String(rng.int(12, 65)))
    .replaceAll("{k}", String(rng.int(2, 9)));
}

const DEGREE_YEARS: Record<string, number> = { "M.S.": 2, MBA: 2, MSN: 2, "Ph.D.": 5, "A.A.S.": 2, "A.A.": 2, ADN: 2, Certificate: 1 };
const DEGREE_NAMES: Record<string, string> = {
  "B.S.": "Bachelor of Science",
  "B.A.": "Bachelor of Arts",
  "B.Eng.": "Bachelor of Engineering",
  "B.F.A.": "Bachelor of Fine Arts",
  "M.S.": "Master of Science",
  MBA: "Master of Business Administration",
  "Ph.D.": "Doctor of Philosophy",
  BSN: "Bachelor of Science in Nursing",
  ADN: "Associate Degree in Nursing",
  MSN: "Master of Science in Nursing",
  "A.A.S.": "Associate of Applied Science",
  "A.A.": "Associate of Arts",
  Certificate: "Certificate",
};

/**
 * A plausible candidate for `posting`. The fit is random: strong (the posting's family, its required
 * skills, enough years), partial (same family, some skills or too few years) or off (another family).
 */
export function generateCandidate(
  rng: Rng,
  posting: Pick<PostingRec, "family" | "requiredSkills" | "niceSkills" | "minYears" | "categories">,
  now: number,
  override?: { name?: string; email?: string },
): CandidateDraft {
  const roll = rng.next();
  const fit: CandidateDraft["fit"] = roll < 0.35 ? "strong" : roll < 0.7 ? "partial" : "off";
  const familyKey = fit === "off" ? rng.pick(Object.keys(FAMILIES).filter((f) => f !== posting.family)) : posting.family;
  const family: RoleFamily = FAMILIES[familyKey] ?? FAMILIES.software!;

  let firstName = rng.pick(FIRST_NAMES);
  let lastName = rng.pick(LAST_NAMES);
  if (override?.name) {
    const parts = override.name.trim().split(/\s+/);
    firstName = parts[0] ?? firstName;
    lastName = parts.slice(1).join(" ") || lastName;
  }
  const name = override?.name?.trim() || `${firstName} ${lastName}`;
  const email =
    override?.email ??
    `${slug(firstName)}${rng.pick([".", "_", ""])}${slug(lastName)}${rng.chance(0.3) ? rng.int(1, 99) : ""}@${rng.pick(["example.com", "example.org", "mail.example.net"])}`;
  const phone = `(${rng.int(201, 989)}) 555-${String(rng.int(100, 9999)).padStart(4, "0")}`;
  const location = fit === "strong" && rng.chance(0.5) && !posting.categories.location.startsWith("Remote") ? posting.categories.location : rng.pick(CITIES);

  const years =
    fit === "strong"
      ? posting.minYears + rng.int(0, 8)
      : fit === "partial"
        ? rng.chance(0.5)
          ? Math.max(0, posting.minYears - rng.int(1, 3))
          : posting.minYears + rng.int(0, 4)
        : rng.int(1, 15);

  let skills: string[];
  if (fit === "strong") {
    skills = [
      ...rng.sample(posting.requiredSkills, posting.requiredSkills.length - (rng.chance(0.3) ? 1 : 0)),
      ...rng.sample(posting.niceSkills, rng.int(1, 3)),
      ...rng.sample(family.skills, rng.int(2, 4)),
    ];
  } else if (fit === "partial") {
    skills = [
      ...rng.sample(posting.requiredSkills, Math.ceil(posting.requiredSkills.length / 2)),
      ...rng.sample(posting.niceSkills, 1),
      ...rng.sample(family.skills, rng.int(3, 5)),
    ];
  } else {
    skills = rng.sample(family.skills, rng.int(5, 8));
  }
  skills = [...new Set(skills)];

  const nowDate = new Date(now);
  const nowYear = nowDate.getUTCFullYear();
  const nowMonth = nowDate.getUTCMonth() + 1;
  const toYm = (monthsAgo: number) => {
    const total = nowYear * 12 + (nowMonth - 1) - monthsAgo;
    return { year: Math.floor(total / 12), month: (total % 12) + 1 };
  };

  // Positions, newest first, covering `years` of career.
  const positions: ParsedPosition[] = [];
  const totalMonths = Math.max(6, years * 12 + rng.int(0, 11));
  const count = years < 2 ? 1 : Math.min(4, rng.int(2, 4));
  let monthsAgo = rng.chance(0.75) ? 0 : rng.int(1, 5); // some candidates are between jobs
  const spans: number[] = [];
  let left = totalMonths;
  for (let i = 0; i < count; i++) {
    const span = i === count - 1 ? left : Math.max(6, Math.round((left / (count - i)) * (0.6 + rng.next() * 0.8)));
    spans.push(Math.min(span, left));
    left -= Math.min(span, left);
    if (left <= 0) break;
  }
  let elapsedBefore = totalMonths; // months of experience before the current position starts (for seniority)
  spans.forEach((span, i) => {
    elapsedBefore -= span;
    // Title reflects seniority halfway through the position (promotions happen within a job too).
    const rank = Math.min(family.titles.length - 1, Math.floor((elapsedBefore + span / 2) / 12 / 3.5));
    const title = family.titles[rank] ?? family.titles[0]!;
    const bullets = rng.sample(family.bullets, rng.int(2, 3)).map((b) => fill(rng, b, skills));
    positions.push({
      org: rng.pick(COMPANIES),
      title,
      summary: bullets.join("\n"),
      location: rng.pick(CITIES),
      start: toYm(monthsAgo + span),
      end: i === 0 && monthsAgo === 0 ? null : toYm(monthsAgo),
    });
    monthsAgo += span + (rng.chance(0.2) ? rng.int(1, 4) : 0);
  });

  // Education ends about when the career starts.
  const schools: ParsedSchool[] = [];
  const careerStart = positions[positions.length - 1]?.start ?? toYm(totalMonths);
  const degree = rng.pick(family.degrees.filter((d) => d !== "MBA" && d !== "M.S." && d !== "MSN" && d !== "Ph.D.")) ?? "B.S.";
  const field = fit === "partial" && rng.chance(0.3) ? rng.pick(Object.values(FAMILIES).flatMap((f) => f.fields)) : rng.pick(family.fields);
  const endYear = careerStart.year - (rng.chance(0.8) ? 0 : 1);
  schools.push({
    org: rng.pick(UNIVERSITIES),
    degree: DEGREE_NAMES[degree] ?? degree,
    field,
    start: { year: endYear - (DEGREE_YEARS[degree] ?? 4) },
    end: { year: endYear },
  });
  const advanced = family.degrees.find((d) => ["M.S.", "MBA", "MSN", "Ph.D."].includes(d));
  if (advanced && years >= 4 && rng.chance(0.3)) {
    const y = endYear + rng.int(2, Math.max(2, years - 1));
    schools.unshift({
      org: rng.pick(UNIVERSITIES),
      degree: DEGREE_NAMES[advanced] ?? advanced,
      field: rng.pick(family.fields),
      start: { year: y - (DEGREE_YEARS[advanced] ?? 2) },
      end: { year: Math.min(y, nowYear) },
    });
  }

  const current = positions[0];
  const headline = current ? `${current.title}${current.end ? "" : ` at ${current.org}`}` : "Job seeker";
  const links = [`https://www.linkedin.com/in/${slug(firstName)}-${slug(lastName)}-${rng.int(10, 999)}`];
  if (["software", "data", "security", "embedded"].includes(familyKey) && rng.chance(0.6)) {
    links.push(`https://github.com/${slug(firstName)}${slug(lastName).slice(0, 4)}`);
  }
  if (familyKey === "design") links.push(`https://${slug(firstName)}${slug(lastName)}.design.example`);

  const certs = family.certifications && rng.chance(0.4) ? rng.sample(family.certifications, rng.int(1, 2)) : [];
  const topSkills = skills.slice(0, 3);
  const summary = rng.pick([
    `${current?.title ?? "Professional"} with ${years} years of experience, most recently focused on ${topSkills.join(", ")}.`,
    `${years} years in ${field.toLowerCase()}-adjacent roles. Strengths: ${topSkills.join(", ")}. Looking for a team that ships carefully and often.`,
    `Hands-on ${(current?.title ?? "practitioner").toLowerCase()} (${years} yrs). I like owning problems end to end, especially around ${topSkills[0] ?? "operations"}.`,
  ]);

  const lines: string[] = [
    name.toUpperCase(),
    `${location} · ${email} · ${phone}`,
    links.join(" · "),
    "",
    "SUMMARY",
    summary,
    "",
    "EXPERIENCE",
  ];
  for (const p of positions) {
    lines.push(`${p.title} — ${p.org}, ${p.location ?? ""}`.replace(/, $/, ""));
    lines.push(`${fmtMonth(p.start)} – ${fmtMonth(p.end)}`);
    for (const b of p.summary.split("\n")) lines.push(`• ${b}`);
    lines.push("");
  }
  lines.push("EDUCATION");
  for (const s of schools) lines.push(`${s.degree}, ${s.field} — ${s.org} (${s.start?.year ?? ""}–${s.end?.year ?? ""})`);
  lines.push("", "SKILLS", skills.join(", "));
  if (certs.length) lines.push("", "CERTIFICATIONS", ...certs);
  if (rng.chance(0.3)) lines.push("", "LANGUAGES", rng.pick(["English (native), Spanish (professional)", "English, Mandarin", "English, French (conversational)", "English, Hindi, Tamil", "English, Portuguese"]));

  return {
    firstName,
    lastName,
    name,
    email,
    phone,
    location,
    headline,
    links,
    years,
    fit,
    resumeText: lines.join("\n"),
    parsedData: { positions, schools },
  };
}

/** The fields of an opportunity built from a candidate, shared by the seed and /_sim/applications. */
export function makeOpportunity(
  rng: Rng,
  account: AccountRec,
  posting: PostingRec,
  c: CandidateDraft,
  createdAt: number,
  opts: { origin: OpportunityRec["origin"]; contactId?: string; ownerId: string | null; resume: "pdf" | "docx" | "none"; resumeStatus: "processed" | "error"; resumeText?: string; fileName?: string },
): OpportunityRec {
  const id = rng.uuid();
  const appType: ApplicationRec["type"] = opts.origin === "referred" ? "referral" : opts.origin === "applied" ? "posting" : "user";
  const application: ApplicationRec = {
    id: rng.uuid(),
    opportunityId: id,
    createdAt,
    type: appType,
    postingId: posting.id,
    name: c.name,
    email: c.email,
    phone: { type: "mobile", value: c.phone },
    company: c.headline.includes(" at ") ? (c.headline.split(" at ")[1] ?? null) : null,
    links: c.links,
    comments: opts.origin === "applied" && rng.chance(0.3) ? "Happy to share more work samples on request." : null,
    userId: appType === "posting" ? null : opts.ownerId,
    customQuestions: opts.origin === "applied" ? [customQuestions(rng, posting, c, createdAt)] : [],
    archived: null,
  };
  const resumes: ResumeRec[] = [];
  if (opts.resume !== "none") {
    const ext = opts.resume;
    resumes.push({
      id: rng.uuid(),
      createdAt,
      fileName:
        opts.fileName ??
        rng.pick([`${c.firstName}_${c.lastName}_Resume.${ext}`, `resume-${slug(c.firstName)}-${slug(c.lastName)}.${ext}`, `${c.firstName} ${c.lastName} CV.${ext}`]),
      ext,
      status: opts.resumeStatus,
      text: opts.resumeText ?? c.resumeText,
      parsedData: opts.resumeStatus === "error" ? { positions: [], schools: [] } : c.parsedData,
    });
  }
  return {
    id,
    accountId: account.id,
    contactId: opts.contactId ?? rng.uuid(),
    name: c.name,
    headline: c.headline,
    emails: [c.email],
    phones: [{ type: "mobile", value: c.phone }],
    location: c.location,
    links: c.links,
    stageId: opts.origin === "sourced" ? "lead-new" : "applicant-new",
    stageChanges: [{ toStageId: opts.origin === "sourced" ? "lead-new" : "applicant-new", toStageIndex: opts.origin === "sourced" ? 0 : 3, updatedAt: createdAt, userId: null }],
    archived: null,
    tags: [],
    sources: [opts.origin === "referred" ? "Referral" : opts.origin === "sourced" ? "LinkedIn" : opts.origin === "agency" ? "Agency: TalentBridge" : rng.pick(SOURCES.filter((s) => s !== "Referral"))],
    origin: opts.origin,
    ownerId: opts.ownerId,
    followers: opts.ownerId ? [opts.ownerId] : [],
    confidentiality: posting.confidentiality,
    createdAt,
    updatedAt: createdAt,
    lastInteractionAt: createdAt,
    lastAdvancedAt: createdAt,
    applications: [application],
    resumes,
    files: [],
  };
}

function customQuestions(rng: Rng, posting: PostingRec, c: CandidateDraft, createdAt: number): ApplicationRec["customQuestions"][number] {
  const yesNo = [{ text: "Yes" }, { text: "No" }];
  const skill = posting.requiredSkills[0] ?? "this field";
  const bucket = c.years <= 1 ? "0–1" : c.years <= 4 ? "2–4" : c.years <= 7 ? "5–7" : "8+";
  return {
    id: rng.uuid(),
    text: "Application questions",
    createdAt,
    completedAt: createdAt,
    fields: [
      { type: "multiple-choice", text: "Are you legally authorized to work in the United States?", value: rng.chance(0.9) ? "Yes" : "No", options: yesNo, required: true },
      { type: "multiple-choice", text: "Will you now or in the future require visa sponsorship?", value: rng.chance(0.15) ? "Yes" : "No", options: yesNo, required: true },
      {
        type: "dropdown",
        text: `How many years of experience do you have with ${skill}?`,
        value: c.fit === "off" ? "0–1" : bucket,
        options: ["0–1", "2–4", "5–7", "8+"].map((text) => ({ text })),
        required: true,
      },
      { type: "text", text: "Desired annual salary (USD)", value: `$${rng.int(45, 240)},000`, required: false },
      {
        type: "textarea",
        text: "Why are you interested in this role?",
        value: rng.pick([
          `I've spent ${c.years} years around ${c.parsedData.positions[0]?.title.toLowerCase() ?? "this kind of"} work and want to do it somewhere the product matters.`,
          "A friend on the team recommended it, and the mission resonates with me.",
          "I'm looking for more ownership and a smaller team.",
          "Relocating and excited about the hybrid setup.",
        ]),
        required: false,
      },
    ],
  };
}

function makeSeedOpportunity(rng: Rng, account: AccountRec, posting: PostingRec, createdAt: number, now: number, recruiters: UserRec[]): OpportunityRec {
  const c = generateCandidate(rng, posting, createdAt);
  const r = rng.next();
  const origin: OpportunityRec["origin"] = r < 0.7 ? "applied" : r < 0.85 ? "sourced" : r < 0.95 ? "referred" : "agency";
  const hasResume = rng.chance(0.92);
  const opp = makeOpportunity(rng, account, posting, c, createdAt, {
    origin,
    ownerId: rng.pick(recruiters).id,
    resume: hasResume ? (rng.chance(0.65) ? "pdf" : "docx") : "none",
    resumeStatus: rng.chance(0.04) ? "error" : "processed",
  });

  // Walk the pipeline forward to a plausible current stage.
  const stages = account.stages;
  const startIndex = origin === "sourced" ? 0 : 3;
  const maxIndex = stages.length - 1;
  const advance = origin === "sourced" ? rng.pick([0, 0, 1, 1, 2, 3, 4]) : rng.pick([0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4]);
  const target = Math.min(maxIndex, startIndex + advance);
  let t = createdAt;
  const span = Math.max(DAY, now - createdAt);
  for (let i = startIndex + 1; i <= target; i++) {
    t = Math.min(now - 1000, t + rng.int(1, Math.max(1, Math.floor(span / (target - startIndex + 1)))));
    const stage = stages[i]!;
    opp.stageChanges.push({ toStageId: stage.id, toStageIndex: i, updatedAt: t, userId: opp.ownerId });
    opp.stageId = stage.id;
    opp.lastAdvancedAt = t;
  }
  opp.updatedAt = t;
  opp.lastInteractionAt = t;

  const archiveChance = posting.state === "closed" ? 0.85 : 0.22;
  if (rng.chance(archiveChance)) {
    const hired = target >= 6 && rng.chance(0.5);
    const pool = account.archiveReasons.filter((a) => a.type === (hired ? "hired" : "non-hired") && (a.status === "active" || rng.chance(0.1)));
    const reason = rng.pick(pool.length ? pool : account.archiveReasons);
    const archivedAt = Math.min(now - 1000, t + rng.int(1, 14 * DAY));
    opp.archived = { archivedAt, reason: reason.id };
    opp.applications[0]!.archived = { archivedAt, reason: reason.id };
    opp.updatedAt = archivedAt;
  }
  const tagPool = ["Referral", "Boomerang", "Needs sponsorship", "Veteran", "Silver medalist", "Relocating"];
  if (rng.chance(0.25)) opp.tags = rng.sample(tagPool, rng.int(1, 2));
  if (origin === "referred" && !opp.tags.includes("Referral")) opp.tags.push("Referral");

  if (rng.chance(0.12)) {
    const ext = rng.chance(0.7) ? "pdf" : "docx";
    const file: FileRec = {
      id: rng.uuid(),
      createdAt,
      name: `Cover letter - ${c.name}.${ext}`,
      ext,
      status: rng.chance(0.07) ? "error" : "processed",
      text: [
        "Dear hiring team,",
        "",
        `I am writing to apply for the ${posting.text} role. Over the past ${c.years} years I have worked as ${c.headline.toLowerCase()}, where I focused on ${c.parsedData.positions[0]?.summary.split("\n")[0]?.toLowerCase() ?? "delivering results"}.`,
        "",
        `I would bring the same care to ${account.name}. Thank you for your time and consideration.`,
        "",
        "Sincerely,",
        c.name,
      ].join("\n"),
    };
    opp.files.push(file);
  }
  return opp;
}

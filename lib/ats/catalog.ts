/** What the Lever integration asks for, in the words the consent screen and the settings card use. */
export const LEVER_PERMISSIONS = [
  "Read jobs (postings), candidates, résumés and files",
  "Read rejection (archive) reasons, stages and users",
  "Post screening results as notes on candidates",
  "Move candidates between stages and archive them with a reason",
  "Register the webhook that tells us about new applications",
] as const;

export const ATS_CATALOG = [
  { id: "lever", name: "Lever", available: true, blurb: "Import jobs and applicants, post screening results and update stages." },
  { id: "greenhouse", name: "Greenhouse", available: false, blurb: "Coming later." },
  { id: "ashby", name: "Ashby", available: false, blurb: "Coming later." },
  { id: "workable", name: "Workable", available: false, blurb: "Coming later." },
] as const;

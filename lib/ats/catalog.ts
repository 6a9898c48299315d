/**
 * What each ATS integration asks for, in the words the consent screen and the settings card use, and
 * who may accept it there.
 */
export const ATS_CONSENT: Readonly<Record<string, { permissions: readonly string[]; signIn: string }>> = {
  lever: {
    signIn: "You will sign in to Lever as a Super Admin and accept these permissions for your whole Lever account.",
    permissions: [
      "Read jobs (postings), candidates, résumés and files",
      "Read rejection (archive) reasons, stages and users",
      "Post screening results as notes on candidates",
      "Move candidates between stages and archive them with a reason",
      "Register the webhook that tells us about new applications",
    ],
  },
  greenhouse: {
    signIn:
      "You will sign in to Greenhouse and accept these permissions for your Greenhouse account. A Site Admin may choose to authorize with a service account: notes and stage changes then appear in Greenhouse under it instead of under your name.",
    permissions: [
      "Read jobs and job posts, applications, candidates and résumé attachments",
      "Read rejection reasons, each job's interview stages and users",
      "Post screening results as notes on candidates",
      "Move applications between stages, reject them with a reason and unreject them",
    ],
  },
};

export const ATS_CATALOG = [
  { id: "lever", name: "Lever", available: true, blurb: "Import jobs and applicants, post screening results and update stages." },
  { id: "greenhouse", name: "Greenhouse", available: true, blurb: "Import jobs and applications, post screening results as notes and update stages." },
  { id: "ashby", name: "Ashby", available: false, blurb: "Coming later." },
  { id: "workable", name: "Workable", available: false, blurb: "Coming later." },
] as const;

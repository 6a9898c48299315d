// pg-boss ships no types for its SQL plans; only the two statement builders used in boss.ts.
declare module "pg-boss/src/plans.js" {
  const plans: {
    completeJobs(schema: string): string;
    failJobsById(schema: string): string;
  };
  export default plans;
}

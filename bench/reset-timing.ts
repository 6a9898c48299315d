/**
 * npm run bench:reset-timing — how long "Forgot password" takes to answer for an address with an
 * account and one without, with the account's link written inline and after the answer (as the app
 * does, through Next's after()). A gap between the two medians would tell an attacker which
 * addresses have accounts. In-memory PGlite; 180 requests of each kind after 20 of warm-up.
 */
import { requestPasswordReset, type Later } from "@/lib/auth/password-reset";
import { createTestDatabase } from "@/tests/helpers/db";

const ROUNDS = 200;
const WARM_UP = 20;

const t = await createTestDatabase();
await t.prisma.user.create({ data: { email: "exists@example.test", passwordHash: "$argon2id$not-a-real-hash" } });
const pending: Promise<void>[] = [];
const afterAnswer: Later = (work) => void pending.push(work());

// Each request at its own hour and address, so no throttle window is shared.
async function answerMs(email: string, n: number, later?: Later): Promise<number> {
  const start = performance.now();
  await requestPasswordReset(t.prisma, { email, address: `10.0.${n >> 8}.${n & 255}` }, new Date(Date.UTC(2026, 0, 1) + n * 3600_000), later);
  const ms = performance.now() - start;
  await Promise.all(pending.splice(0));
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
let n = 0;
for (const [mode, later] of [["inline", undefined], ["after the answer", afterAnswer]] as const) {
  const existing: number[] = [];
  const missing: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    existing.push(await answerMs("exists@example.test", n++, later));
    missing.push(await answerMs(`ghost-${n}@example.test`, n++, later));
  }
  const [a, b] = [median(existing.slice(WARM_UP)), median(missing.slice(WARM_UP))];
  console.log(`${mode.padEnd(17)} account: ${a.toFixed(2)} ms   no account: ${b.toFixed(2)} ms   ratio ${(a / b).toFixed(2)}`);
}
await t.close();

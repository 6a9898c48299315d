import type { Prisma } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";

export const DEMO = {
  organization: "Demo Company",
  slug: "demo-company",
  password: "demo-password",
  admin: "admin@demo.test",
  recruiter: "recruiter@demo.test",
} as const;

/**
 * Seeds the demo organization once; a second call changes nothing, except that a demo organization
 * seeded by an older version, which had no owner (so nobody could grant or hold the owner's rights),
 * gets its demo admin as owner. The demo users have a published password: they are for trying the
 * product out, never for real data.
 */
export async function seedDemo(prisma: Prisma): Promise<{ created: boolean }> {
  const existing = await prisma.organization.findUnique({ where: { slug: DEMO.slug } });
  if (existing) {
    const owners = await prisma.membership.count({ where: { organizationId: existing.id, role: "OWNER" } });
    if (owners === 0) {
      await prisma.membership.updateMany({ where: { organizationId: existing.id, role: "ADMIN", user: { email: DEMO.admin } }, data: { role: "OWNER" } });
    }
    return { created: false };
  }
  const passwordHash = await hashPassword(DEMO.password);
  await prisma.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name: DEMO.organization, slug: DEMO.slug } });
    for (const [email, role, name] of [
      [DEMO.admin, "OWNER", "Avery Admin"],
      [DEMO.recruiter, "RECRUITER", "Riley Recruiter"],
    ] as const) {
      const user = await tx.user.upsert({ where: { email }, update: {}, create: { email, name, passwordHash } });
      await tx.membership.create({ data: { organizationId: org.id, userId: user.id, role } });
    }
  });
  return { created: true };
}

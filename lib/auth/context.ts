import type { Role } from "@/lib/generated/prisma/enums";

/** Who is asking, in which organization, with which role: what every tenant-scoped call receives. */
export interface OrgContext {
  userId: string;
  userEmail: string;
  organizationId: string;
  organizationName: string;
  role: Role;
}

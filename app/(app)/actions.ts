"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/lib/auth";
import { currentUserId, ORG_COOKIE } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}

/** Switches only among the caller's own memberships; anything else is ignored. */
export async function switchOrganizationAction(form: FormData) {
  const userId = await currentUserId();
  if (!userId) redirect("/login");
  const parsed = z.string().min(1).max(50).safeParse(form.get("organizationId"));
  if (parsed.success) {
    const prisma = await db();
    const member = await prisma.membership.findFirst({ where: { userId, organizationId: parsed.data } });
    if (member) {
      (await cookies()).set(ORG_COOKIE, member.organizationId, { httpOnly: true, sameSite: "lax", path: "/", secure: config().appUrl.startsWith("https:") });
    }
  }
  redirect("/jobs");
}

import type { Prisma } from "@/lib/db/client";
import { badRequest } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

/**
 * A new password ends every other session of the account in the same write (the session version
 * goes up), so whoever knew the old password and signed in with it is signed out.
 */
export async function changePassword(prisma: Prisma, userId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user?.passwordHash) throw badRequest("This account signs in through your company's single sign-on and has no password here.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw badRequest("Your current password is not right.", { currentPassword: ["Not your current password"] });
  }
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } } });
}

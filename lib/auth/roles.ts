import type { Role } from "@/lib/generated/prisma/enums";

export const isAdminRole = (role: Role) => role === "OWNER" || role === "ADMIN";

import { getRuntime } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { prisma } = await getRuntime();
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("./lib/boot");
    try {
      await boot();
    } catch (error) {
      console.error("Start-up failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    }
  }
}

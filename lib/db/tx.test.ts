import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import type { Prisma, Tx } from "./client";

describe("a transaction is told from the base client by its type", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  it("at run time both have $transaction (asking for it on PGlite fails), and only the base client has $connect", async () => {
    const seen = await t.prisma.$transaction(async (tx) => ({ transaction: "$transaction" in tx, connect: "$connect" in tx }));
    expect("$transaction" in t.prisma).toBe(true);
    expect(seen).toEqual({ transaction: true, connect: false });
    if (t.database.kind === "pglite") {
      await expect(t.prisma.$transaction((tx) => (tx as unknown as Prisma).$transaction(async () => undefined))).rejects.toThrow(/nested transactions/i);
    }
  });

  it("a function that takes a Tx accepts a transaction and refuses the base client when compiled", () => {
    expectTypeOf<Parameters<Parameters<Prisma["$transaction"]>[0]>[0]>().toExtend<Tx>();
    expectTypeOf<Prisma>().not.toExtend<Tx>();
  });
});

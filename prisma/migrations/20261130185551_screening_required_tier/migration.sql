-- DropIndex
DROP INDEX "ScreeningResult_organizationId_score_idx";

-- AlterTable: added with a default so existing rows get a value, filled from their verdicts below,
-- then the default is dropped so every writer has to compute both (lib/screening/score.ts requiredState).
ALTER TABLE "ScreeningResult" ADD COLUMN     "needsReview" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requiredTier" INTEGER NOT NULL DEFAULT 0;

-- Backfill, with the same rules as requiredState on the stored verdicts (each carries its criterion's
-- kind as screened): 2 when a REQUIRED verdict is NOT_MET, 1 when one is PARTLY_MET or UNKNOWN, else 0;
-- needsReview counts UNKNOWN verdicts of any kind.
UPDATE "ScreeningResult" AS r SET
  "requiredTier" = CASE
    WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(r."verdicts") AS v WHERE v->>'kind' = 'REQUIRED' AND v->>'verdict' = 'NOT_MET') THEN 2
    WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(r."verdicts") AS v WHERE v->>'kind' = 'REQUIRED' AND v->>'verdict' IS DISTINCT FROM 'MET') THEN 1
    ELSE 0
  END,
  "needsReview" = (SELECT count(*) FROM jsonb_array_elements(r."verdicts") AS v WHERE v->>'verdict' = 'UNKNOWN')
WHERE jsonb_typeof(r."verdicts") = 'array';

ALTER TABLE "ScreeningResult" ALTER COLUMN "needsReview" DROP DEFAULT,
ALTER COLUMN "requiredTier" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "ScreeningResult_organizationId_requiredTier_score_idx" ON "ScreeningResult"("organizationId", "requiredTier", "score");

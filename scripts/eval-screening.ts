/**
 * Accuracy of the local screening engine on the labelled sets in tests/fixtures/screening/:
 * eval-set.json (development: rules were fixed against it) and holdout-set.json (labelled after,
 * the honest number), then both together.
 * Run: npx tsx scripts/eval-screening.ts [--json]
 */
import { EVAL_SET_PATH, formatEvalReport, HOLDOUT_SET_PATH, loadEvalSet, runEval } from "@/lib/screening/eval";

const dev = loadEvalSet(EVAL_SET_PATH);
const holdout = loadEvalSet(HOLDOUT_SET_PATH);
// Each set is evaluated at its own "as of" date (current positions end then).
const reports = { development: runEval(dev), holdout: runEval(holdout) };
const combinedRows = [...reports.development.rows, ...reports.holdout.rows];
const combinedCorrect = combinedRows.filter((r) => r.expected === r.got).length;

if (process.argv.includes("--json")) {
  const strip = ({ rows, ...rest }: ReturnType<typeof runEval>) => ({ ...rest, misclassified: rows.filter((r) => r.expected !== r.got) });
  console.log(
    JSON.stringify(
      { development: strip(reports.development), holdout: strip(reports.holdout), combined: { total: combinedRows.length, correct: combinedCorrect, accuracy: combinedCorrect / combinedRows.length } },
      null,
      2,
    ),
  );
} else {
  console.log(formatEvalReport(reports.development, "Development set (eval-set.json)"));
  console.log("\n" + "-".repeat(72) + "\n");
  console.log(formatEvalReport(reports.holdout, "Held-out set (holdout-set.json)"));
  console.log("\n" + "-".repeat(72));
  console.log(`Combined: ${combinedCorrect}/${combinedRows.length} correct, accuracy ${((100 * combinedCorrect) / combinedRows.length).toFixed(1)}%`);
}

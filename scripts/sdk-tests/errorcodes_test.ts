// Checks a generated errorCodes.ts against retry-cases.json; compiled with tsc --strict and
// run with node. Environment: RETRY_CASES, EXPECTED_CODE_COUNT. No @types/node needed.
import { ERROR_CODES, ErrorCode, isErrorCode, isRetryable, lookup, retryDelay, withJitter } from "./errorCodes";

declare const require: (name: string) => any;
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

interface Case {
  code: string;
  attempt: number;
  retry_after: number | null;
  expected_ms: number | null;
  why: string;
}

const fs = require("fs");
const table = JSON.parse(fs.readFileSync(process.env.RETRY_CASES, "utf8"));
let failures = 0;
function check(condition: boolean, message: string): void {
  if (!condition) {
    failures += 1;
    console.log(`FAIL: ${message}`);
  }
}

for (const item of table.cases as Case[]) {
  const delay = retryDelay(item.code, item.attempt, item.retry_after);
  check(delay === item.expected_ms, `${item.code} attempt ${item.attempt} retry_after ${item.retry_after}: got ${delay}, want ${item.expected_ms} (${item.why})`);
}
const known = lookup(table.known.code);
check(known?.status === table.known.status && known?.family === table.known.family && known?.docUrl === table.known.doc_url, `lookup(${table.known.code})`);
const smtp = lookup(table.smtp.code);
check(smtp !== undefined && smtp.status === null && smtp.smtpReply === table.smtp.smtp_reply && smtp.family === table.smtp.family, `lookup(${table.smtp.code})`);
check(lookup(table.unknown) === undefined && !isErrorCode(table.unknown), "unknown code found");
check(lookup("constructor") === undefined && lookup("__proto__") === undefined, "prototype names are not codes");
check(!isRetryable(table.unknown) && isRetryable(table.known.code), "isRetryable");
check(ERROR_CODES.length === Number(process.env.EXPECTED_CODE_COUNT), `${ERROR_CODES.length} codes`);
check(Object.keys(ErrorCode).length === ERROR_CODES.length && Object.isFrozen(ErrorCode), "ErrorCode object");
check(JSON.stringify(ERROR_CODES) === JSON.stringify([...ERROR_CODES].sort()), "codes are sorted");
const typed: ErrorCode = ErrorCode.RATE_LIMITED;
check(typed === "rate_limited", "ErrorCode.RATE_LIMITED");
check(withJitter(1000, 0) === 500 && withJitter(1000, 0.999) === 999 && withJitter(1001, 0.5) === 750, "withJitter");
console.log(`typescript: ${table.cases.length} retry cases, ${failures} failures`);
process.exitCode = failures === 0 ? 0 : 1;

// Checks a generated ErrorCode.swift, compiled together with this file, against
// retry-cases.json. Usage: test RETRY_CASES EXPECTED_CODE_COUNT
import Foundation

struct Table: Decodable {
    struct Case: Decodable {
        var code: String
        var attempt: Int
        var retry_after: Double?
        var expected_ms: Int?
        var why: String
    }
    struct Known: Decodable { var code: String; var status: Int?; var family: String; var doc_url: String? ; var smtp_reply: Int? }
    var known: Known
    var smtp: Known
    var unknown: String
    var cases: [Case]
}

var failures = 0
@MainActor func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        failures += 1
        print("FAIL: \(message())")
    }
}

let arguments = CommandLine.arguments
let table = try JSONDecoder().decode(Table.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
for item in table.cases {
    let delay = ErrorCatalog.retryDelay(code: item.code, attempt: item.attempt, retryAfterSeconds: item.retry_after)
    check(delay == item.expected_ms, "\(item.code) attempt \(item.attempt) retry_after \(String(describing: item.retry_after)): got \(String(describing: delay)), want \(String(describing: item.expected_ms)) (\(item.why))")
}
let known = ErrorCatalog.lookup(table.known.code)
check(known?.status == table.known.status && known?.family == table.known.family && known?.docURL == table.known.doc_url,
      "lookup(\(table.known.code)) = \(String(describing: known))")
let smtp = ErrorCatalog.lookup(table.smtp.code)
check(smtp != nil && smtp?.status == nil && smtp?.smtpReply == table.smtp.smtp_reply && smtp?.family == table.smtp.family,
      "lookup(\(table.smtp.code)) = \(String(describing: smtp))")
check(ErrorCatalog.lookup(table.unknown) == nil && ErrorCode(rawValue: table.unknown) == nil, "unknown code found")
check(!ErrorCatalog.isRetryable(table.unknown) && ErrorCatalog.isRetryable(table.known.code), "isRetryable")
check(ErrorCode.allCases.count == Int(arguments[2])!, "\(ErrorCode.allCases.count) codes, want \(arguments[2])")
check(ErrorCode.allCases.map(\.rawValue) == ErrorCode.allCases.map(\.rawValue).sorted(), "codes are sorted")
check(ErrorCatalog.withJitter(1000, random: 0) == 500 && ErrorCatalog.withJitter(1000, random: 0.999) == 999
      && ErrorCatalog.withJitter(1001, random: 0.5) == 750, "withJitter")
print("swift: \(table.cases.count) retry cases, \(failures) failures")
exit(failures == 0 ? 0 : 1)

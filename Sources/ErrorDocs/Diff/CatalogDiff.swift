import Foundation

/// What changed between two versions of a catalog, as `errdocs diff` reports it.
public struct CatalogDiff: Sendable {
    public struct Change: Sendable, Codable, Equatable {
        public var kind: ChangeKind
        public var level: ChangeKind.Level
        /// The error code or envelope the change is about.
        public var subject: String
        public var message: String

        init(_ kind: ChangeKind, _ subject: String, _ message: String) {
            self.kind = kind
            self.level = kind.level
            self.subject = subject
            self.message = message
        }
    }

    public var oldVersion: String
    public var newVersion: String
    /// Breaking first, then non-breaking, then docs-only; by subject within each kind.
    public var changes: [Change]

    public var hasBreakingChanges: Bool { changes.contains { $0.level == .breaking } }

    /// True when the new version's major number is higher than the old one's, which is how a
    /// catalog answers a breaking change under semver.
    public var isMajorBump: Bool {
        guard let old = Self.major(oldVersion), let new = Self.major(newVersion) else { return false }
        return new > old
    }

    static func major(_ version: String) -> Int? {
        let trimmed = version.hasPrefix("v") ? String(version.dropFirst()) : version
        return Int(trimmed.prefix { $0.isNumber })
    }

    /// Compares two `registry.json` documents.
    public init(old: Data, new: Data) throws {
        let before = try RegistrySnapshot(json: old)
        let after = try RegistrySnapshot(json: new)
        oldVersion = before.version
        newVersion = after.version
        var changes: [Change] = []
        for code in Set(before.errors.keys).union(after.errors.keys) {
            switch (before.errors[code], after.errors[code]) {
            case (_?, nil):
                if after.removed.contains(code) {
                    changes.append(Change(.codeRetired, code, "'\(code)' was removed and keeps a tombstone page"))
                } else {
                    changes.append(Change(.codeRemoved, code, "'\(code)' was removed without being listed under removed:"))
                }
            case (nil, _?):
                changes.append(Change(.codeAdded, code, "'\(code)' was added"))
            case (let old?, let new?):
                changes += Self.compare(old, new, docsChanged: before.rawErrors[code].map { Self.docs($0) } != after.rawErrors[code].map { Self.docs($0) })
            case (nil, nil):
                break
            }
        }
        for code in before.removed.subtracting(after.removed) where after.errors[code] == nil {
            changes.append(Change(.tombstoneRemoved, code, "'\(code)' is no longer listed under removed:, so its tombstone page and doc_url go"))
        }
        for name in Set(before.envelopes.keys).union(after.envelopes.keys) {
            switch (before.envelopes[name], after.envelopes[name]) {
            case (_?, nil): changes.append(Change(.envelopeRemoved, name, "envelope '\(name)' was removed"))
            case (nil, _?): changes.append(Change(.envelopeAdded, name, "envelope '\(name)' was added"))
            case (let old?, let new?):
                changes += Self.compare(old, new)
            case (nil, nil): break
            }
        }
        self.changes = changes.sorted { ($0.kind, $0.subject, $0.message) < ($1.kind, $1.subject, $1.message) }
    }

    private static func compare(_ old: RegistrySnapshot.Envelope, _ new: RegistrySnapshot.Envelope) -> [Change] {
        let name = old.name
        var changes: [Change] = []
        for (field, before) in old.fields.sorted(by: { $0.key < $1.key }) {
            guard let after = new.fields[field] else {
                changes.append(Change(.envelopeFieldRemoved, name, "envelope '\(name)' lost field '\(field)'"))
                continue
            }
            if before != after {
                changes.append(Change(.envelopeFieldTypeChanged, name,
                    "envelope '\(name)' field '\(field)' changed type from \(before.isEmpty ? "any" : before) to \(after.isEmpty ? "any" : after)"))
            }
        }
        for field in new.fields.keys.sorted() where old.fields[field] == nil {
            changes.append(Change(.envelopeFieldAdded, name, "envelope '\(name)' gained field '\(field)'"))
        }
        let format: [(String, String?, String?)] = [
            ("content type", old.contentType, new.contentType), ("code field", old.codeField, new.codeField),
            ("documentation URL field", old.docURLField, new.docURLField),
        ]
        for (what, before, after) in format where before != after {
            changes.append(Change(.envelopeFormatChanged, name,
                "envelope '\(name)' \(what) changed from \(before.map { "'\($0)'" } ?? "none") to \(after.map { "'\($0)'" } ?? "none")"))
        }
        return changes
    }

    private static func compare(_ old: RegistrySnapshot.Entry, _ new: RegistrySnapshot.Entry, docsChanged: Bool) -> [Change] {
        let code = old.code
        var changes: [Change] = []
        if old.surface != new.surface {
            changes.append(Change(.surfaceChanged, code, "'\(code)' moved from \(old.surface) to \(new.surface)"))
        } else if old.status != new.status || old.smtp != new.smtp || old.event != new.event {
            changes.append(Change(.statusChanged, code, "'\(code)' changed from \(label(old)) to \(label(new))"))
        }
        if old.family != new.family {
            changes.append(Change(.familyChanged, code, "'\(code)' moved from family '\(old.family)' to '\(new.family)'"))
        }
        if old.retry.retryable != new.retry.retryable {
            changes.append(Change(.retryabilityChanged, code, "'\(code)' is \(new.retry.retryable ? "now" : "no longer") retryable (\(old.retry.policy) → \(new.retry.policy))"))
        } else if old.retry != new.retry {
            changes.append(Change(.retryPolicyChanged, code, "'\(code)' retry policy changed (\(describe(old.retry)) → \(describe(new.retry)))"))
        }
        if old.deprecated == nil, new.deprecated != nil {
            let replacement = new.deprecated?.replaced_by.map { ", replaced by '\($0)'" } ?? ""
            changes.append(Change(.codeDeprecated, code, "'\(code)' was deprecated\(replacement)"))
        }
        if docsChanged {
            changes.append(Change(.docsChanged, code, "'\(code)' documentation changed"))
        }
        return changes
    }

    /// An entry without the fields compared on their own: what is left is documentation.
    private static func docs(_ entry: NSDictionary) -> NSDictionary {
        let copy = entry.mutableCopy() as! NSMutableDictionary
        copy.removeObjects(forKeys: ["code", "surface", "status", "smtp", "event", "family", "retry", "deprecated"])
        return copy
    }

    private static func label(_ entry: RegistrySnapshot.Entry) -> String {
        switch entry.surface {
        case "smtp": "SMTP \(entry.smtp?.reply ?? 0) \(entry.smtp?.enhanced ?? "")"
        case "event": "event \(entry.event ?? "")"
        default: "HTTP \(entry.status.map(String.init) ?? "?")"
        }
    }

    private static func describe(_ retry: RegistrySnapshot.Retry) -> String {
        var parts = [retry.policy]
        if let attempts = retry.max_attempts { parts.append("\(attempts) attempts") }
        if let initial = retry.initial_delay_ms { parts.append("from \(initial) ms") }
        if let ceiling = retry.max_delay_ms { parts.append("up to \(ceiling) ms") }
        if retry.jitter == true { parts.append("jitter") }
        return parts.joined(separator: ", ")
    }
}

/// JSON Schemas (2020-12) of the files authors write, for editors (through the
/// `yaml-language-server` comment) and for `errdocs schema`. The loader is the authority; a test
/// keeps each schema's keys equal to the keys the loader accepts.
public enum AuthoringSchema: String, CaseIterable, Sendable {
    /// `catalog.yaml`.
    case catalog
    /// A file under `errors/`: one error, or an `errors:` list.
    case error

    public var json: String {
        switch self {
        case .catalog: Self.catalogJSON
        case .error: Self.errorJSON
        }
    }

    private static let retry = #"""
        "retry": {
          "description": "How clients retry. Durations: a number followed by ms, s, m or h.",
          "type": "object",
          "required": ["policy"],
          "additionalProperties": false,
          "properties": {
            "policy": {"enum": ["never", "after_fix", "retry_after", "backoff"]},
            "max_attempts": {"type": "integer", "minimum": 1},
            "initial_delay": {"$ref": "#/$defs/duration"},
            "max_delay": {"$ref": "#/$defs/duration"},
            "jitter": {"type": "boolean"}
          }
        },
        "duration": {"type": "string", "pattern": "^[0-9]+(ms|s|m|h)$"},
        "markdown": {"description": "CommonMark text.", "type": "string", "minLength": 1}
    """#

    static let catalogJSON = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://errdocs.dev/schemas/catalog.schema.json",
      "title": "errdocs catalog.yaml",
      "description": "Settings of a whole errdocs catalog. See docs/catalog-format.md.",
      "type": "object",
      "required": ["name", "version", "base_url", "doc_url", "envelopes", "families"],
      "additionalProperties": false,
      "properties": {
        "name": {"description": "Product or API name shown on every page.", "type": "string"},
        "version": {"description": "Version of the catalog (semver).", "type": "string"},
        "description": {"$ref": "#/$defs/markdown"},
        "base_url": {"description": "Where the site is hosted.", "type": "string", "pattern": "^https?://"},
        "doc_url": {"description": "Public page of one error; {code} is replaced by the code.", "type": "string", "pattern": "\\{code\\}"},
        "edit_url": {"description": "Where 'Edit this page' links go; {path} is replaced by the file's path in the catalog folder.", "type": "string", "pattern": "^https://.*\\{path\\}"},
        "languages": {"description": "Order of recovery-code tabs.", "type": "array", "items": {"type": "string"}},
        "removed": {
          "description": "Errors the API no longer returns; each keeps a tombstone page at its doc_url.",
          "type": "array",
          "items": {
            "type": "object",
            "required": ["code", "reason"],
            "additionalProperties": false,
            "properties": {
              "code": {"type": "string"},
              "title": {"type": "string"},
              "since": {"description": "Catalog version that removed it.", "type": "string"},
              "reason": {"description": "Why it was removed (Markdown).", "type": "string"},
              "replaced_by": {"description": "Code of the error to handle instead.", "type": "string"}
            }
          }
        },
        "envelopes": {
          "description": "Response body shapes, by name.",
          "type": "object",
          "minProperties": 1,
          "additionalProperties": {
            "type": "object",
            "required": ["description", "schema"],
            "additionalProperties": false,
            "properties": {
              "title": {"type": "string"},
              "description": {"$ref": "#/$defs/markdown"},
              "content_type": {"type": "string"},
              "schema": {"description": "JSON Schema every example body using this envelope satisfies.", "type": "object"},
              "code_field": {"description": "Body property that carries the error code.", "type": "string"},
              "doc_url_field": {"description": "Body property that carries the documentation URL.", "type": "string"},
              "default": {"type": "boolean"}
            }
          }
        },
        "families": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "object",
            "required": ["id", "title", "summary", "handling", "retry"],
            "additionalProperties": false,
            "properties": {
              "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
              "title": {"description": "One line of plain text.", "type": "string", "maxLength": 100},
              "summary": {"type": "string", "maxLength": 200},
              "description": {"$ref": "#/$defs/markdown"},
              "handling": {"$ref": "#/$defs/markdown"},
              "statuses": {"type": "array", "items": {"type": "integer", "minimum": 100, "maximum": 599}},
              "retry": {"$ref": "#/$defs/retry"}
            }
          }
        },
        "lint": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "disable": {"description": "Ids of lint rules, or of checks that warn, to turn off.", "type": "array", "items": {"type": "string"}},
            "severity": {"description": "Severity by id of a lint rule or of a check that warns.", "type": "object", "additionalProperties": {"enum": ["error", "warning"]}}
          }
        }
      },
      "$defs": {
    \#(retry)
      }
    }

    """#

    static let errorJSON = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://errdocs.dev/schemas/error.schema.json",
      "title": "errdocs error file",
      "description": "One error, or a list of errors under 'errors:'. See docs/catalog-format.md.",
      "oneOf": [
        {"$ref": "#/$defs/error"},
        {
          "type": "object",
          "required": ["errors"],
          "additionalProperties": false,
          "properties": {"errors": {"type": "array", "items": {"$ref": "#/$defs/error"}}}
        }
      ],
      "$defs": {
        "code": {"type": "string", "pattern": "^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$", "maxLength": 64},
        "error": {
          "type": "object",
          "required": ["code", "title", "family", "summary", "meaning", "causes", "quick_fix"],
          "additionalProperties": false,
          "properties": {
            "code": {"$ref": "#/$defs/code"},
            "title": {"description": "One line of plain text.", "type": "string", "maxLength": 100},
            "surface": {"enum": ["response", "event", "smtp"], "default": "response"},
            "status": {"type": "integer", "minimum": 100, "maximum": 599},
            "smtp": {
              "type": "object",
              "required": ["reply", "enhanced"],
              "additionalProperties": false,
              "properties": {
                "reply": {"type": "integer", "minimum": 200, "maximum": 599},
                "enhanced": {"description": "RFC 3463 class.subject.detail, quoted.", "type": "string", "pattern": "^[245]\\.[0-9]{1,3}\\.[0-9]{1,3}$"}
              }
            },
            "event": {"type": "string"},
            "family": {"type": "string"},
            "summary": {"description": "One sentence of plain text.", "type": "string", "maxLength": 200},
            "scope": {"type": "string"},
            "endpoints": {"type": "array", "items": {"type": "string"}},
            "retry": {"$ref": "#/$defs/retry"},
            "meaning": {"$ref": "#/$defs/markdown"},
            "causes": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/markdown"}},
            "details": {"$ref": "#/$defs/markdown"},
            "example": {
              "type": "object",
              "required": ["status", "body"],
              "additionalProperties": false,
              "properties": {
                "status": {"type": "integer", "minimum": 100, "maximum": 599},
                "headers": {"type": "object", "additionalProperties": {"type": "string"}},
                "envelope": {"type": "string"},
                "body": {}
              }
            },
            "quick_fix": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/markdown"}},
            "recovery": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["language", "code"],
                "additionalProperties": false,
                "properties": {
                  "language": {"type": "string"},
                  "title": {"type": "string"},
                  "description": {"$ref": "#/$defs/markdown"},
                  "code": {"type": "string", "minLength": 1}
                }
              }
            },
            "prevention": {"type": "array", "items": {"$ref": "#/$defs/markdown"}},
            "agent_hint": {"description": "One line of plain text.", "type": "string"},
            "headers": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": false,
                "properties": {"name": {"type": "string"}, "description": {"$ref": "#/$defs/markdown"}}
              }
            },
            "related": {"type": "array", "items": {"$ref": "#/$defs/code"}},
            "since": {"type": "string"},
            "deprecated": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "since": {"type": "string"},
                "replaced_by": {"$ref": "#/$defs/code"},
                "note": {"$ref": "#/$defs/markdown"}
              }
            }
          },
          "allOf": [
            {
              "if": {"anyOf": [{"not": {"required": ["surface"]}}, {"properties": {"surface": {"const": "response"}}, "required": ["surface"]}]},
              "then": {"required": ["status", "example"]}
            },
            {"if": {"properties": {"surface": {"const": "smtp"}}, "required": ["surface"]}, "then": {"required": ["smtp"]}},
            {"if": {"properties": {"surface": {"const": "event"}}, "required": ["surface"]}, "then": {"required": ["event"]}}
          ]
        },
    \#(retry)
      }
    }

    """#
}
